import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import { enqueueOutbox } from "../store/outbox.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { loadComplaint } from "./load-complaint.ts";
import { acknowledgementTemplate, notifyResident } from "./resident-notifications.ts";
import { recordDecision, runComplaintCommand } from "./run-complaint-command.ts";
import { aComplaint, everythingWritten, NOW, ON, outboxOf } from "./test-builders.ts";

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

  it("writes the outbox row with the events when the transaction commits", async () => {
    const reference = await aComplaint(services, "hos");
    const result = await acknowledgeComplaint(
      services,
      { organisationId: "hos", reference, ...acknowledge },
      "h",
    );
    const outbox = await outboxOf(test.db, reference);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: "resident-notification",
      idempotency_key: expect.stringMatching(new RegExp(`:${result.state.version}:stage1-acknowledgement$`)),
      payload: { template: "stage1-acknowledgement", reference, stage: 1, responseDue: "2026-11-17" },
    });
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

  it("loses the outbox row with the events when the transaction fails after writing it", async () => {
    const reference = await aComplaint(services, "hos");
    const before = await everythingWritten(test.db, "hos");
    const crash = test.db.transaction(async (tx) => {
      const { identity, history } = await loadComplaint(tx, "hos", reference);
      const outbox = notifyResident(acknowledgementTemplate(1));
      await recordDecision(tx, services, identity, history, acknowledge, "h", outbox);
      const written = await tx.query("SELECT 1 FROM outbox WHERE payload->>'reference' = $1", [reference]);
      expect(written.rowCount).toBe(1); // it was written inside the transaction ...
      throw new Error("the process died before COMMIT");
    });
    await expect(crash).rejects.toThrow("the process died");
    expect(await everythingWritten(test.db, "hos")).toEqual(before); // ... and is gone with it
  });

  it("never queues the same letter twice when a command is retried", async () => {
    const reference = await aComplaint(services, "hos");
    const at = { organisationId: "hos", reference, ...acknowledge };
    await acknowledgeComplaint(services, at, "h");
    const [sent] = await outboxOf(test.db, reference);
    // The retry finds the acknowledgement already recorded and is refused ...
    await expect(acknowledgeComplaint(services, at, "h")).rejects.toBeInstanceOf(ComplaintRuleError);
    // ... and a message written again under the same key is skipped.
    expect(
      await enqueueOutbox(test.db, "hos", [
        { idempotencyKey: sent!.idempotency_key, kind: sent!.kind, payload: {} },
      ]),
    ).toBe(0);
    expect(await outboxOf(test.db, reference)).toHaveLength(1);
  });
});
