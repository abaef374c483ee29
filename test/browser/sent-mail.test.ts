import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/app/add-user.ts";
import { LETTER_MESSAGE } from "../../src/app/letter-contracts.ts";
import { aComplaint, NOW } from "../../src/app/test-builders.ts";
import { mailDelivery } from "../../src/jobs/mail/mail-delivery.ts";
import { deliverDueMessages, DEFAULT_DELIVERY_OPTIONS } from "../../src/jobs/outbox-worker.ts";
import { markFailed } from "../../src/store/outbox-delivery.ts";
import { claimDueMessages } from "../../src/store/outbox-delivery.ts";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import { buildApp } from "../../src/web/app.ts";
import {
  axeViolations,
  chromiumAvailable,
  launchChromium,
  screenshot,
  signInAs,
} from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { anIssuedLetter, lettersFrom } from "../support/letters.ts";
import { anOrganisation, testServices } from "../support/services.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run("the sent mail page in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await addUser(services, {
      organisationId: "bchg",
      email: "cara@bchg.test",
      name: "Cara Team",
      role: "complaints-team",
      password: "correct horse battery",
    });
    // Acknowledgements to a resident (kept: no mail server), a letter by email and one in large print.
    const reference = await aComplaint(services, "bchg", "acknowledged");
    const byEmail = anIssuedLetter({ organisationId: "bchg", reference });
    const largePrint = anIssuedLetter({
      organisationId: "bchg",
      reference,
      letterId: "6c1d8a3f-4b2e-4d66-8a2f-3e8b0c4d5f21",
      format: "large-print",
    });
    const letter = (l: typeof byEmail) => ({
      idempotencyKey: `letter:${l.letterId}`,
      kind: LETTER_MESSAGE,
      payload: { letterId: l.letterId, complaintId: l.complaintId, reference, kind: l.document.kind },
    });
    await test.db.transaction((tx) =>
      enqueueOutbox(tx, "bchg", [
        letter(byEmail),
        letter(largePrint),
        { idempotencyKey: "dead", kind: "portal-link", payload: { to: "nowhere", reference } },
      ]),
    );
    const delivery = mailDelivery(services, {
      mailer: null,
      from: null,
      letters: lettersFrom(byEmail, largePrint),
    });
    await deliverDueMessages(services, delivery, DEFAULT_DELIVERY_OPTIONS);
    // And one that failed once and waits to be tried again.
    await test.db.transaction((tx) =>
      enqueueOutbox(tx, "bchg", [{ idempotencyKey: "retry", kind: "portal-link", payload: {} }]),
    );
    const [retrying] = await claimDueMessages(test.db, {
      now: services.clock(),
      leaseUntil: new Date(Date.parse(NOW) + 300_000),
      limit: 1,
    });
    await markFailed(test.db, retrying!, {
      retryAt: new Date(Date.parse(NOW) + 30_000),
      error: "Error: connect ECONNREFUSED 127.0.0.1:25",
    });
    const { rows } = await test.db.query<{ id: number; idempotency_key: string }>(
      "SELECT id::integer AS id, idempotency_key FROM outbox",
    );
    for (const r of rows) ids[r.idempotency_key] = r.id;
    app = await buildApp(services);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  it("shows sent mail, messages not delivered and the print queue, and each message, with no WCAG 2.2 A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "cara@bchg.test");
    await page.click("a:has-text('Sent mail')");
    await page.waitForURL(/\/sent-mail$/);
    expect(await page.textContent("h1")).toBe("Sent mail");
    expect(await page.locator("#not-delivered + table tbody tr").count()).toBe(2);
    expect(await page.locator("#print-queue ~ table button:has-text('Mark as posted')").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "sent-mail");

    for (const key of ["letter:5b0c7f2e-3a1d-4c55-9f1e-2d7a9b3c4e10", "dead", "retry"]) {
      await page.goto(`${base}/sent-mail/${ids[key]}`);
      expect(await axeViolations(page), key).toEqual([]);
    }
    await page.goto(`${base}/sent-mail/${ids["letter:5b0c7f2e-3a1d-4c55-9f1e-2d7a9b3c4e10"]}`);
    expect(await page.textContent("body")).toContain("BCHG-2026-000001-stage1-response.pdf");
    await screenshot(page, "sent-mail-letter");

    // The print queue item: marked as posted from its page.
    await page.goto(`${base}/sent-mail/${ids["letter:6c1d8a3f-4b2e-4d66-8a2f-3e8b0c4d5f21"]}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click("button:has-text('Mark as posted')");
    await page.waitForURL(/done=mark-posted/);
    expect(await page.textContent(".govuk-notification-banner")).toContain("marked as posted");
    expect(await axeViolations(page)).toEqual([]);

    // The dead letter: sent again from the list.
    await page.goto(`${base}/sent-mail`);
    await page.click("button:has-text('Send again')");
    await page.waitForURL(/done=send-again/);
    expect(await page.textContent(".govuk-notification-banner")).toContain("will be sent again");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "sent-mail-after-actions");
    await page.close();
  });
});
