import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/add-user.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
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

run("contact and search pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    // Brighter Places runs early resolution for 5 working days.
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "brighter-places");
    await addUser(services, {
      organisationId: "brighter-places",
      email: "asha@bp.test",
      name: "Asha Patel",
      role: "agent",
      password: "correct horse battery",
    });
    reference = (
      await logComplaint(
        services,
        {
          organisationId: "brighter-places",
          receivedOn: "2026-11-02",
          channel: "phone",
          description: "Water leaks through the ceiling <script>alert(1)</script>",
          resident: { name: "Ada Resident", postcode: "B66 1AA" },
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

  const signIn = async (page: Page) => {
    await signInAs(page, base, "asha@bp.test");
  };
  /** Opens every action form, so axe checks the forms too, not only their headings. */
  const openForms = (page: Page) =>
    page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);

  it("shows the contacts list, the log form (with and without errors), a contact with its forms and search results, with no WCAG 2.2 A/AA violations", async () => {
    // axe is injected through the debugging protocol; the pages' own CSP stays on.
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await signIn(page);

    await page.click("a:has-text('Contacts')");
    await page.waitForURL(/\/contacts$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.click("a:has-text('Log a contact')");
    await page.waitForURL(/\/contacts\/new/);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#residentEmail", "ada@example.org");
    await page.click("button:has-text('Log the contact')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await page.inputValue("#residentEmail")).toBe("ada@example.org");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "contact-log-errors");

    await page.check("#kind"); // the first kind: a service request
    await page.selectOption("#channel", "phone");
    await page.fill("#summary", "Boiler broken <b>again</b>");
    await page.check("#dissatisfactionExpressed");
    await page.fill("#residentName", "Ada Resident");
    await page.click("button:has-text('Log the contact')");
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}\?done=logged/);
    expect(await page.textContent("body")).toContain("Boiler broken <b>again</b>");
    await openForms(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "contact-page");

    // A broken rule is shown in words, at the form, with the page still accessible.
    await page.click("button:has-text('Close the contact')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await page.textContent(".govuk-error-summary")).toContain("offered the chance to complain");
    await openForms(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/contacts`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "contacts-list");

    await page.goto(`${base}/search`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#q", "leaking");
    await page.click("button:has-text('Search')");
    await page.waitForURL(/\/search\?q=leaking/);
    expect(await page.locator("mark").first().textContent()).toBe("leaks");
    expect(await page.textContent("main")).toContain("<script>alert(1)</script>");
    expect(await page.locator(`a:has-text('${reference}')`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "search-results");
    expect(alerts).toEqual([]); // the script in the complaint text never ran
    await page.close();
  });

  it("works with JavaScript off: logging a contact is a plain form post", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${base}/contacts/new`);
    await page.check("input[name=kind][value=feedback]");
    await page.selectOption("#channel", "email");
    await page.fill("#summary", "The new website is easier to use");
    await page.check("input[name=dissatisfactionExpressed][value=no]");
    await page.click("button:has-text('Log the contact')");
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}\?done=logged/);
    const body = await page.textContent("body");
    expect(body).toContain("Feedback logged");
    expect(body).toContain("The new website is easier to use");
    await page.click("summary:has-text('Close the contact')");
    await page.click("button:has-text('Close the contact')");
    await page.waitForURL(/done=close-contact/);
    expect(await page.textContent("body")).toContain("Nothing more needs doing");
    await context.close();
  });
});
