import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeComplaint } from "../../src/app/acknowledge-complaint.ts";
import { addUser } from "../../src/app/add-user.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
import { lettersOf } from "../../src/app/test-builders.ts";
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

run("letter pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let letterUrl: string;
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    for (const [email, role] of [
      ["hana@bchg.test", "handler"],
      ["ada@bchg.test", "admin"],
    ] as const) {
      await addUser(services, {
        organisationId: "bchg",
        email,
        name: email,
        role,
        password: "correct horse battery",
      });
    }
    // A resident whose name carries markup: it must show as text.
    ({ reference } = await logComplaint(
      services,
      {
        organisationId: "bchg",
        receivedOn: "2026-11-02",
        channel: "phone",
        description: "Leak in the kitchen",
        resident: { name: "<b>Ruth</b> Resident", address: "12 Oak Road, Smethwick", postcode: "B66 1AA" },
        definition: { issues: [{ id: "leak", summary: "Leak not fixed" }], outcomesSought: ["Fix the leak"] },
      },
      "agent@test",
    ));
    // Acknowledged before a handler is assigned: the letter cannot say who is handling it yet.
    await acknowledgeComplaint(
      services,
      { organisationId: "bchg", reference, on: "2026-11-03", stage: 1 },
      "t",
    );
    const [letter] = await lettersOf(test.db, reference);
    letterUrl = `/complaints/${reference}/letters/${letter!.id}`;
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const expectAccessible = async (page: Page, name: string) => {
    expect(await axeViolations(page), name).toEqual([]);
    await screenshot(page, name);
  };

  it("the letter page, and its refusal to issue with what is missing, have no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "hana@bchg.test");
    await page.goto(`${base}/complaints/${reference}`);
    await expectAccessible(page, "letters-case-page-with-draft");
    await page.click(`a[href="${letterUrl}"]`);
    await page.waitForURL(`**${letterUrl}`);
    expect(await page.textContent(".app-letter-preview")).toContain("Dear <b>Ruth</b> Resident,");
    expect(await page.locator(".app-letter-preview b").count()).toBe(0);
    await expectAccessible(page, "letter-draft");

    await page.click("button:has-text('Issue the letter')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await page.textContent(".govuk-error-summary")).toContain(
      "Add who is handling the complaint (Code 6.2).",
    );
    await expectAccessible(page, "letter-issue-refused");
    // The summary's link takes the handler to the section to fill in.
    await page.click(".govuk-error-summary a");
    const focused = await page.evaluate("document.activeElement && document.activeElement.tagName");
    expect(focused).toBe("TEXTAREA");
    await page.close();
  });

  it("the letter page with a form error, and once issued, have no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "hana@bchg.test");
    await page.goto(`${base}${letterUrl}`);
    const handler = page.getByLabel("Who is dealing with your complaint", { exact: true });
    await handler.fill("x".repeat(10_001));
    await page.click("button:has-text('Save changes')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    await expectAccessible(page, "letter-edit-error");

    await handler.fill("Hana Handler is dealing with your complaint.");
    await page.click("button:has-text('Save changes')");
    await page.waitForURL(/done=edit/);
    await page.click("button:has-text('Issue the letter')");
    await page.waitForURL(/done=issue/);
    expect(await page.textContent("h1")).toContain("Issued");
    await expectAccessible(page, "letter-issued");
    await page.close();
  });

  it("the letter templates pages, and a refused template, have no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "ada@bchg.test");
    await page.goto(`${base}/admin/letters`);
    await expectAccessible(page, "admin-letter-templates");
    await page.click("a:has-text('More time needed to respond')");
    await page.waitForURL(/\/admin\/letters\/extension/);
    await expectAccessible(page, "admin-letter-template");
    await page.locator("textarea[name='templateSectionsReasonsParagraphs']").fill("Because {{nonsense}}");
    await page.click("button:has-text('Save as a new version')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await page.textContent(".govuk-error-summary")).toContain("“{{nonsense}}”");
    await expectAccessible(page, "admin-letter-template-error");
    await page.close();
  });
});
