import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { loadComplaint } from "./load-complaint.ts";
import { draftLetter } from "./draft-letter.ts";
import { notifyResident } from "./resident-notifications.ts";
import { recordDecision, runComplaintCommand } from "./run-complaint-command.ts";
import { aComplaint, everythingWritten, lettersOf, NOW, ON, outboxOf } from "./test-builders.ts";

describe.each(TEST_DATABASES)("the event log and the outbox (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
  }, 60_000);
  afterAll(async () => test.drop());

  const acknowledge = { type: "acknowledge", on: ON.acknowledged, stage: 1 } as const;

  it.each([
    ["UPDATE", "UPDATE complaint_events SET type = 'withdrawn' WHERE organisation_id = 'hos'"],
    ["DELETE", "DELETE FROM complaint_events WHERE organisation_id = 'hos'"],
    ["TRUNCATE", "TRUNCATE complaint_events"],
  ])("refuses %s on recorded events: the audit trail is append-only", async (_verb, sql) => {
    await aComplaint(services, "hos");
    const before = await everythingWritten(test.db, "hos");
    const error = await test.db.query(sql).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "42501", message: expect.stringContaining("append-only") });
    expect(await everythingWritten(test.db, "hos")).toEqual(before);
  });

  it("drafts the letter with the events when the transaction commits, and sends nothing until it is issued", async () => {
    const reference = await aComplaint(services, "hos");
    const result = await acknowledgeComplaint(
      services,
      { organisationId: "hos", reference, ...acknowledge },
      "h",
    );
    expect(await lettersOf(test.db, reference)).toEqual([
      expect.objectContaining({
        kind: "stage1-acknowledgement",
        stage: 1,
        status: "draft",
        event_seq: result.state.version,
      }),
    ]);
    expect(await outboxOf(test.db, reference)).toEqual([]);
  });

  it("writes nothing at all when building the outbox messages fails", async () => {
    const reference = await aComplaint(services, "hos");
    const before = await everythingWritten(test.db, "hos");
    const failing = () => {
      throw new Error("template missing");
    };
    await expect(
      runComplaintCommand(services, {
        organisationId: "hos",
        reference,
        command: acknowledge,
        actor: "h",
        outbox: failing,
      }),
    ).rejects.toThrow("template missing");
    expect(await everythingWritten(test.db, "hos")).toEqual(before);
  });

  it("loses the outbox row and the draft letter with the events when the transaction fails after writing them", async () => {
    const reference = await aComplaint(services, "hos");
    const before = await everythingWritten(test.db, "hos");
    const crash = test.db.transaction(async (tx) => {
      const { identity, history } = await loadComplaint(tx, "hos", reference);
      const outbox = notifyResident("stage1-acknowledgement");
      const letter = draftLetter(services, "stage1-acknowledgement", 1);
      await recordDecision(tx, services, identity, history, acknowledge, "h", outbox, letter);
      const written = await tx.query("SELECT 1 FROM outbox WHERE payload->>'reference' = $1", [reference]);
      expect(written.rowCount).toBe(1); // they were written inside the transaction ...
      const drafted = await tx.query("SELECT 1 FROM letters WHERE complaint_id = $1", [identity.id]);
      expect(drafted.rowCount).toBe(1);
      throw new Error("the process died before COMMIT");
    });
    await expect(crash).rejects.toThrow("the process died");
    expect(await everythingWritten(test.db, "hos")).toEqual(before); // ... and is gone with it
  });

  it("never drafts the same letter twice when a command is retried", async () => {
    const reference = await aComplaint(services, "hos");
    const at = { organisationId: "hos", reference, ...acknowledge };
    const first = await acknowledgeComplaint(services, at, "h");
    // The retry finds the acknowledgement already recorded and is refused ...
    await expect(acknowledgeComplaint(services, at, "h")).rejects.toBeInstanceOf(ComplaintRuleError);
    // ... and a draft written again for the same event is skipped.
    const { identity } = await test.db.transaction((tx) => loadComplaint(tx, "hos", reference));
    await test.db.transaction((tx) =>
      draftLetter(services, "stage1-acknowledgement", 1)(tx, first, identity, "h"),
    );
    expect(await lettersOf(test.db, reference)).toHaveLength(1);
  });
});
