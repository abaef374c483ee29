import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/add-user.ts";
import { buildApp } from "../../src/web/app.ts";
import {
  axeViolations,
  chromiumAvailable,
  launchChromium,
  screenshot,
  signInAs,
} from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { testServices } from "../support/services.ts";
import { buildSyntheticYear } from "../support/synthetic-year-builder.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run("report pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2027-05-03T10:00:00Z");
    await buildSyntheticYear(services, "year");
    await addUser(services, {
      organisationId: "year",
      email: "eve@year.test",
      name: "Eve Executive",
      role: "executive",
      password: "correct horse battery",
    });
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  it("shows the reports, a figure's complaints and a period typed wrong, with no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await signInAs(page, base, "eve@year.test");
    await page.click("a:has-text('Reports')");
    await page.waitForURL(/\/reports$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.click("a:has-text('Tenant Satisfaction Measures')");
    await page.waitForURL(/\/reports\/tsm$/);
    await page.goto(`${base}/reports/tsm?year=2026`);
    expect(await page.locator("table").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports-tsm");

    await page.goto(`${base}/reports/measures?from=2026-04-01&to=2027-03-31`);
    expect(await page.locator("table#timeliness-stage1 tbody tr").count()).toBe(9);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports-measures");

    // The figure's link leads to its complaints, each linking to its case.
    await page.click("table#remedies tbody tr:nth-child(3) td:nth-child(3) a");
    await page.waitForURL(/\/reports\/drill\?/);
    expect(await page.textContent("h1")).toContain("Remedies completed");
    expect(await page.locator("table tbody tr").count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports-drill");

    await page.goto(
      `${base}/reports/drill?from=2026-04-01&to=2027-03-31&measure=contacts.byKind&group=service-request`,
    );
    expect(await page.locator("table tbody tr").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // A period typed wrong: the error summary and the fields, with what was typed.
    await page.goto(`${base}/reports/measures`);
    await page.click("summary:has-text('Choose another period')");
    await page.fill("#from-day", "31");
    await page.fill("#from-month", "2");
    await page.fill("#from-year", "2026");
    await page.fill("#to-day", "1");
    await page.fill("#to-month", "3");
    await page.fill("#to-year", "2026");
    await page.click("button:has-text('Show the measures')");
    await page.waitForURL(/from-day=31/);
    expect(await page.textContent(".govuk-error-summary")).toContain("Enter the first day of the period");
    expect(await page.inputValue("#from-day")).toBe("31");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports-period-error");
    await page.close();
  });

  it("shows the periodic reports with no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await signInAs(page, base, "eve@year.test");
    await page.goto(`${base}/reports`);
    await page.click("a:has-text('Monthly complaints report for the executive team')");
    await page.waitForURL(/\/reports\/periodic\/executive$/);
    expect(await page.textContent("h1")).toContain("April 2027");
    await page.goto(`${base}/reports/periodic/executive?period=2026-06`);
    expect(await page.locator("svg[role='img']").count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports-executive");
    for (const url of ["/reports/periodic/board?period=2026-q3", "/reports/periodic/mrc?period=2026-q3"]) {
      await page.goto(`${base}${url}`);
      expect(await page.locator("h2:has-text('Systemic issues')").count(), url).toBe(1);
      expect(await axeViolations(page), url).toEqual([]);
    }
    await screenshot(page, "reports-mrc");
    await page.goto(`${base}/reports/periodic/executive?period=2026-13`);
    expect(await page.textContent(".govuk-error-summary")).toContain("not a period this report covers");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("chooses a periodic report's period with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill("#email", "eve@year.test");
    await page.fill("#password", "correct horse battery");
    await page.click("button:has-text('Sign in')");
    await page.goto(`${base}/reports/periodic/board`);
    await page.selectOption("#period", "2026-q3");
    await page.click("button:has-text('Show the report')");
    await page.waitForURL(/period=2026-q3/);
    expect(await page.textContent("h1")).toContain("October to December 2026");
    await context.close();
  });
});
