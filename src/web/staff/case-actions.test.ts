import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { acknowledgeComplaint } from "../../app/acknowledge-complaint.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { completeAction } from "../../app/complete-action.ts";
import { completeRemedy } from "../../app/complete-remedy.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import { requestEscalation } from "../../app/request-escalation.ts";
import type { Services } from "../../app/services.ts";
import { aComplaint, eventTypesOf, NOW, type Milestone } from "../../app/test-builders.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const ROLES: UserRole[] = ["agent", "handler", "reviewer", "complaints-team", "executive", "admin"];

type Fields = Record<string, string>;
interface Case {
  /** The complaint the action runs on (a fresh one per case). */
  on: (s: Services) => Promise<string>;
  fields: Fields;
}
interface Row {
  /** Who may do it here. */
  as: UserRole;
  /** A role that may not (executives never may). */
  forbidden: UserRole[];
  success: Case & { event: string };
  /** A form the schema refuses, and the field the error is shown at; null when every field is optional. */
  invalid: (Case & { field: string }) | null;
  /** A form that breaks a rule of the domain, and what the page then says. */
  broken: (Case & { says: string }) | null;
}

const at =
  (upTo: Milestone) =>
  (s: Services): Promise<string> =>
    aComplaint(s, "bchg", upTo);

/** A complaint acknowledged today, so its response date has not passed (extensions must come before it). */
async function acknowledgedToday(s: Services): Promise<string> {
  const reference = await aComplaint(s, "bchg", "defined");
  await acknowledgeComplaint(s, { organisationId: "bchg", reference, on: "2026-12-15", stage: 1 }, "t");
  return reference;
}

/** A complaint with a significant hazard flagged at intake. */
async function withHazard(s: Services): Promise<string> {
  const { reference } = await logComplaint(
    s,
    {
      organisationId: "bchg",
      receivedOn: "2026-12-14",
      channel: "phone",
      description: "Sparks from the socket",
      resident: { name: "Ms H" },
      hazard: { severity: "significant", description: "Sparking socket", at: "2026-12-14T09:00:00Z" },
    },
    "t",
  );
  return reference;
}

/** Stage 1 answered on 9 November; the resident asks for Stage 2 today, after BCHG's 7 working days. */
async function escalatedLate(s: Services): Promise<string> {
  const reference = await aComplaint(s, "bchg", "responded");
  await requestEscalation(s, { organisationId: "bchg", reference, on: "2026-12-15" }, "t");
  return reference;
}

/** Stage 1 handled by Sam, answered, and escalated. */
async function escalatedFromSam(s: Services): Promise<string> {
  const reference = await aComplaint(s, "bchg", "responded");
  const where = { organisationId: "bchg", reference };
  await assignHandler(s, { ...where, on: "2026-11-10", stage: 1, handler: "Sam Stage-One" }, "t");
  await requestEscalation(s, { ...where, on: "2026-11-11" }, "t");
  return reference;
}

/** Answered at Stage 1 with its remedy and action done: ready to close. */
async function respondedAndDone(s: Services): Promise<string> {
  const reference = await aComplaint(s, "bchg", "responded");
  const where = { organisationId: "bchg", reference, on: "2026-11-11" };
  await completeRemedy(s, { ...where, remedyId: "apology" }, "t");
  await completeAction(s, { ...where, actionId: "parts" }, "t");
  return reference;
}

/** Every complaint action the staff pages offer: success, validation error, rule broken, wrong role, other org. */
const ROWS: Record<string, Row> = {
  acknowledge: {
    as: "handler",
    forbidden: ["agent", "reviewer"],
    success: { on: at("defined"), fields: { stage: "1" }, event: "acknowledged" },
    invalid: { on: at("defined"), fields: { stage: "three" }, field: "stage" },
    broken: { on: at("undefined"), fields: { stage: "1" }, says: "Set out the complaint definition" },
  },
  "assign-handler": {
    as: "reviewer",
    forbidden: ["agent", "handler"],
    success: {
      on: at("escalated"),
      fields: { stage: "2", handler: "Rhys Reviewer" },
      event: "handler-assigned",
    },
    invalid: { on: at("escalated"), fields: { stage: "2", handler: " " }, field: "handler" },
    broken: {
      on: escalatedFromSam,
      fields: { stage: "2", handlerOther: "Sam Stage-One" },
      says: "must be a different person from the Stage 1 handler (Code 6.13)",
    },
  },
  define: {
    as: "handler",
    forbidden: ["agent", "executive"],
    success: {
      on: at("undefined"),
      fields: { stage: "1", issues: "Leak\nMould", outcomesSought: "Fix" },
      event: "defined",
    },
    invalid: {
      on: at("undefined"),
      fields: { stage: "1", issues: "", outcomesSought: "Fix" },
      field: "issues",
    },
    broken: {
      on: at("undefined"),
      fields: { stage: "2", issues: "Leak", outcomesSought: "Fix" },
      says: "not at that stage",
    },
  },
  extend: {
    as: "handler",
    forbidden: ["agent"],
    success: {
      on: acknowledgedToday,
      fields: { stage: "1", workingDays: "5", reason: "Survey" },
      event: "extended",
    },
    invalid: {
      on: acknowledgedToday,
      fields: { stage: "1", workingDays: "ten", reason: "Survey" },
      field: "workingDays",
    },
    broken: {
      on: acknowledgedToday,
      fields: { stage: "1", workingDays: "15", reason: "Complex" },
      says: "the limit without good reason is 10",
    },
  },
  respond: {
    as: "handler",
    forbidden: ["agent", "reviewer"],
    success: {
      on: at("acknowledged"),
      fields: { "finding-leak": "not-upheld", "reason-leak": "Fixed on time", learning: "None" },
      event: "responded",
    },
    invalid: { on: at("acknowledged"), fields: { "finding-leak": "upheld" }, field: "reason-leak" },
    broken: {
      on: at("acknowledged"),
      fields: { "finding-leak": "upheld", "reason-leak": "Late" },
      says: "record at least one remedy (Code 7.1)",
    },
  },
  escalate: {
    as: "agent",
    forbidden: [],
    success: {
      on: at("responded"),
      fields: { whatIsStillWrong: "Still leaking" },
      event: "escalation-requested",
    },
    invalid: null, // nothing is required: the resident need give no reason (Code 6.12)
    broken: { on: at("acknowledged"), fields: {}, says: "once the Stage 1 response has been issued" },
  },
  "accept-late-escalation": {
    as: "reviewer",
    forbidden: ["handler", "agent"],
    success: {
      on: escalatedLate,
      fields: { reason: "The resident was in hospital" },
      event: "late-escalation-accepted",
    },
    invalid: { on: escalatedLate, fields: { reason: "" }, field: "reason" },
    broken: { on: at("escalated"), fields: { reason: "Fine" }, says: "no late request to escalate" },
  },
  withdraw: {
    as: "handler",
    forbidden: ["agent"],
    success: { on: at("defined"), fields: { reason: "Sorted out" }, event: "withdrawn" },
    invalid: null, // the reason is optional
    broken: { on: at("closed"), fields: {}, says: "closed, refused or withdrawn" },
  },
  close: {
    as: "handler",
    forbidden: ["agent"],
    success: { on: respondedAndDone, fields: {}, event: "closed" },
    invalid: null, // no fields
    broken: { on: at("responded"), fields: {}, says: "Remedies or actions are still outstanding" },
  },
  triage: {
    as: "complaints-team",
    forbidden: ["handler", "agent"],
    success: {
      on: at("defined"),
      fields: { category: "repairs", hazardSeverity: "significant", hazardDescription: "Loose wiring" },
      event: "hazard-flagged",
    },
    invalid: {
      on: at("defined"),
      fields: { hazardSeverity: "emergency", hazardDescription: "" },
      field: "hazardDescription",
    },
    broken: {
      on: at("defined"),
      fields: { hazardSeverity: "emergency", hazardDescription: "Gas smell", hazardAt: "23:59" },
      says: "That date is in the future",
    },
  },
  refuse: {
    as: "complaints-team",
    forbidden: ["handler", "reviewer"],
    success: {
      on: at("defined"),
      fields: { stage: "1", ground: "legal-proceedings", reason: "In court" },
      event: "refused",
    },
    invalid: { on: at("defined"), fields: { stage: "1", ground: "", reason: "In court" }, field: "ground" },
    broken: {
      on: at("defined"),
      fields: { stage: "1", ground: "made-up", reason: "No" },
      says: "not one of the policy",
    },
  },
  "add-issue": {
    as: "handler",
    forbidden: ["agent"],
    success: {
      on: at("acknowledged"),
      fields: { summary: "The gutter too", related: "yes", wouldDelayResponse: "no" },
      event: "issue-added",
    },
    invalid: {
      on: at("acknowledged"),
      fields: { summary: "Gutter", related: "maybe", wouldDelayResponse: "no" },
      field: "related",
    },
    broken: {
      on: at("closed"),
      fields: { summary: "Gutter", related: "yes", wouldDelayResponse: "no" },
      says: "cannot be changed",
    },
  },
  "hazard-made-safe": {
    as: "handler",
    forbidden: ["agent"],
    success: { on: withHazard, fields: {}, event: "hazard-made-safe" },
    invalid: { on: withHazard, fields: { madeSafeAt: "25:99" }, field: "madeSafeAt" },
    broken: { on: at("defined"), fields: {}, says: "no open hazard" },
  },
  "complete-remedy": {
    as: "handler",
    forbidden: ["agent"],
    success: { on: at("responded"), fields: { remedyId: "apology" }, event: "remedy-completed" },
    invalid: { on: at("responded"), fields: { remedyId: "" }, field: "remedyId" },
    broken: { on: at("responded"), fields: { remedyId: "nothing" }, says: "no such remedy" },
  },
  "complete-action": {
    as: "handler",
    forbidden: ["agent"],
    success: { on: at("responded"), fields: { actionId: "parts" }, event: "action-completed" },
    invalid: { on: at("responded"), fields: { actionId: "" }, field: "actionId" },
    broken: { on: at("closed"), fields: { actionId: "parts" }, says: "already been recorded as complete" },
  },
  "refer-to-ombudsman": {
    as: "complaints-team",
    forbidden: ["handler"],
    success: { on: at("closed"), fields: { ombudsmanReference: "HOS-2026-1" }, event: "ombudsman-referred" },
    invalid: { on: at("closed"), fields: { referredOn: "last week" }, field: "referredOn" },
    broken: { on: at("closed"), fields: { referredOn: "2026-12-31" }, says: "That date is in the future" },
  },
  "record-survey-answer": {
    as: "agent",
    forbidden: [],
    success: { on: at("closed"), fields: { satisfaction: "4" }, event: "survey-answered" },
    invalid: { on: at("closed"), fields: { satisfaction: "9" }, field: "satisfaction" },
    broken: { on: at("responded"), fields: { satisfaction: "4" }, says: "once the complaint is closed" },
  },
};

describe("every complaint action on the case page", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let services: Services;
  let theirs: string;
  const clients = new Map<UserRole, WebClient>();

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const role of ROLES) {
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: `${role} user`,
        role,
        password: PASSWORD,
      });
    }
    theirs = await aComplaint(services, "bdht", "defined");
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
    for (const role of ROLES) {
      const client = new WebClient(app);
      expect((await client.signIn(`${role}@bchg.test`, PASSWORD)).statusCode).toBe(303);
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const post = async (role: UserRole, reference: string, action: string, fields: Fields) => {
    const client = clients.get(role)!;
    await client.get(`/complaints/${reference}`);
    return client.post(`/complaints/${reference}/${action}`, fields);
  };

  it("covers every action there is", () => {
    expect(Object.keys(ROWS).sort()).toEqual(Object.keys(COMPLAINT_ACTIONS).sort());
  });

  describe.each(Object.entries(ROWS))("%s", (action, row) => {
    it("succeeds and records it", async () => {
      const reference = await row.success.on(services);
      const before = await eventTypesOf(test.db, reference);
      const response = await post(row.as, reference, action, row.success.fields);
      expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
      expect(response.headers.location).toBe(`/complaints/${reference}?done=${action}`);
      const after = await eventTypesOf(test.db, reference);
      expect(after.slice(before.length)).toContain(row.success.event);
    });

    it.runIf(row.invalid)("shows a validation error at the field, keeping what was typed", async () => {
      const invalid = row.invalid!;
      const reference = await invalid.on(services);
      const before = await eventTypesOf(test.db, reference);
      const response = await post(row.as, reference, action, invalid.fields);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(`href="#${action}-${invalid.field}"`);
      expect(response.body).toContain(`id="${action}-${invalid.field}"`);
      expect(await eventTypesOf(test.db, reference)).toEqual(before);
    });

    it.runIf(row.broken)("shows the broken rule in words and records nothing", async () => {
      const broken = row.broken!;
      const reference = await broken.on(services);
      const before = await eventTypesOf(test.db, reference);
      const response = await post(row.as, reference, action, broken.fields);
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain("govuk-error-summary");
      expect(response.body).toContain(broken.says);
      expect(await eventTypesOf(test.db, reference)).toEqual(before);
    });

    it("is refused to a role that may not do it", async () => {
      const reference = await row.success.on(services);
      for (const role of ["executive" as const, ...row.forbidden]) {
        const response = await post(role, reference, action, row.success.fields);
        expect(response.statusCode, role).toBe(403);
      }
    });

    it("is a plain 404 for another organisation's complaint", async () => {
      const response = await post(row.as, theirs, action, row.success.fields);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("kitchen leak");
    });
  });
});
