import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { acceptLateEscalation } from "./accept-late-escalation.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { addIssue } from "./add-issue.ts";
import { assignHandler } from "./assign-handler.ts";
import { closeComplaint } from "./close-complaint.ts";
import { completeAction } from "./complete-action.ts";
import { completeRemedy } from "./complete-remedy.ts";
import { defineComplaint } from "./define-complaint.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { logContact } from "./log-contact.ts";
import { raiseComplaintFromContact } from "./raise-complaint-from-contact.ts";
import { recordHazardMadeSafe } from "./record-hazard-made-safe.ts";
import { recordOmbudsmanReferral } from "./record-ombudsman-referral.ts";
import { recordSurveyAnswer } from "./record-survey-answer.ts";
import { refuseComplaint } from "./refuse-complaint.ts";
import { requestEscalation } from "./request-escalation.ts";
import { respondToComplaint } from "./respond-to-complaint.ts";
import { aComplaint, eventTypesOf, lettersOf, NOW, ON, outboxOf, projectionOf } from "./test-builders.ts";
import { triageComplaint } from "./triage-complaint.ts";
import { updateContact } from "./update-contact.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

const actor = "officer@example.org";

describe.each(TEST_DATABASES)("use cases, each through to the projection (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    // One organisation per pack: complaints keep the tests apart.
    await anOrganisation(services, "hos-code-2024", "hos");
    await anOrganisation(services, "brighter-places", "bp");
    await anOrganisation(services, "bchg", "bchg");
  }, 60_000);
  afterAll(async () => test.drop());

  it("triages a hazard and a category, makes it safe, assigns, acknowledges and extends at Stage 1", async () => {
    const reference = await aComplaint(services, "hos");
    const at = { organisationId: "hos", reference };
    const hazard = {
      at: "2026-11-02T11:00:00Z",
      severity: "significant",
      description: "Water near sockets",
    } as const;
    await triageComplaint(services, { ...at, on: ON.received, hazard, category: "repairs" }, actor);
    expect(await projectionOf(test.db, reference)).toMatchObject({ hazard: true, category: "repairs" });

    await recordHazardMadeSafe(services, { ...at, on: "2026-11-03", at: "2026-11-03T09:00:00Z" }, actor);
    await assignHandler(services, { ...at, on: "2026-11-03", stage: 1, handler: "Hana Handler" }, actor);
    await acknowledgeComplaint(services, { ...at, on: "2026-11-03", stage: 1 }, actor);
    // 10 working days after Tuesday 3 November: Tuesday 17 November.
    expect(await projectionOf(test.db, reference)).toMatchObject({
      hazard: false,
      handler_stage1: "Hana Handler",
      status: "investigating",
      next_clock: "stage1.response",
      next_due: "2026-11-17",
    });

    await extendDeadline(
      services,
      { ...at, on: "2026-11-10", stage: 1, workingDays: 5, reason: "Awaiting a survey" },
      actor,
    );
    expect(await projectionOf(test.db, reference)).toMatchObject({
      next_due: "2026-11-24",
      next_code_limit: "2026-11-24",
      version: 7,
    });
    expect(await eventTypesOf(test.db, reference)).toEqual([
      "received",
      "defined",
      "hazard-flagged",
      "hazard-made-safe",
      "handler-assigned",
      "acknowledged",
      "extended",
    ]);
    // Each command drafted its letter in its own transaction; nothing goes to the resident until issued.
    const letters = await lettersOf(test.db, reference);
    expect(letters.map((l) => [l.kind, l.stage, l.status, l.event_seq])).toEqual([
      ["stage1-acknowledgement", 1, "draft", 6],
      ["extension", 1, "draft", 7],
    ]);
    expect(JSON.stringify(letters[0]?.document)).toContain("Tuesday 17 November 2026");
    expect(JSON.stringify(letters[1]?.document)).toContain("by Tuesday 24 November 2026");
    expect(JSON.stringify(letters[1]?.document)).toContain("Awaiting a survey");
    expect(await outboxOf(test.db, reference)).toEqual([]);
  });

  it("folds a related issue in and logs an unrelated one as a new complaint for the same resident (Code 6.8)", async () => {
    const reference = await aComplaint(services, "hos", "acknowledged");
    const at = { organisationId: "hos", reference, on: "2026-11-04" };
    const folded = await addIssue(
      services,
      { ...at, issue: { id: "damp", summary: "Damp in the hall" }, related: true, wouldDelayResponse: false },
      actor,
    );
    expect(folded.newComplaint).toBeUndefined();
    expect(folded.state.stages[1].issues.map((i) => i.id)).toEqual(["leak", "damp"]);

    const spun = await addIssue(
      services,
      {
        ...at,
        issue: { id: "noise", summary: "Noise from the flat above" },
        related: false,
        wouldDelayResponse: false,
        outcomesSought: ["Speak to them"],
      },
      actor,
    );
    const newReference = spun.newComplaint?.reference;
    expect(spun.events).toEqual([
      expect.objectContaining({ disposition: "new-complaint", newComplaint: newReference }),
    ]);
    const original = await projectionOf(test.db, reference);
    expect(await projectionOf(test.db, newReference!)).toMatchObject({
      resident_id: original.resident_id,
      status: "awaiting-acknowledgement",
      received_on: "2026-11-04",
      description: "Noise from the flat above",
    });
    expect(await eventTypesOf(test.db, newReference!)).toEqual(["received", "defined"]);
  });

  it("responds, escalates, answers Stage 2 with another handler, completes, closes, and records the aftermath", async () => {
    const reference = await aComplaint(services, "bp", "responded");
    const at = { organisationId: "bp", reference };
    expect(await projectionOf(test.db, reference)).toMatchObject({ status: "responded", next_clock: null });
    await requestEscalation(services, { ...at, on: ON.escalated }, actor);
    expect(await projectionOf(test.db, reference)).toMatchObject({
      stage: 2,
      status: "awaiting-acknowledgement",
    });
    await assignHandler(services, { ...at, on: ON.escalated, stage: 2, handler: "Rita Reviewer" }, actor);
    const issues = [{ id: "still-leaking", summary: "Still leaking after the repair" }];
    await defineComplaint(
      services,
      { ...at, on: ON.escalated, stage: 2, issues, outcomesSought: ["A working kitchen"] },
      actor,
    );
    await acknowledgeComplaint(services, { ...at, on: "2026-11-11", stage: 2 }, actor);
    await respondToComplaint(
      services,
      {
        ...at,
        on: "2026-11-16",
        stage: 2,
        outcome: "not-upheld",
        remedies: [],
        actions: [],
        learning: [],
        findings: [{ issueId: "still-leaking", decision: "not-upheld", reason: "Fixed on 12 November" }],
      },
      actor,
    );
    await completeRemedy(services, { ...at, on: "2026-11-17", remedyId: "apology" }, actor);
    await completeAction(services, { ...at, on: "2026-11-17", actionId: "parts" }, actor);
    await closeComplaint(services, { ...at, on: "2026-11-18" }, actor);
    await recordOmbudsmanReferral(
      services,
      { ...at, on: "2026-11-19", ombudsmanReference: "HOS-2026-0042" },
      actor,
    );
    const surveyed = await recordSurveyAnswer(services, { ...at, on: "2026-11-20", satisfaction: 4 }, actor);

    expect(surveyed.state).toMatchObject({ ombudsmanReferredOn: "2026-11-19", survey: { satisfaction: 4 } });
    expect(await projectionOf(test.db, reference)).toMatchObject({
      stage: 2,
      status: "closed",
      handler_stage2: "Rita Reviewer",
      next_clock: null,
      version: 14,
    });
    // Brighter Places writes after closure to ask how satisfied the resident is; its pack says so.
    expect((await lettersOf(test.db, reference)).map((l) => [l.kind, l.stage])).toEqual([
      ["stage1-acknowledgement", 1],
      ["stage1-response", 1],
      ["stage2-acknowledgement", 2],
      ["stage2-response", 2],
      ["closure-survey", 2],
    ]);
  });

  it("sends no closing survey where the policy has none", async () => {
    const reference = await aComplaint(services, "hos", "closed");
    expect((await lettersOf(test.db, reference)).map((l) => l.kind)).not.toContain("closure-survey");
  });

  it("refuses on a policy ground with the reason, and drafts the letter telling the resident", async () => {
    const reference = await aComplaint(services, "hos");
    const reason = "Possession proceedings about the same repair are under way";
    await refuseComplaint(
      services,
      { organisationId: "hos", reference, on: "2026-11-03", stage: 1, ground: "legal-proceedings", reason },
      actor,
    );
    expect(await projectionOf(test.db, reference)).toMatchObject({ status: "refused", next_clock: null });
    const [letter] = await lettersOf(test.db, reference);
    expect(letter).toMatchObject({ kind: "refusal", stage: 1, status: "draft" });
    expect(JSON.stringify(letter?.document)).toContain(reason);
  });

  it("withdraws, stopping the clocks", async () => {
    const reference = await aComplaint(services, "hos", "acknowledged");
    await withdrawComplaint(
      services,
      { organisationId: "hos", reference, on: "2026-11-05", reason: "Sorted" },
      actor,
    );
    expect(await projectionOf(test.db, reference)).toMatchObject({
      status: "withdrawn",
      next_clock: null,
      next_due: null,
    });
  });

  it("holds a late escalation for a decision, then lets Stage 2 go on once it is accepted", async () => {
    const reference = await aComplaint(services, "bchg", "responded");
    const at = { organisationId: "bchg", reference };
    // BCHG's window is 7 working days from the response on 9 November; 1 December is well after it.
    await requestEscalation(services, { ...at, on: "2026-12-01" }, actor);
    await expect(
      acknowledgeComplaint(services, { ...at, on: "2026-12-01", stage: 2 }, actor),
    ).rejects.toMatchObject({
      code: "LATE_ESCALATION_DECISION_REQUIRED",
    });
    await acceptLateEscalation(
      services,
      { ...at, on: "2026-12-01", reason: "The resident was in hospital" },
      actor,
    );
    await acknowledgeComplaint(services, { ...at, on: "2026-12-02", stage: 2 }, actor);
    expect(await projectionOf(test.db, reference)).toMatchObject({
      stage: 2,
      status: "investigating",
      next_clock: "stage2.response",
    });
  });

  it("logs a contact, records the offer to complain, raises a complaint and keeps the service request open (Code 1.3, 1.5)", async () => {
    const contact = await logContact(
      services,
      {
        organisationId: "hos",
        on: "2026-11-02",
        kind: "service-request",
        channel: "phone",
        summary: "Boiler broken again, third time",
        dissatisfactionExpressed: true,
        resident: { name: "Mr C Caller" },
      },
      "agent@example.org",
    );
    const contactAt = { organisationId: "hos", contactId: contact.contactId };
    await updateContact(
      services,
      {
        ...contactAt,
        command: { type: "record-offer-to-complain", on: "2026-11-02", residentChose: "complain" },
      },
      "agent@example.org",
    );
    const raised = await raiseComplaintFromContact(
      services,
      { ...contactAt, on: "2026-11-03" },
      "agent@example.org",
    );
    expect(raised.contact.state.closedOn).toBeUndefined();
    expect(await projectionOf(test.db, raised.reference)).toMatchObject({
      received_on: "2026-11-02",
      channel: "phone",
      description: "Boiler broken again, third time",
      status: "awaiting-acknowledgement",
    });
    const { rows } = await test.db.query(
      "SELECT status, complaint_refs, version, resident_id FROM contacts WHERE id = $1",
      [contact.contactId],
    );
    expect(rows[0]).toMatchObject({ status: "open", complaint_refs: [raised.reference], version: 3 });
    expect(rows[0]!.resident_id).toBe((await projectionOf(test.db, raised.reference)).resident_id);

    await updateContact(
      services,
      { ...contactAt, command: { type: "close-contact", on: "2026-11-04" } },
      "agent@example.org",
    );
    const closed = await test.db.query("SELECT status, events FROM contacts WHERE id = $1", [
      contact.contactId,
    ]);
    expect(closed.rows[0]!.status).toBe("closed");
    expect(closed.rows[0]!.events.at(-1)).toMatchObject({
      type: "contact-closed",
      recordedBy: "agent@example.org",
    });
  });
});
