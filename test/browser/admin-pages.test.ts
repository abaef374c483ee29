import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdRelyingParty } from "../../src/adapters/openid-connect.ts";
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

run("administration pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await addUser(services, {
      organisationId: "bchg",
      email: "ada@bchg.test",
      name: "Ada Admin",
      role: "admin",
      password: "correct horse battery",
    });
    await logComplaint(
      services,
      {
        organisationId: "bchg",
        receivedOn: "2026-11-02",
        channel: "phone",
        description: "Leak in the kitchen",
        resident: { name: "Ruth Resident" },
      },
      "agent@test",
    );
    // The sign-in page offers the organisation account; the provider is never reached in these tests.
    const openId = openIdRelyingParty({
      issuer: "http://127.0.0.1:9",
      clientId: "redress",
      clientSecret: "unused",
      redirectUrl: "http://127.0.0.1:3000/sign-in/oidc/callback",
    });
    app = await buildApp(services, { openId });
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

  it("the sign-in page with the organisation account, and its error, have no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/sign-in`);
    expect(await page.textContent("body")).toContain("Sign in with your organisation account");
    await expectAccessible(page, "admin-sign-in-organisation-account");
    // Coming back without the sign-in cookie: refused, with the error at the organisation account button.
    await page.goto(`${base}/sign-in/oidc/callback?code=x&state=y`);
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    await expectAccessible(page, "admin-sign-in-organisation-account-error");
    await page.close();
  });

  it("users, policy and calendar pages, with their errors, have no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "ada@bchg.test");

    await page.click("a:has-text('Admin')");
    await page.waitForURL(/\/admin\/users/);
    await expectAccessible(page, "admin-users");

    await page.click("a:has-text('Add a user')");
    await page.click("button:has-text('Add the user')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    await expectAccessible(page, "admin-add-user-errors");
    await page.fill("#name", "Nia New");
    await page.fill("#email", "nia@bchg.test");
    await page.check("#role-3"); // the fourth role: complaints team
    await page.click("button:has-text('Add the user')");
    await expect.poll(() => page.locator("#first-password").count()).toBe(1);
    await expectAccessible(page, "admin-user-added");

    await page.goto(`${base}/admin/users`);
    await page.click("a:has-text('Change Nia New')");
    await expectAccessible(page, "admin-user");
    await page.click("a:has-text('Remove Nia New')");
    await expectAccessible(page, "admin-user-remove");

    await page.goto(`${base}/admin/policy`);
    expect(await page.textContent("h1")).toContain("Customer Complaint Policy");
    await expectAccessible(page, "admin-policy");

    await page.goto(`${base}/admin/calendar`);
    await page.fill("#close-date", "2026-11-31");
    await page.fill("#close-reason", "Office move");
    await page.click("button:has-text('Close the day')");
    await expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    await expectAccessible(page, "admin-calendar-errors");
    await page.fill("#close-date", "2026-11-12");
    await page.click("button:has-text('Close the day')");
    await page.waitForURL(/done=1/);
    await expectAccessible(page, "admin-calendar");
    await page.close();
  });
});
