import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOmbudsmanOrder } from "../../src/app/add-ombudsman-order.ts";
import { addUser } from "../../src/app/add-user.ts";
import { recordOmbudsmanCase } from "../../src/app/record-ombudsman-case.ts";
import { aComplaint } from "../../src/app/test-builders.ts";
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

run("the governance pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let caseId: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2027-02-01T10:00:00Z");
    await anOrganisation(services, "bchg");
    for (const [email, role] of [
      ["cara@bchg.test", "complaints-team"],
      ["ella@bchg.test", "executive"],
    ] as const)
      await addUser(services, {
        organisationId: "bchg",
        email,
        name: email,
        role,
        password: "correct horse battery",
      });
    const reference = await aComplaint(services, "bchg", "responded");
    ({ id: caseId } = await recordOmbudsmanCase(
      services,
      {
        organisationId: "bchg",
        kind: "determination",
        hosReference: "202412345",
        complaintReference: reference,
        decidedOn: "2026-12-18",
        findings: [{ element: "Complaint handling", finding: "service-failure", complaintHandling: true }],
      },
      "cara@bchg.test",
    ));
    await addOmbudsmanOrder(
      services,
      { organisationId: "bchg", caseId, kind: "order", description: "Pay £350", dueOn: "2027-01-29" },
      "cara@bchg.test",
    );
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const accessible = async (page: Page, what: string) => expect(await axeViolations(page), what).toEqual([]);

  it("takes the complaints officer through learning, 'you said, we did', Ombudsman findings, the self-assessment and the annual report, with no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "cara@bchg.test");
    await page.click("a:has-text('Governance')");
    await page.waitForURL(/\/governance$/);
    await accessible(page, "overview");

    // Learning: a lesson, a broken rule shown at its field, then saved.
    await page.click("nav[aria-label='Governance'] a:has-text('Learning log')");
    await accessible(page, "learning log");
    await page.click("a:has-text('Book the follow-up visit')");
    await page.fill("#action", "Brief the schedulers");
    await page.click("button:has-text('Save')");
    await page.waitForSelector(".govuk-error-summary");
    expect(await page.inputValue("#action")).toBe("Brief the schedulers");
    await accessible(page, "lesson with an error");
    await page.fill("#owner", "Repairs lead");
    await page.fill("#dueOn", "2027-03-01");
    await page.check("input[name='themes'][value='repairs']");
    await page.click("button:has-text('Save')");
    await page.waitForURL(/done=saved/);
    await accessible(page, "lesson saved");
    await screenshot(page, "governance-lesson");

    // "You said, we did": drafted from the lesson, refused with a name, approved, published.
    await page.click("button:has-text('Draft a')");
    await page.waitForURL(/you-said-we-did\/[0-9a-f-]+\?done=drafted/);
    await page.fill("#weDid", "We apologised to Mrs Example and now book second visits at the first.");
    await page.fill("#changedOn", "2027-01-15");
    await page.click("button:has-text('Save')");
    await page.click("button:has-text('Approve for publication')");
    await page.waitForSelector(".govuk-error-summary");
    await accessible(page, "entry with personal details refused");
    await page.fill("#weDid", "We now book second visits at the first.");
    await page.click("button:has-text('Save')");
    await page.click("button:has-text('Approve for publication')");
    await page.waitForURL(/done=approve/);
    await accessible(page, "entry approved");
    await page.goto(`${base}/governance/you-said-we-did`);
    await accessible(page, "you said, we did list");
    await page.goto(`${base}/governance/you-said-we-did/published`);
    expect(await page.textContent("main")).toContain("We now book second visits at the first.");
    await accessible(page, "published list");

    // Ombudsman findings: the list with its forms, an error, the case with an overdue order.
    await page.goto(`${base}/governance/ombudsman`);
    await accessible(page, "ombudsman findings");
    await page.click("button:has-text('Record the decision')");
    await page.waitForSelector(".govuk-error-summary");
    await accessible(page, "ombudsman findings with errors");
    await page.goto(`${base}/governance/ombudsman/${caseId}`);
    expect(await page.textContent("main")).toContain("Overdue");
    await accessible(page, "ombudsman case");

    // The self-assessment: a section with an error, saved, approved.
    await page.goto(`${base}/governance/self-assessment/2026/sections/4`);
    await accessible(page, "self-assessment section");
    await page.check("#answers4\\.2Comply");
    await page.click("button:has-text('Save section 4')");
    await page.waitForSelector(".govuk-error-summary");
    await accessible(page, "self-assessment section with an error");
    await page.fill("#answers4\\.2Evidence", "Scheme of delegation");
    await page.click("button:has-text('Save section 4')");
    await page.waitForURL(/done=saved/);
    await accessible(page, "self-assessment");
    await page.fill("#body", "The Board");
    await page.fill("#approvedOn", "2027-01-30");
    await page.click("button:has-text('Record the approval')");
    await page.waitForURL(/done=approved/);
    await screenshot(page, "governance-self-assessment");

    // The annual report: issued, the governing body's response recorded.
    await page.goto(`${base}/governance/annual-report/2026`);
    await accessible(page, "annual report");
    await page.click("button:has-text('Issue this report')");
    await page.waitForURL(/versions\/1\?done=issued/);
    await accessible(page, "annual report version");
    await page.fill("#response", "The Board notes the report and asks for quarterly updates on orders.");
    await page.fill("#body", "The Board");
    await page.fill("#givenOn", "2027-02-01");
    await page.click("button:has-text('Record the response')");
    await page.waitForURL(/done=response/);
    expect(await page.textContent("main")).toContain("asks for quarterly updates");
    await accessible(page, "annual report with the response");
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible("form")).toBe(false);
    await screenshot(page, "governance-annual-report-print");
    await page.close();
  });

  it("shows an executive every page, with nothing to change", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "ella@bchg.test");
    for (const url of [
      "/governance",
      "/governance/learning",
      "/governance/ombudsman",
      "/governance/self-assessment/2026",
      "/governance/annual-report/2026",
    ]) {
      await page.goto(`${base}${url}`);
      expect(await page.locator("main form[method='post']").count(), url).toBe(0);
      await accessible(page, `executive ${url}`);
    }
    await page.close();
  });
});
