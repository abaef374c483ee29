import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/add-user.ts";
import { addAttachment } from "../../src/app/add-attachment.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
import { requestEscalation } from "../../src/app/request-escalation.ts";
import { aComplaint, NOW } from "../../src/app/test-builders.ts";
import { triageComplaint } from "../../src/app/triage-complaint.ts";
import { buildApp } from "../../src/web/app.ts";
import {
  axeViolations,
  chromiumAvailable,
  launchChromium,
  screenshot,
  signInAs,
} from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { anOrganisation, testServices } from "../support/services.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run("staff pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let reference: string;
  const stages: string[] = [];

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    for (const [email, name, role] of [
      ["asha@bchg.test", "Asha Patel", "handler"],
      ["admin@bchg.test", "Ade Admin", "admin"],
    ] as const) {
      await addUser(services, {
        organisationId: "bchg",
        email,
        name,
        role,
        password: "correct horse battery",
      });
    }
    for (const milestone of ["undefined", "acknowledged", "responded", "escalated", "closed"] as const) {
      stages.push(await aComplaint(services, "bchg", milestone));
    }
    // Late escalation waiting for a decision, a hazard, and an attachment, so every section shows.
    const late = await aComplaint(services, "bchg", "responded");
    await requestEscalation(services, { organisationId: "bchg", reference: late, on: "2026-12-14" }, "t");
    await triageComplaint(
      services,
      {
        organisationId: "bchg",
        reference: late,
        on: "2026-12-14",
        category: "damp-and-mould",
        hazard: { severity: "emergency", description: "Mould over the cot", at: "2026-12-14T09:00:00Z" },
      },
      "t",
    );
    await addAttachment(
      services,
      {
        organisationId: "bchg",
        reference: late,
        fileName: "notes.txt",
        content: Buffer.from("Call notes\n"),
        source: "staff",
      },
      "t",
    );
    stages.push(late);
    reference = (
      await logComplaint(
        services,
        {
          organisationId: "bchg",
          receivedOn: "2026-11-02",
          channel: "phone",
          description: "Black mould in the bedroom <script>alert(1)</script>",
          resident: { name: "Ada Resident", contactPreferences: { noPhoneCalls: true } },
          definition: {
            issues: [{ id: "1", summary: "Mould not treated" }],
            outcomesSought: ["Treat the mould"],
          },
        },
        "agent@test",
      )
    ).reference;
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  it("the accessibility check finds violations when there are some", async () => {
    const page = await browser.newPage();
    await page.setContent("<html><body><input type='text'></body></html>");
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "label"]));
    await page.close();
  });

  it("signs in, shows the caseload and a case, each page with no WCAG 2.2 A/AA violations", async () => {
    // axe is injected through the debugging protocol; the pages' own CSP stays on.
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });

    await page.goto(`${base}/sign-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#email", "asha@bchg.test");
    await page.fill("#password", "wrong");
    await page.click("button:has-text('Sign in')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "staff-sign-in-error");

    await page.fill("#password", "correct horse battery");
    await page.click("button:has-text('Sign in')");
    await page.waitForURL(/\/caseload/);
    expect(await page.textContent("h1")).toContain("Team caseload");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "staff-caseload");

    await page.click(`a:has-text('${reference}')`);
    await page.waitForURL(new RegExp(reference));
    expect(await page.textContent("body")).toContain("Black mould in the bedroom <script>alert(1)</script>");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "staff-case");
    expect(alerts).toEqual([]); // the script in the complaint text never ran

    await page.goto(`${base}/complaints/new`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click("button:has-text('Log the complaint')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "staff-log-complaint-errors");
  });

  it("shows a complaint at every stage, with every form open and after a refused form, without violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "admin@bchg.test");
    const openEverything = () =>
      page.evaluate(`document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""))`);
    for (const ref of stages) {
      await page.goto(`${base}/complaints/${ref}`);
      await openEverything();
      expect(await axeViolations(page), ref).toEqual([]);
    }
    await screenshot(page, "staff-case-every-form");

    // A refused form: the error summary links to the field in the right form.
    await page.goto(`${base}/complaints/${stages[1]}`);
    await page.click("summary:has-text('Record the findings and respond')");
    await page.click("button:has-text('Issue the response')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    await page.click(".govuk-error-summary a >> nth=0");
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toMatch(/^respond-/);
    await openEverything();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "staff-case-respond-errors");
    await page.close();
  });

  it("works with JavaScript off: acknowledging a complaint is a plain form post", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill("#email", "asha@bchg.test");
    await page.fill("#password", "correct horse battery");
    await page.click("button:has-text('Sign in')");
    await page.goto(`${base}/complaints/${reference}`);
    await page.click("summary:has-text('Acknowledge the complaint')");
    await page.click("button:has-text('Acknowledge')");
    await page.waitForURL(/done=acknowledge/);
    expect(await page.textContent("body")).toContain("Stage 1: investigating");
    await context.close();
  });
});
