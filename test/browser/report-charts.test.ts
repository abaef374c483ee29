import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/domain/reporting/report-document.ts";
import { createViewEnvironment, GOVUK_DIST } from "../../src/web/views.ts";
import { axeViolations, chromiumAvailable, launchChromium, screenshot } from "../support/browser.ts";
import { aGroupedChart, aReport, aStackedChart } from "../support/report-documents.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

const ORIGIN = "http://redress.test";
const NONCE = "test-nonce";
/** The policy the web app sends (src/web/app.ts): no inline styles, scripts only from the site or nonced. */
const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self'; img-src 'self' data:`;
const TYPES: Record<string, string> = {
  ".css": "text/css",
  ".js": "text/javascript",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/** A staff page showing a report through the report macros, in the app's own layout. */
function reportPage(report: ReportDocument): string {
  return createViewEnvironment().renderString(
    `{% extends "layout.njk" %}
     {% from "report/macros.njk" import reportBlocks %}
     {% set title = report.title %}
     {% block content %}
       <h1 class="govuk-heading-l">{{ report.title }}</h1>
       <p class="govuk-body">{{ report.organisation.name }}, {{ report.period.label }}</p>
       {{ reportBlocks(report.blocks) }}
     {% endblock %}`,
    { report, user: null, currentPath: "/reports", cspNonce: NONCE, csrfToken: "t" },
  );
}

/** WCAG contrast of two CSS colours as the browser computes them ("rgb(r, g, b)"), worked out in the page. */
const CONTRASTS = `(() => {
  const rgb = (css) => css.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (css) => {
    const [r, g, b] = rgb(css).map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backgroundOf = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (colour && !/rgba\\(0, 0, 0, 0\\)|transparent/.test(colour)) return colour;
    }
    return "rgb(255, 255, 255)";
  };
  return [...document.querySelectorAll("svg.redress-chart")].flatMap((svg) => {
    const page = backgroundOf(svg.parentElement);
    const marks = [...svg.querySelectorAll(".redress-chart__mark, .redress-chart__legend")]
      .filter((e) => e.tagName !== "text")
      .map((e) => {
        const style = getComputedStyle(e);
        // A bar's edge is its outline (stroke); a line is its stroke; a marker is its fill.
        const colour = e.tagName === "circle" || e.tagName === "polygon" ? style.fill : style.stroke;
        return { kind: "mark", what: e.tagName + " " + (e.querySelector("title")?.textContent ?? ""), ratio: contrast(colour, page) };
      });
    const texts = [...svg.querySelectorAll("text")].map((e) => ({ kind: "text", what: e.textContent, ratio: contrast(getComputedStyle(e).fill, page) }));
    return [...marks, ...texts];
  });
})()`;

run("report charts and tables in a real browser (headless Chromium)", () => {
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];

  async function open(target: Page, report: ReportDocument) {
    const html = reportPage(report);
    await target.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === "/reports")
        return route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          headers: { "Content-Security-Policy": CSP },
          body: html,
        });
      // govuk-frontend's own files, as the app serves them at /govuk/ and /assets/.
      const file = url.pathname.startsWith("/assets/")
        ? join(GOVUK_DIST, "govuk", normalize(url.pathname))
        : join(GOVUK_DIST, normalize(url.pathname));
      try {
        return route.fulfill({
          status: 200,
          contentType: TYPES[extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      } catch {
        return route.fulfill({ status: 404, body: "" });
      }
    });
    await target.goto(`${ORIGIN}/reports`, { waitUntil: "load" });
  }

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    page.on("console", (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
    });
    const report = aReport();
    report.blocks.push({ kind: "chart", chart: aStackedChart() });
    await open(page, report);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("axe finds no WCAG 2.2 A/AA violation on a page of charts, figures and tables, and the policy refuses nothing", async () => {
    await screenshot(page, "report-charts");
    expect(await axeViolations(page)).toEqual([]);
    // Open every "Show the data" and check again, with the tables showing.
    for (const summary of await page.locator("summary").all()) await summary.click();
    expect(await axeViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("gives every mark at least 3:1 and every chart text at least 4.5:1 against the page behind it", async () => {
    const contrasts = (await page.evaluate(CONTRASTS)) as { kind: string; what: string; ratio: number }[];
    expect(contrasts.filter((c) => c.kind === "mark").length).toBeGreaterThan(40);
    expect(contrasts.filter((c) => c.kind === "mark" && c.ratio < 3)).toEqual([]);
    expect(contrasts.filter((c) => c.kind === "text" && c.ratio < 4.5)).toEqual([]);
  });

  it("names each chart from its title and describes it with its data, as the accessibility tree shows", async () => {
    const chart = aGroupedChart();
    const svg = page.getByRole("img", { name: chart.title });
    await expect.poll(() => svg.count()).toBe(1);
    expect(await svg.getAttribute("aria-describedby")).toBe("report-chart-6-desc");
    expect(await page.locator("#report-chart-6-desc").textContent()).toContain(
      "Repairs: Stage 1 42, Stage 2 8",
    );
  });

  it("draws charts at about their laid-out size (two-thirds of a desktop page), so their text is not shrunk", async () => {
    const widths = (await page.evaluate(
      `[...document.querySelectorAll("svg.redress-chart")].map((svg) => svg.getBoundingClientRect().width)`,
    )) as number[];
    expect(widths).toHaveLength(4);
    // Laid out 640 wide with 16-unit text: at 600 or more the text is at least 15 px.
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(600);
  });

  it("shows the data with JavaScript off: 'Show the data' opens a table with every figure", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await open(noScript, aReport({ blocks: [{ kind: "chart", chart: aGroupedChart() }] }));
    const table = noScript.locator("details table");
    expect(await table.isVisible()).toBe(false);
    await noScript.locator("summary", { hasText: "Show the data" }).click();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator("tbody tr").first().innerText()).toMatch(/^Repairs\s+42\s+8\s+2$/);
    await context.close();
  });
});
