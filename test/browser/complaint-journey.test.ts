import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/add-user.ts";
import { createApiToken } from "../../src/app/create-api-token.ts";
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

const run = chromiumAvailable || process.env.CI ? describe : describe.skip;
const PASSWORD = "correct horse battery";

/**
 * A complaint from first call to closure, the way a complaints team works it: logged by phone, acknowledged,
 * extended, answered; the resident asks for Stage 2 through another system (the API); a different person
 * reviews it at Stage 2 and closes it. Screenshots of each step are kept in test-results/.
 */
run("a complaint's journey through both stages, in a real browser", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let apiToken: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    // Monday 7 December 2026, mid-morning.
    const services = testServices(test.db, "2026-12-07T10:30:00Z");
    await anOrganisation(services, "bchg");
    const staff = [
      ["asha@bchg.test", "Asha Patel", "handler"],
      ["rhys@bchg.test", "Rhys Morgan", "reviewer"],
    ] as const;
    for (const [email, name, role] of staff) {
      await addUser(services, { organisationId: "bchg", email, name, role, password: PASSWORD });
    }
    apiToken = (
      await createApiToken(services, { organisationId: "bchg", role: "agent", name: "housing-system" })
    ).token;
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const act = async (page: Page, summary: string, fill: () => Promise<unknown>, button: string) => {
    await page.click(`summary:has-text("${summary}")`);
    await fill();
    await page.click(`button:has-text("${button}")`);
    await page.waitForURL(/done=/);
  };
  const status = (page: Page) => page.textContent(".govuk-body-l");

  it("is logged by phone, acknowledged, extended and answered, escalated through the API, reviewed by someone else and closed", async () => {
    const handler = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(handler, base, "asha@bchg.test");

    // Logged by phone for the resident, with the complaint definition.
    await handler.click("a:has-text('Log a complaint')");
    await handler.selectOption("#channel", "phone");
    await handler.selectOption("#category", "repairs");
    await handler.fill("#description", "The boiler has failed three times since October.");
    await handler.fill("#issueOn", "2026-10-05");
    await handler.fill("#residentName", "Grace Okafor");
    await handler.fill("#residentEmail", "grace@example.org");
    await handler.check("#residentNoPhoneCalls");
    await handler.fill("#definitionIssues", "Boiler failed repeatedly\nEngineer did not attend");
    await handler.fill("#definitionOutcomesSought", "A working boiler\nCompensation for the cold");
    await screenshot(handler, "journey-1-log");
    await handler.click("button:has-text('Log the complaint')");
    await handler.waitForURL(/\/complaints\/BCHG-2026-\d+\?done=logged/);
    const reference = /complaints\/([^?]+)/.exec(handler.url())![1]!;
    expect(await status(handler)).toContain("Stage 1: awaiting acknowledgement");
    expect(await handler.textContent("body")).toContain("No phone calls");
    // Received Monday 7 December: acknowledge within 5 working days, by Monday 14 December.
    expect(await handler.textContent("body")).toContain("Monday 14 December 2026");

    await act(
      handler,
      "Assign the Stage 1 handler",
      () => handler.selectOption("#assign-handler-handler", "Asha Patel"),
      "Assign",
    );
    await act(handler, "Acknowledge the complaint", async () => {}, "Acknowledge");
    expect(await status(handler)).toContain("Stage 1: investigating");
    // Acknowledged Monday 7 December: respond within 10 working days, by Monday 21 December.
    expect(await handler.textContent("body")).toContain("Monday 21 December 2026");
    await screenshot(handler, "journey-2-acknowledged");

    await act(
      handler,
      "Extend the Stage 1 response date",
      async () => {
        await handler.fill("#extend-workingDays", "5");
        await handler.fill("#extend-reason", "We are waiting for the boiler manufacturer's engineer report.");
      },
      "Extend",
    );
    // Five more working days after 21 December, skipping Christmas Day and the Boxing Day substitute (Monday 28th).
    expect(await handler.textContent("body")).toContain("Wednesday 30 December 2026");
    await screenshot(handler, "journey-3-extended");

    await act(
      handler,
      "Record the findings and respond",
      async () => {
        await handler.check("#respond-finding-1-2"); // not upheld
        await handler.fill(
          "#respond-reason-1",
          "Each failure was a different part; each was repaired within a day.",
        );
        await handler.check("#respond-finding-2"); // upheld
        await handler.fill("#respond-reason-2", "The engineer missed the 12 November appointment.");
        await handler.selectOption("#respond-remedy1-type", "apology");
        await handler.fill("#respond-remedy1-description", "We apologise for the missed appointment.");
        await handler.fill("#respond-learning", "Confirm engineer appointments the day before");
      },
      "Issue the response",
    );
    expect(await status(handler)).toContain("Stage 1: responded");
    expect(await handler.textContent("body")).toContain("partially upheld");
    expect(await axeViolations(handler)).toEqual([]);
    await screenshot(handler, "journey-4-responded");

    // The remedy is delivered, so nothing is outstanding at closure (Code 7.3).
    await handler.click("button:has-text('Mark as done')");
    await handler.waitForURL(/done=complete-remedy/);

    // The resident asks for Stage 2 through the housing management system; no reason is needed (Code 6.12).
    const escalation = await fetch(`${base}/api/v1/complaints/${reference}/escalate`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({}),
    });
    expect(escalation.status).toBe(200);
    const escalated = (await escalation.json()) as { status: string; stage: number };
    expect(escalated).toMatchObject({ stage: 2, status: "awaiting-acknowledgement" });
    await handler.close();

    // Stage 2 is reviewed by someone who had no part in Stage 1 (Code 6.13).
    const reviewer = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(reviewer, base, "rhys@bchg.test");
    await reviewer.goto(`${base}/complaints/${reference}`);
    expect(await status(reviewer)).toContain("Stage 2: awaiting acknowledgement");
    expect(await reviewer.textContent("body")).toContain("api:housing-system");

    // Trying to hand Stage 2 to the Stage 1 handler is refused in words, at the field.
    await reviewer.click('summary:has-text("Assign the Stage 2 handler")');
    await reviewer.fill("#assign-handler-handlerOther", "Asha Patel");
    await reviewer.click('button:has-text("Assign")');
    await expect.poll(() => reviewer.locator(".govuk-error-summary").count()).toBe(1);
    expect(await reviewer.textContent(".govuk-error-summary")).toContain("must be a different person");
    await screenshot(reviewer, "journey-5-stage2-same-handler-refused");

    await reviewer.fill("#assign-handler-handlerOther", "");
    await reviewer.selectOption("#assign-handler-handler", "Rhys Morgan");
    await reviewer.click('button:has-text("Assign")');
    await reviewer.waitForURL(/done=assign-handler/);
    await act(reviewer, "Acknowledge the complaint at Stage 2", async () => {}, "Acknowledge");
    expect(await status(reviewer)).toContain("Stage 2: investigating");
    // Stage 2: respond within 20 working days of acknowledging on 7 December, by Thursday 7 January 2027.
    expect(await reviewer.textContent("body")).toContain("Thursday 7 January 2027");

    await act(
      reviewer,
      "Record the findings and respond at Stage 2",
      async () => {
        await reviewer.check("#respond-finding-1-2");
        await reviewer.fill(
          "#respond-reason-1",
          "The repair records confirm each failure was fixed within a day.",
        );
        await reviewer.check("#respond-finding-2");
        await reviewer.fill(
          "#respond-reason-2",
          "The appointment was missed; Stage 1 was right to uphold this.",
        );
        await reviewer.selectOption("#respond-remedy1-type", "financial");
        await reviewer.fill("#respond-remedy1-description", "£50 for the time taken off work");
        await reviewer.fill("#respond-remedy1-amount", "50");
        await reviewer.fill("#respond-learning", "Stage 1 remedy did not cover time off work");
      },
      "Issue the response",
    );
    expect(await status(reviewer)).toContain("Stage 2: responded");
    await reviewer.click("button:has-text('Mark as done')");
    await reviewer.waitForURL(/done=complete-remedy/);
    await act(reviewer, "Close the complaint", async () => {}, "Close");
    expect(await status(reviewer)).toContain("Stage 2: closed");
    const body = (await reviewer.textContent("body")) ?? "";
    expect(body).toContain("£50");
    expect(body).toMatch(/Stage 2 response\s+Met/);
    expect(await axeViolations(reviewer)).toEqual([]);
    await screenshot(reviewer, "journey-6-closed");
    await reviewer.close();
  });
});
