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
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import { ContactRuleError, type ContactKind } from "../domain/contact/contact.ts";
import type { Services } from "./services.ts";
import { aComplaint, everythingWritten, NOW, ON, type Milestone } from "./test-builders.ts";
import { triageComplaint } from "./triage-complaint.ts";
import { updateContact } from "./update-contact.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

const actor = "officer@example.org";

describe.each(TEST_DATABASES)("use cases that break a rule write nothing (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
    await anOrganisation(services, "brighter-places", "bp");
  }, 60_000);
  afterAll(async () => test.drop());

  type At = { organisationId: string; reference: string };
  const brokenRules: {
    verb: string;
    code: string;
    org?: string;
    upTo?: Milestone;
    attempt: (s: Services, at: At) => Promise<unknown>;
  }[] = [
    {
      verb: "defineComplaint",
      code: "DUPLICATE_ID",
      attempt: (s, at) =>
        defineComplaint(
          s,
          {
            ...at,
            on: ON.received,
            stage: 1,
            issues: [
              { id: "a", summary: "A" },
              { id: "a", summary: "B" },
            ],
            outcomesSought: ["x"],
          },
          actor,
        ),
    },
    {
      verb: "triageComplaint (the category is not written either)",
      code: "DATE_IN_FUTURE",
      attempt: (s, at) =>
        triageComplaint(
          s,
          {
            ...at,
            on: ON.received,
            category: "damp",
            hazard: { at: "2027-01-01T09:00:00Z", severity: "emergency", description: "Gas" },
          },
          actor,
        ),
    },
    {
      verb: "recordHazardMadeSafe",
      code: "NO_HAZARD_OPEN",
      attempt: (s, at) =>
        recordHazardMadeSafe(s, { ...at, on: ON.acknowledged, at: "2026-11-03T09:00:00Z" }, actor),
    },
    {
      verb: "refuseComplaint",
      code: "UNKNOWN_EXCLUSION_GROUND",
      attempt: (s, at) =>
        refuseComplaint(s, { ...at, on: ON.acknowledged, stage: 1, ground: "too-busy", reason: "No" }, actor),
    },
    {
      verb: "acknowledgeComplaint",
      code: "DEFINITION_REQUIRED",
      upTo: "undefined",
      attempt: (s, at) => acknowledgeComplaint(s, { ...at, on: ON.acknowledged, stage: 1 }, actor),
    },
    {
      verb: "assignHandler",
      code: "WRONG_STAGE",
      attempt: (s, at) => assignHandler(s, { ...at, on: ON.acknowledged, stage: 2, handler: "Rita" }, actor),
    },
    {
      verb: "addIssue (no new complaint is logged)",
      code: "ISSUE_ALREADY_EXISTS",
      attempt: (s, at) =>
        addIssue(
          s,
          {
            ...at,
            on: ON.acknowledged,
            issue: { id: "leak", summary: "Again" },
            related: false,
            wouldDelayResponse: true,
            outcomesSought: ["x"],
          },
          actor,
        ),
    },
    {
      verb: "extendDeadline",
      code: "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      upTo: "acknowledged",
      attempt: (s, at) =>
        extendDeadline(s, { ...at, on: "2026-11-05", stage: 1, workingDays: 15, reason: "Complex" }, actor),
    },
    {
      verb: "respondToComplaint",
      code: "RESPOND_BEFORE_ACKNOWLEDGEMENT",
      attempt: (s, at) =>
        respondToComplaint(
          s,
          {
            ...at,
            on: ON.responded,
            stage: 1,
            findings: [{ issueId: "leak", decision: "not-upheld", reason: "Fine" }],
            outcome: "not-upheld",
            remedies: [],
            actions: [],
            learning: [],
          },
          actor,
        ),
    },
    {
      verb: "requestEscalation",
      code: "ESCALATION_BEFORE_STAGE1_RESPONSE",
      upTo: "acknowledged",
      attempt: (s, at) => requestEscalation(s, { ...at, on: ON.escalated }, actor),
    },
    {
      verb: "acceptLateEscalation",
      code: "NO_LATE_ESCALATION_TO_DECIDE",
      upTo: "escalated",
      attempt: (s, at) => acceptLateEscalation(s, { ...at, on: ON.escalated, reason: "Why not" }, actor),
    },
    {
      verb: "withdrawComplaint",
      code: "COMPLAINT_NOT_RUNNING",
      upTo: "closed",
      attempt: (s, at) => withdrawComplaint(s, { ...at, on: "2026-11-20" }, actor),
    },
    {
      verb: "completeRemedy",
      code: "UNKNOWN_REMEDY",
      upTo: "responded",
      attempt: (s, at) => completeRemedy(s, { ...at, on: "2026-11-20", remedyId: "cheque" }, actor),
    },
    {
      verb: "completeAction",
      code: "ALREADY_COMPLETED",
      upTo: "closed",
      attempt: (s, at) => completeAction(s, { ...at, on: "2026-11-20", actionId: "parts" }, actor),
    },
    {
      verb: "closeComplaint (no survey letter)",
      code: "CLOSE_BEFORE_RESPONSE",
      org: "bp",
      upTo: "acknowledged",
      attempt: (s, at) => closeComplaint(s, { ...at, on: "2026-11-20" }, actor),
    },
    {
      verb: "recordOmbudsmanReferral",
      code: "DATE_IN_FUTURE",
      attempt: (s, at) => recordOmbudsmanReferral(s, { ...at, on: "2027-01-05" }, actor),
    },
    {
      verb: "recordSurveyAnswer",
      code: "SURVEY_BEFORE_CLOSURE",
      upTo: "responded",
      attempt: (s, at) => recordSurveyAnswer(s, { ...at, on: "2026-11-20", satisfaction: 5 }, actor),
    },
  ];

  it.each(brokenRules)(
    "$verb breaks $code and writes nothing",
    async ({ code, org = "hos", upTo, attempt }) => {
      const reference = await aComplaint(services, org, upTo);
      const before = await everythingWritten(test.db, org);
      const error = await attempt(services, { organisationId: org, reference }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ComplaintRuleError);
      expect(error).toMatchObject({ code });
      expect(await everythingWritten(test.db, org)).toEqual(before);
    },
  );

  const contactRules: {
    verb: string;
    code: string;
    kind?: ContactKind;
    attempt: (s: Services, contactId: string) => Promise<unknown>;
  }[] = [
    {
      verb: "logContact",
      code: "DATE_IN_FUTURE",
      attempt: (s) =>
        logContact(
          s,
          {
            organisationId: "hos",
            on: "2027-01-05",
            kind: "feedback",
            channel: "email",
            summary: "Later",
            dissatisfactionExpressed: false,
            resident: { name: "N" },
          },
          actor,
        ),
    },
    {
      verb: "updateContact",
      code: "OFFER_TO_COMPLAIN_REQUIRED",
      attempt: (s, contactId) =>
        updateContact(
          s,
          { organisationId: "hos", contactId, command: { type: "close-contact", on: "2026-11-03" } },
          actor,
        ),
    },
    {
      verb: "raiseComplaintFromContact (no complaint is logged)",
      code: "NOT_A_CONCERN",
      kind: "compliment",
      attempt: (s, contactId) =>
        raiseComplaintFromContact(
          s,
          { organisationId: "hos", contactId, on: "2026-11-03", resident: { name: "N" } },
          actor,
        ),
    },
  ];

  it.each(contactRules)(
    "$verb breaks $code and writes nothing",
    async ({ code, kind = "service-request", attempt }) => {
      const { contactId } = await logContact(
        services,
        {
          organisationId: "hos",
          on: ON.received,
          kind,
          channel: "phone",
          summary: "Fence down",
          dissatisfactionExpressed: kind !== "compliment",
        },
        actor,
      );
      const before = await everythingWritten(test.db, "hos");
      const error = await attempt(services, contactId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContactRuleError);
      expect(error).toMatchObject({ code });
      expect(await everythingWritten(test.db, "hos")).toEqual(before);
    },
  );
});
