import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { ConcurrencyConflictError } from "../store/complaint-events.ts";
import { findContact, saveContactEvents } from "../store/contacts.ts";
import { assignHandler } from "./assign-handler.ts";
import { loadComplaint } from "./load-complaint.ts";
import { logContact } from "./log-contact.ts";
import { notifyResident } from "./resident-notifications.ts";
import { recordDecision } from "./run-complaint-command.ts";
import { aComplaint, NOW, ON } from "./test-builders.ts";
import { updateContact } from "./update-contact.ts";

function assign(handler: string) {
  return { type: "assign-handler", on: ON.acknowledged, stage: 1, handler } as const;
}

describe.each(TEST_DATABASES)("two writers on one complaint (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
  }, 60_000);
  afterAll(async () => test.drop());

  async function eventsOf(reference: string) {
    const { rows } = await test.db.query(
      `SELECT e.seq, e.type, e.recorded_by FROM complaint_events e
       JOIN complaints c ON c.organisation_id = e.organisation_id AND c.id = e.complaint_id
       WHERE c.reference = $1 ORDER BY e.seq`,
      [reference],
    );
    return rows as { seq: number; type: string; recorded_by: string }[];
  }

  async function versionOf(reference: string) {
    const { rows } = await test.db.query(
      "SELECT version, handler_stage1 FROM complaints WHERE reference = $1",
      [reference],
    );
    return rows[0];
  }

  it("lets the first of two writers that read the same version win; the second gets a conflict and writes nothing", async () => {
    const reference = await aComplaint(services, "hos");
    const { identity, history } = await test.db.transaction((tx) => loadComplaint(tx, "hos", reference));
    const second = notifyResident("extension");
    await test.db.transaction((tx) => recordDecision(tx, services, identity, history, assign("Ann"), "ann"));
    const conflict = await test.db
      .transaction((tx) => recordDecision(tx, services, identity, history, assign("Bob"), "bob", second))
      .catch((e: unknown) => e);

    expect(conflict).toBeInstanceOf(ConcurrencyConflictError);
    expect(conflict).toMatchObject({ code: "CONCURRENT_CHANGE" });
    expect(await eventsOf(reference)).toEqual([
      { seq: 1, type: "received", recorded_by: "officer@example.org" },
      { seq: 2, type: "defined", recorded_by: "officer@example.org" },
      { seq: 3, type: "handler-assigned", recorded_by: "ann" },
    ]);
    expect(await versionOf(reference)).toEqual({ version: 3, handler_stage1: "Ann" });
    const outbox = await test.db.query("SELECT 1 FROM outbox WHERE payload->>'reference' = $1", [reference]);
    expect(outbox.rowCount).toBe(0);
  });

  it("keeps every event once when writers race through the use case, and a retried loser goes on from the new version", async () => {
    const reference = await aComplaint(services, "hos");
    const at = { organisationId: "hos", reference, on: ON.acknowledged, stage: 1 } as const;
    const writers = ["Ann", "Bob", "Cat", "Dan", "Eve"];
    const settled = await Promise.allSettled(
      writers.map((h) => assignHandler(services, { ...at, handler: h }, h)),
    );
    const losers = settled.flatMap((r, i) =>
      r.status === "rejected" ? [{ reason: r.reason, handler: writers[i]! }] : [],
    );
    for (const l of losers) expect(l.reason).toBeInstanceOf(ConcurrencyConflictError);
    for (const l of losers) await assignHandler(services, { ...at, handler: l.handler }, l.handler);

    const events = await eventsOf(reference);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      events
        .slice(2)
        .map((e) => e.recorded_by)
        .sort(),
    ).toEqual(writers);
    expect((await versionOf(reference))?.version).toBe(7);
  });

  it.runIf(kind === "postgres")(
    "makes the slower of two open transactions fail when both read version 2",
    async () => {
      const reference = await aComplaint(services, "hos");
      const aHasRead = deferred();
      const bHasRead = deferred();
      const writer = (
        handler: string,
        readFirst: Promise<void>,
        signal: () => void,
        waitFor: Promise<void>,
      ) =>
        test.db.transaction(async (tx) => {
          await readFirst;
          const { identity, history } = await loadComplaint(tx, "hos", reference);
          signal();
          await waitFor; // both have read version 2 before either writes
          return recordDecision(tx, services, identity, history, assign(handler), handler);
        });
      const settled = await Promise.allSettled([
        writer("Ann", Promise.resolve(), aHasRead.resolve, bHasRead.promise),
        writer("Bob", aHasRead.promise, bHasRead.resolve, Promise.resolve()),
      ]);
      const rejected = settled.filter((r) => r.status === "rejected");
      expect(settled.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflictError);
      expect((await eventsOf(reference)).map((e) => e.seq)).toEqual([1, 2, 3]);
    },
  );

  it("refuses a contact update made from a stale read", async () => {
    const contact = await logContact(
      services,
      {
        organisationId: "hos",
        on: ON.received,
        kind: "feedback",
        channel: "email",
        summary: "Slow",
        dissatisfactionExpressed: true,
      },
      "agent",
    );
    const stale = await findContact(test.db, "hos", contact.contactId);
    const offer = { type: "record-offer-to-complain", on: ON.received, residentChose: "not-now" } as const;
    await updateContact(
      services,
      { organisationId: "hos", contactId: contact.contactId, command: offer },
      "agent",
    );
    const conflict = await test.db
      .transaction((tx) =>
        saveContactEvents(tx, {
          ...stale!,
          status: "closed",
          events: [
            ...stale!.events,
            { type: "contact-closed", on: ON.received, recordedBy: "other", recordedAt: NOW },
          ],
          version: 2,
          expectedVersion: stale!.version,
        }),
      )
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConcurrencyConflictError);
    const after = await findContact(test.db, "hos", contact.contactId);
    expect(after?.events.map((e) => e.type)).toEqual(["contact-logged", "offer-to-complain-recorded"]);
    expect(after).toMatchObject({ version: 2, status: "open" });
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
