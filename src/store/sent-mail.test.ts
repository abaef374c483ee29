import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { claimDueMessages, markDead, markDelivered, markFailed } from "./outbox-delivery.ts";
import { enqueueOutbox } from "./outbox.ts";
import {
  countWaitingMessages,
  findSentMessage,
  listDeliveredMessages,
  listPrintQueue,
  listUndeliveredMessages,
} from "./sent-mail-list.ts";
import { findDeliveryOutcome, markPosted, recordDeliveredMessage } from "./sent-mail.ts";

const T0 = new Date("2026-11-02T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(TEST_DATABASES)("the sent mail record (%s)", (kind) => {
  let test: TestDatabase;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const keys = ["sent", "print", "dead", "retrying", "theirs", "waiting"];
    await test.db.transaction(async (tx) => {
      for (const key of keys)
        await enqueueOutbox(tx, key === "theirs" ? "org-b" : "org-a", [
          { idempotencyKey: key, kind: "portal-link", payload: { reference: `REF-${key}` } },
        ]);
    });
    // Claim all but "waiting" (the last written), in order, and give each its end.
    for (const key of keys.filter((k) => k !== "waiting")) {
      const [row] = await claimDueMessages(test.db, { now: T0, leaseUntil: at(5), limit: 1 });
      if (row?.idempotencyKey !== key) throw new Error(`claimed ${row?.idempotencyKey}, expected ${key}`);
      ids[key] = row.id;
      const base = {
        organisationId: row.organisationId,
        idempotencyKey: key,
        kind: row.kind,
        payload: row.payload,
      };
      if (key === "dead") await markDead(test.db, row, "550 No such user");
      else if (key === "retrying") await markFailed(test.db, row, { retryAt: at(1), error: "ECONNREFUSED" });
      else {
        await recordDeliveredMessage(test.db, {
          ...base,
          deliveredAt: at(ids[key]!),
          outcome: key === "print" ? "print" : "sent",
          recipients: [{ name: "Ada", email: "ada@example.org" }],
          subject: `Subject ${key}`,
          bodyText: "Dear Ada,",
          attachments: [{ fileName: "a.pdf", contentType: "application/pdf", size: 3 }],
          notes: ["a note"],
          ...(key === "print" ? { printFormat: "large-print" as const } : {}),
        });
        await markDelivered(test.db, row, at(ids[key]!));
      }
    }
    ids.waiting = (
      await test.db.query<{ id: number }>(
        "SELECT id::integer AS id FROM outbox WHERE idempotency_key = 'waiting'",
      )
    ).rows[0]!.id;
  });
  afterAll(async () => test?.drop());

  it("keeps the first record of a message; a second (a resend after a crash) changes nothing", async () => {
    expect(await findDeliveryOutcome(test.db, "org-a", "sent")).toBe("sent");
    expect(await findDeliveryOutcome(test.db, "org-a", "waiting")).toBeNull();
    expect(await findDeliveryOutcome(test.db, "org-b", "sent")).toBeNull();
    await recordDeliveredMessage(test.db, {
      organisationId: "org-a",
      idempotencyKey: "sent",
      kind: "portal-link",
      payload: {},
      deliveredAt: at(60),
      outcome: "kept",
      subject: "Another",
    });
    expect(await findSentMessage(test.db, "org-a", ids.sent!)).toMatchObject({
      outcome: "sent",
      subject: "Subject sent",
      bodyText: "Dear Ada,",
      attachments: [{ fileName: "a.pdf", contentType: "application/pdf", size: 3 }],
      notes: ["a note"],
      reference: "REF-sent",
      status: "delivered",
    });
  });

  it("lists an organisation's messages by what needs attention, and only its own", async () => {
    const undelivered = await listUndeliveredMessages(test.db, "org-a");
    expect(undelivered.map((m) => [m.id, m.status, m.lastError])).toEqual([
      [ids.retrying, "pending", "ECONNREFUSED"],
      [ids.dead, "dead", "550 No such user"],
    ]);
    expect((await listPrintQueue(test.db, "org-a")).map((m) => [m.id, m.printFormat])).toEqual([
      [ids.print, "large-print"],
    ]);
    expect(await countWaitingMessages(test.db, "org-a")).toBe(1);
    const page = await listDeliveredMessages(test.db, "org-a", { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.messages.map((m) => m.id)).toEqual([ids.print]); // the later one first
    expect(
      (await listDeliveredMessages(test.db, "org-a", { limit: 1, offset: 1 })).messages[0],
    ).toMatchObject({
      id: ids.sent,
      recipients: [{ name: "Ada", email: "ada@example.org" }],
    });
    expect(await findSentMessage(test.db, "org-a", ids.theirs!)).toBeNull();
    expect(await findSentMessage(test.db, "org-a", 0)).toBeNull();
    expect((await listDeliveredMessages(test.db, "org-b", { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("marks a print queue item posted once, keeping the first time and person", async () => {
    expect(await markPosted(test.db, "org-a", ids.sent!, { at: at(9), by: "x" })).toBe("not-in-print-queue");
    expect(await markPosted(test.db, "org-b", ids.print!, { at: at(9), by: "x" })).toBe("not-in-print-queue");
    expect(await markPosted(test.db, "org-a", ids.print!, { at: at(10), by: "cara" })).toBe("posted");
    expect(await markPosted(test.db, "org-a", ids.print!, { at: at(11), by: "dev" })).toBe("already-posted");
    expect(await findSentMessage(test.db, "org-a", ids.print!)).toMatchObject({
      postedAt: at(10),
      postedBy: "cara",
    });
    expect(await listPrintQueue(test.db, "org-a")).toEqual([]);
  });
});
