import { expect } from "vitest";
import { acknowledgeComplaint } from "../../src/app/acknowledge-complaint.ts";
import { completeAction } from "../../src/app/complete-action.ts";
import { completeRemedy } from "../../src/app/complete-remedy.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
import { requestEscalation } from "../../src/app/request-escalation.ts";
import type { Services } from "../../src/app/services.ts";
import { aComplaint, ON, type Milestone } from "../../src/app/test-builders.ts";
import { triageComplaint } from "../../src/app/triage-complaint.ts";

/**
 * One case per complaint action for the API tests (src/web/api/complaint-actions-api.test.ts): where it
 * succeeds, a body its schema refuses, and a history on which it breaks a rule of the process. The clock
 * is NOW of src/app/test-builders.ts (Tuesday 15 December 2026).
 */

/** A complaint in the state a row needs, in the "bchg" organisation (or another). */
export type Fixture = Milestone | "hazard" | "late-escalation" | "remedies-done" | "acknowledged-this-week";

/** The parts of the returned complaint the rows look at. */
export interface ComplaintJson {
  stage: number;
  status: string;
  category: string | null;
  clocks: Record<string, { due: string }>;
  hazards: { state: string }[];
  timeline: { event: Record<string, unknown> }[];
}

export interface ActionCase {
  /** Where the action succeeds, the body, and the event it records. */
  success: { on: Fixture; body: unknown; event: string; check?: (complaint: ComplaintJson) => void };
  /** A body the action's schema refuses, and the JSON path it is refused at. */
  invalid: { body: unknown; field: string };
  /** Where a rule of the process is broken, and its code (and field, where the rule names one). */
  rule: { on: Fixture; body: unknown; code: string; field?: string; clock?: string };
}

const RESPONSE = {
  stage: 1,
  findings: [{ issueId: "leak", decision: "not-upheld", reason: "The repair was on time" }],
  learning: ["None: the repair was on time"],
};

/** Every complaint action, each with a real success, a validation error and a broken rule. */
export const COMPLAINT_ACTION_CASES: Record<string, ActionCase> = {
  acknowledge: {
    success: {
      on: "defined",
      body: { stage: 1 },
      event: "acknowledged",
      // Acknowledged Tue 15 Dec 2026: 10 working days, skipping Christmas and the Boxing Day substitute.
      check: (c) => expect(c.clocks["stage1.response"]?.due).toBe("2026-12-31"),
    },
    invalid: { body: { stage: 3 }, field: "stage" },
    rule: { on: "undefined", body: { stage: 1 }, code: "DEFINITION_REQUIRED", field: "issues" },
  },
  "assign-handler": {
    success: { on: "defined", body: { stage: 1, handler: "Pat Handler" }, event: "handler-assigned" },
    invalid: { body: { stage: 1 }, field: "handler" },
    rule: { on: "closed", body: { stage: 1, handler: "Pat" }, code: "COMPLAINT_NOT_RUNNING" },
  },
  extend: {
    success: {
      // An extension must come before the date it extends, so the response must not be due yet.
      on: "acknowledged-this-week",
      body: { stage: 1, workingDays: 5, reason: "Waiting for a surveyor" },
      event: "extended",
    },
    invalid: { body: { stage: 1, workingDays: 0, reason: "x" }, field: "workingDays" },
    rule: {
      on: "defined",
      body: { stage: 1, workingDays: 5, reason: "x" },
      code: "EXTENSION_BEFORE_CLOCK",
      field: "stage",
    },
  },
  escalate: {
    success: {
      on: "responded",
      body: {},
      event: "escalation-requested",
      check: (c) => expect(c.stage).toBe(2),
    },
    invalid: { body: { whatIsStillWrong: 5 }, field: "whatIsStillWrong" },
    rule: { on: "defined", body: {}, code: "ESCALATION_BEFORE_STAGE1_RESPONSE" },
  },
  "accept-late-escalation": {
    success: {
      on: "late-escalation",
      body: { reason: "The resident was in hospital" },
      event: "late-escalation-accepted",
    },
    invalid: { body: { reason: "  " }, field: "reason" },
    rule: { on: "escalated", body: { reason: "x" }, code: "NO_LATE_ESCALATION_TO_DECIDE" },
  },
  withdraw: {
    success: {
      on: "defined",
      body: { reason: "Sorted" },
      event: "withdrawn",
      check: (c) => expect(c.status).toBe("withdrawn"),
    },
    invalid: { body: { reason: 5 }, field: "reason" },
    rule: { on: "closed", body: {}, code: "COMPLAINT_NOT_RUNNING" },
  },
  close: {
    success: {
      on: "remedies-done",
      body: {},
      event: "closed",
      check: (c) => expect(c.status).toBe("closed"),
    },
    invalid: { body: "now", field: "body" },
    rule: { on: "responded", body: {}, code: "REMEDIES_OUTSTANDING" },
  },
  define: {
    success: {
      on: "undefined",
      body: { stage: 1, issues: ["Leak not fixed"], outcomesSought: ["Fix it"] },
      event: "defined",
    },
    invalid: { body: { stage: 1, issues: [], outcomesSought: ["Fix it"] }, field: "issues" },
    rule: { on: "defined", body: { stage: 2, issues: ["a"], outcomesSought: ["b"] }, code: "WRONG_STAGE" },
  },
  respond: {
    success: {
      on: "acknowledged",
      body: RESPONSE,
      event: "responded",
      check: (c) => expect(c.timeline.at(-1)?.event.outcome).toBe("not-upheld"),
    },
    invalid: {
      body: { ...RESPONSE, findings: [{ issueId: "leak", decision: "maybe", reason: "x" }] },
      field: "findings.0.decision",
    },
    rule: {
      on: "acknowledged",
      body: { ...RESPONSE, findings: [{ issueId: "leak", decision: "upheld", reason: "Late" }] },
      code: "REMEDY_REQUIRED",
      field: "remedies",
    },
  },
  triage: {
    success: {
      on: "defined",
      body: {
        category: "damp-and-mould",
        hazard: { severity: "significant", description: "Mould by the cot" },
      },
      event: "hazard-flagged",
      check: (c) => {
        expect(c.category).toBe("damp-and-mould");
        expect(c.hazards).toHaveLength(1);
      },
    },
    invalid: { body: { category: "weather" }, field: "category" },
    rule: {
      on: "defined",
      body: { hazard: { severity: "emergency", description: "Gas", at: "2027-06-01T09:00:00Z" } },
      code: "DATE_IN_FUTURE",
      field: "at",
    },
  },
  refuse: {
    success: {
      on: "defined",
      body: {
        stage: 1,
        ground: "first-time-service-request",
        reason: "This is the first report of the leak",
      },
      event: "refused",
      check: (c) => expect(c.status).toBe("refused"),
    },
    invalid: { body: { stage: 1, reason: "x" }, field: "ground" },
    rule: {
      on: "defined",
      body: { stage: 1, ground: "made-up", reason: "x" },
      code: "UNKNOWN_EXCLUSION_GROUND",
    },
  },
  "add-issue": {
    success: {
      on: "acknowledged",
      body: { summary: "The fence is down too", related: true, wouldDelayResponse: false },
      event: "issue-added",
    },
    invalid: { body: { summary: "x", related: "perhaps", wouldDelayResponse: false }, field: "related" },
    rule: {
      on: "closed",
      body: { summary: "x", related: true, wouldDelayResponse: false },
      code: "COMPLAINT_NOT_RUNNING",
    },
  },
  "hazard-made-safe": {
    success: {
      on: "hazard",
      body: { at: "2026-12-15T09:00:00Z" },
      event: "hazard-made-safe",
      // Flagged on 2 November, made safe on 15 December: recorded, and late.
      check: (c) => expect(c.hazards[0]?.state).toBe("late"),
    },
    invalid: { body: { at: "yesterday" }, field: "at" },
    rule: { on: "defined", body: {}, code: "NO_HAZARD_OPEN" },
  },
  "complete-remedy": {
    success: { on: "responded", body: { remedyId: "apology" }, event: "remedy-completed" },
    invalid: { body: {}, field: "remedyId" },
    rule: { on: "responded", body: { remedyId: "r9" }, code: "UNKNOWN_REMEDY", field: "remedyId" },
  },
  "complete-action": {
    success: { on: "responded", body: { actionId: "parts" }, event: "action-completed" },
    invalid: { body: { actionId: "" }, field: "actionId" },
    rule: { on: "responded", body: { actionId: "a9" }, code: "UNKNOWN_ACTION", field: "actionId" },
  },
  "refer-to-ombudsman": {
    success: {
      on: "closed",
      body: { ombudsmanReference: "HOS-2026-123" },
      event: "ombudsman-referred",
      check: (c) => expect(c.timeline.at(-1)?.event.reference).toBe("HOS-2026-123"),
    },
    invalid: { body: { ombudsmanReference: 5 }, field: "ombudsmanReference" },
    // The only rule a referral can break: events are recorded in date order (here the clock is behind).
    rule: { on: "closed", body: {}, code: "DATE_BEFORE_LAST_EVENT", clock: "2026-11-11T10:00:00Z" },
  },
  "record-survey-answer": {
    success: { on: "closed", body: { satisfaction: 4, comment: "Kept informed" }, event: "survey-answered" },
    invalid: { body: { satisfaction: 9 }, field: "satisfaction" },
    rule: { on: "responded", body: { satisfaction: 4 }, code: "SURVEY_BEFORE_CLOSURE" },
  },
};

/** A complaint of "bchg" (or another organisation) in the state a case needs; returns its reference. */
export async function complaintAt(services: Services, on: Fixture, organisationId = "bchg"): Promise<string> {
  const actor = "officer@example.org";
  if (on === "hazard") {
    const reference = await aComplaint(services, organisationId, "defined");
    await triageComplaint(
      services,
      {
        organisationId,
        reference,
        on: ON.received,
        hazard: { severity: "significant", description: "Damp", at: "2026-11-02T09:00:00Z" },
      },
      actor,
    );
    return reference;
  }
  if (on === "late-escalation") {
    const reference = await aComplaint(services, organisationId, "responded");
    // bchg's window is 7 working days from the response (9 Nov): 1 December is after it.
    await requestEscalation(services, { organisationId, reference, on: "2026-12-01" }, actor);
    return reference;
  }
  if (on === "acknowledged-this-week") {
    const { reference } = await logComplaint(
      services,
      {
        organisationId,
        receivedOn: "2026-12-11",
        channel: "phone",
        description: "The boiler is broken",
        resident: { name: "Ms R Resident" },
        definition: { issues: [{ id: "1", summary: "Boiler" }], outcomesSought: ["Fix it"] },
      },
      actor,
    );
    await acknowledgeComplaint(services, { organisationId, reference, on: "2026-12-14", stage: 1 }, actor);
    return reference;
  }
  if (on === "remedies-done") {
    const reference = await aComplaint(services, organisationId, "responded");
    const at = { organisationId, reference, on: ON.completed };
    await completeRemedy(services, { ...at, remedyId: "apology" }, actor);
    await completeAction(services, { ...at, actionId: "parts" }, actor);
    return reference;
  }
  return aComplaint(services, organisationId, on);
}
