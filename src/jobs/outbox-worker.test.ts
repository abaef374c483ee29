import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { PermanentDeliveryError, storedMessageDelivery, type MessageDelivery } from "../adapters/delivery.ts";
import { logComplaint } from "../app/log-complaint.ts";
import { runComplaintCommand } from "../app/run-complaint-command.ts";
import { acknowledge, ISSUES, OUTCOMES_SOUGHT } from "../domain/complaint/test-builders.ts";
import type { Services } from "../app/services.ts";
import type { Database } from "../store/database.ts";
import {
  claimDueMessages,
  countUndeliveredMessages,
  listDeadLetters,
  markDelivered,
  markFailed,
  requeueDeadLetter,
} from "../store/outbox-delivery.ts";
import { enqueueOutbox, type OutboxMessage, type OutboxRow } from "../store/outbox.ts";
import { backoffSeconds, deliverDueMessages, type DeliveryOptions } from "./outbox-worker.ts";
import { resolveWorkerOptions, runWorkerOnce, startWorker } from "./worker.ts";

// Opening and migrating a database can take longer than a hook's default 10 s on a busy machine.
const OPEN_TIMEOUT_MS = 60_000;

const ORG = "test-landlord";
const T0 = "2026-11-02T10:00:00.000Z";
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const OPTIONS: DeliveryOptions = {
  batchSize: 50,
  leaseSeconds: 300,
  maxAttempts: 3,
  backoff: { baseSeconds: 30, maxSeconds: 3600 },
};

const NOTHING = { delivered: 0, failed: 0, dead: 0 };

const aMessage = (key: string): OutboxMessage => ({
  idempotencyKey: key,
  kind: "email",
  payload: { to: "resident@example.org", subject: `Message ${key}` },
});

/** Records each message handed to it, then passes it on (by default nowhere). */
function recording(inner?: MessageDelivery): MessageDelivery & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async deliver(message) {
      keys.push(message.idempotencyKey);
      await inner?.deliver(message);
    },
  };
}

const failing: MessageDelivery = {
  deliver: () => Promise.reject(new Error("451 mail server busy, try later")),
};

/** A complaint received on 2 November 2026 (acknowledgement due Monday 9 November), ready to acknowledge. */
async function aComplaint(services: Services, organisationId: string): Promise<string> {
  const logged = await logComplaint(
    services,
    {
      organisationId,
      receivedOn: "2026-11-02",
      channel: "email",
      description: "Leak",
      resident: { name: "R" },
      definition: { issues: ISSUES, outcomesSought: OUTCOMES_SOUGHT },
    },
    "agent@example.org",
  );
  return logged.reference;
}

describe.each(TEST_DATABASES)("delivering the outbox (%s)", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => test.drop(), OPEN_TIMEOUT_MS);
  // Each test starts with an empty outbox: delivery takes every due row, whoever wrote it.
  beforeEach(async () => {
    await test.db.query("DELETE FROM outbox");
    await test.db.query("DELETE FROM delivered_messages");
  });

  const enqueue = (...keys: string[]) =>
    test.db.transaction((tx) => enqueueOutbox(tx, ORG, keys.map(aMessage)));

  async function rowOf(key: string) {
    const result = await test.db.query(
      `SELECT status, attempts, next_attempt_at, delivered_at, last_error FROM outbox WHERE idempotency_key = $1`,
      [key],
    );
    return result.rows[0];
  }

  async function sentCount(key: string): Promise<number> {
    const result = await test.db.query<{ n: number }>(
      "SELECT count(*)::integer AS n FROM delivered_messages WHERE idempotency_key = $1",
      [key],
    );
    return result.rows[0]!.n;
  }

  it("writes an outbox row if and only if its business transaction commits", async () => {
    const services = testServices(test.db, T0);
    await enqueue("committed");
    await expect(
      test.db.transaction(async (tx) => {
        await enqueueOutbox(tx, ORG, [aMessage("rolled-back")]);
        throw new Error("the business change failed after writing its message");
      }),
    ).rejects.toThrow("business change failed");

    const org = await anOrganisation(services, "hos-code-2024");
    const reference = await aComplaint(services, org);
    const letter = () => [aMessage(`acknowledgement-letter:${reference}`)];
    await expect(
      runComplaintCommand(services, {
        organisationId: org,
        reference,
        command: acknowledge("2026-10-30"), // before the complaint was received: refused
        actor: "handler@example.org",
        outbox: letter,
      }),
    ).rejects.toThrow();
    const keys = async () => (await test.db.query("SELECT idempotency_key FROM outbox ORDER BY id")).rows;
    expect(await keys()).toEqual([{ idempotency_key: "committed" }]);

    await runComplaintCommand(services, {
      organisationId: org,
      reference,
      command: acknowledge("2026-11-02"),
      actor: "handler@example.org",
      outbox: letter,
    });
    expect(await keys()).toEqual([
      { idempotency_key: "committed" },
      { idempotency_key: `acknowledgement-letter:${reference}` },
    ]);
  });

  it("delivers each pending message once and records it as sent", async () => {
    const services = testServices(test.db, T0);
    await enqueue("a", "b", "c");
    const delivery = recording(storedMessageDelivery(test.db, services.clock));

    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual({ ...NOTHING, delivered: 3 });
    expect(delivery.keys).toEqual(["a", "b", "c"]);
    expect(await rowOf("a")).toMatchObject({ status: "delivered", attempts: 1, delivered_at: new Date(T0) });
    const sent = await test.db.query(
      "SELECT idempotency_key, kind, payload FROM delivered_messages ORDER BY 1",
    );
    expect(sent.rows).toEqual(
      ["a", "b", "c"].map((k) => ({ idempotency_key: k, kind: "email", payload: aMessage(k).payload })),
    );

    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual(NOTHING);
    expect(delivery.keys).toHaveLength(3);
  });

  it("stops at the batch size and leaves the rest for the next run", async () => {
    const services = testServices(test.db, T0);
    await enqueue("a", "b", "c");
    const delivery = recording();
    expect(await deliverDueMessages(services, delivery, { ...OPTIONS, batchSize: 2 })).toMatchObject({
      delivered: 2,
    });
    expect(await deliverDueMessages(services, delivery, { ...OPTIONS, batchSize: 2 })).toMatchObject({
      delivered: 1,
    });
    expect(delivery.keys).toEqual(["a", "b", "c"]);
  });

  it("retries a failed delivery after its back-off, and not before", async () => {
    const services = testServices(test.db, T0);
    await enqueue("letter");

    expect(await deliverDueMessages(services, failing, OPTIONS)).toEqual({ ...NOTHING, failed: 1 });
    expect(await rowOf("letter")).toMatchObject({
      status: "pending",
      attempts: 1,
      next_attempt_at: new Date(later(30)),
      last_error: "Error: 451 mail server busy, try later",
    });

    const delivery = recording();
    services.setNow(later(29));
    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual(NOTHING);
    services.setNow(later(30));
    expect(await deliverDueMessages(services, failing, OPTIONS)).toEqual({ ...NOTHING, failed: 1 });
    // The second wait is twice the first.
    expect(await rowOf("letter")).toMatchObject({ attempts: 2, next_attempt_at: new Date(later(30 + 60)) });
    services.setNow(later(89));
    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual(NOTHING);
    services.setNow(later(90));
    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual({ ...NOTHING, delivered: 1 });
    expect(delivery.keys).toEqual(["letter"]);
  });

  it("marks a message dead after its last attempt, lists it for staff, and delivers it once requeued", async () => {
    const services = testServices(test.db, T0);
    await enqueue("letter", "fine");
    const results = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      services.setNow(later(attempt * 3600));
      results.push(await deliverDueMessages(services, onlyFailing("letter"), OPTIONS));
    }
    expect(results).toEqual([
      { ...NOTHING, delivered: 1, failed: 1 },
      { ...NOTHING, failed: 1 },
      { ...NOTHING, dead: 1 },
    ]);
    expect(await rowOf("letter")).toMatchObject({ status: "dead", attempts: 3 });
    services.setNow(later(5 * 3600));
    expect(await deliverDueMessages(services, recording(), OPTIONS)).toEqual(NOTHING);

    const dead = await listDeadLetters(test.db, ORG);
    expect(dead).toEqual([
      expect.objectContaining({
        organisationId: ORG,
        idempotencyKey: "letter",
        attempts: 3,
        lastError: "Error: 451 mail server busy, try later",
      }),
    ]);
    expect(await countUndeliveredMessages(test.db)).toEqual([
      { organisationId: ORG, pending: 0, retrying: 0, dead: 1 },
    ]);

    expect(await requeueDeadLetter(test.db, ORG, dead[0]!.id, services.clock())).toBe(true);
    expect(await requeueDeadLetter(test.db, ORG, dead[0]!.id, services.clock())).toBe(false);
    expect(await countUndeliveredMessages(test.db)).toEqual([
      { organisationId: ORG, pending: 1, retrying: 0, dead: 0 },
    ]);
    expect(await deliverDueMessages(services, recording(), OPTIONS)).toEqual({ ...NOTHING, delivered: 1 });
    expect(await listDeadLetters(test.db, ORG)).toEqual([]);
    expect(await countUndeliveredMessages(test.db)).toEqual([]);
  });

  it("marks a message dead at its first attempt when it can never be delivered, with the reason as written", async () => {
    await enqueue("letter", "fine");
    const refused = new PermanentDeliveryError(
      "The mail server refused this email for good: 550 No such user",
    );
    const counts = await deliverDueMessages(
      testServices(test.db, T0),
      onlyFailing("letter", refused),
      OPTIONS,
    );
    expect(counts).toEqual({ ...NOTHING, delivered: 1, dead: 1 });
    expect(await rowOf("letter")).toMatchObject({ status: "dead", attempts: 1, last_error: refused.message });
  });

  it("delivers again after a crash between delivering and marking, and the message is still sent once", async () => {
    const services = testServices(test.db, T0);
    await enqueue("letter");
    const sentMail = storedMessageDelivery(test.db, services.clock);

    // A worker claims the message and delivers it, then dies before marking it delivered.
    const now = services.clock();
    const [claimed] = await claimDueMessages(test.db, { now, leaseUntil: new Date(later(300)), limit: 10 });
    await sentMail.deliver(claimed!);

    // While its lease lasts, no other worker touches it.
    const delivery = recording(sentMail);
    services.setNow(later(299));
    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual(NOTHING);

    // Once the lease has run out it is delivered again: at least once, and harmless thanks to its key.
    services.setNow(later(300));
    expect(await deliverDueMessages(services, delivery, OPTIONS)).toEqual({ ...NOTHING, delivered: 1 });
    expect(delivery.keys).toEqual(["letter"]);
    expect(await rowOf("letter")).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await sentCount("letter")).toBe(1);
  });

  it("lets no worker whose lease ran out undo a newer worker's delivery", async () => {
    await enqueue("letter");
    const [slow] = await claimDueMessages(test.db, {
      now: new Date(T0),
      leaseUntil: new Date(later(60)),
      limit: 1,
    });
    const [fast] = await claimDueMessages(test.db, {
      now: new Date(later(60)),
      leaseUntil: new Date(later(120)),
      limit: 1,
    });
    expect([slow?.attempts, fast?.attempts]).toEqual([1, 2]);
    await markDelivered(test.db, fast!, new Date(later(61)));
    await markFailed(test.db, slow!, { retryAt: new Date(later(90)), error: "timed out" });
    expect(await rowOf("letter")).toMatchObject({ status: "delivered", last_error: null });
  });

  it("never hands one message to two workers running at the same time", async () => {
    const services = testServices(test.db, T0);
    const keys = Array.from({ length: 30 }, (_, i) => `m${i}`);
    await enqueue(...keys);
    const delivery = recording({ deliver: () => new Promise((resolve) => setTimeout(resolve, 5)) });

    const [a, b] = await Promise.all([
      deliverDueMessages(services, delivery, OPTIONS),
      deliverDueMessages(services, delivery, OPTIONS),
    ]);
    expect(a.delivered + b.delivered).toBe(30);
    expect([...delivery.keys].sort()).toEqual([...keys].sort());
    if (kind === "postgres") expect(Math.min(a.delivered, b.delivered)).toBeGreaterThan(0);
  });
});

describe("worker settings", () => {
  it("refuses settings that would stall or spin the worker", () => {
    expect(() => resolveWorkerOptions({ batchSize: 0 })).toThrow(/batchSize/);
    expect(() => resolveWorkerOptions({ warnWorkingDays: -1 })).toThrow(/warnWorkingDays/);
    expect(() => resolveWorkerOptions({ backoff: { baseSeconds: 0, maxSeconds: 10 } })).toThrow(/back-off/);
    expect(resolveWorkerOptions({ maxAttempts: 3 })).toMatchObject({ maxAttempts: 3, batchSize: 50 });
  });

  it("backs off by doubling from the base after each failure, up to the cap", () => {
    const backoff = { baseSeconds: 30, maxSeconds: 3600 };
    expect([1, 2, 3, 4, 7, 8, 100].map((n) => backoffSeconds(n, backoff))).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });
});

describe.each(TEST_DATABASES)("the worker loop (%s)", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => test.drop(), OPEN_TIMEOUT_MS);

  it("in one run writes a breach alert and delivers it", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    const org = await anOrganisation(services, "hos-code-2024");
    await aComplaint(services, org);
    services.setNow("2026-11-10T10:00:00Z"); // acknowledgement was due Mon 9 Nov
    const sentMail = storedMessageDelivery(test.db, services.clock);
    expect(await runWorkerOnce(services, sentMail, { warnWorkingDays: 2 })).toEqual({
      warnings: 0,
      breaches: 1,
      delivered: 1,
      failed: 0,
      dead: 0,
      errors: [],
    });
    expect(await runWorkerOnce(services, sentMail, { warnWorkingDays: 2 })).toMatchObject({
      breaches: 0,
      delivered: 0,
    });
    const sent = await test.db.query("SELECT kind FROM delivered_messages");
    expect(sent.rows).toEqual([{ kind: "breach-alert" }]);
  });

  it("logs each run that did something (not idle ones), delivers even when the deadline scan fails, and stops cleanly", async () => {
    let failuresLeft = 1;
    const flaky: Database = {
      ...test.db,
      query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
        if (failuresLeft-- > 0) return Promise.reject(new Error("connection reset"));
        return test.db.query<R>(text, values);
      },
    };
    const services = testServices(flaky, T0);
    await test.db.transaction((tx) => enqueueOutbox(tx, ORG, [aMessage("letter")]));
    const lines: string[] = [];
    const worker = startWorker(services, recording(), { intervalMs: 5, log: (line) => lines.push(line) });

    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    // Further runs find nothing to do, and say nothing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^worker: 0 deadline warnings, 0 breach alerts written; 1 delivered, 0 failed \(will retry\), 0 dead \(\d+ ms\); errors: deadline scan: connection reset$/,
    );
  });
});

/** Fails for one key (busy, or with `error`) and succeeds (delivering nowhere) for the rest. */
function onlyFailing(key: string, error?: Error): MessageDelivery {
  return {
    deliver: (message: OutboxRow) =>
      message.idempotencyKey !== key
        ? Promise.resolve()
        : error
          ? Promise.reject(error)
          : failing.deliver(message),
  };
}
