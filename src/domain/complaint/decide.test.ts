import { describe, it, expect } from "vitest";
import type { ComplaintCommand } from "./commands.ts";
import type { Decision } from "./decide.ts";
import { decideComplaint } from "./decide.ts";
import { COMPLAINT_RULES, type ComplaintRuleCode } from "./errors.ts";
import type { DecisionContext } from "./guards.ts";
import {
  acceptLateEscalation,
  acknowledge,
  addIssue,
  answerSurvey,
  anAction,
  aRemedy,
  assignHandler,
  attempt,
  close,
  completeAction,
  completeRemedy,
  contextFor,
  decideNext,
  define,
  eventsOf,
  extend,
  flagHazard,
  ISSUES,
  notUpheld,
  OUTCOMES_SOUGHT,
  packFor,
  receive,
  recordMadeSafe,
  referToOmbudsman,
  refuse,
  rejectionOf,
  requestEscalation,
  respond,
  run,
  stateAfter,
  upheld,
  withdraw,
} from "./test-builders.ts";

/**
 * The standard case under the Code's own pack. Dates (England and Wales calendar):
 * received Mon 2 Nov 2026; acknowledged Wed 4 Nov; Stage 1 response due 10 WD after 4 Nov =
 * 5,6,9,10,11,12,13,16,17,18 → Wed 18 Nov 2026.
 */
const code = contextFor("hos-code-2024", "2027-06-30");
const bchg = contextFor("bchg", "2027-06-30");
const brighter = contextFor("brighter-places", "2027-06-30");

const received = [receive("2026-11-02")];
const defined = [...received, define("2026-11-03")];
const acknowledged = [...defined, acknowledge("2026-11-04")];
const respondedAtStage1 = [...acknowledged, respond("2026-11-16")];
const escalated = [...respondedAtStage1, requestEscalation("2026-11-23")];
const acknowledgedAtStage2 = [...escalated, acknowledge("2026-11-25", 2)];
const respondedAtStage2 = [...acknowledgedAtStage2, respond("2026-12-09", 2)];

/** A refusal with the given code, whose message is plain English and says something specific. */
function expectRefused(decision: Decision, ruleCode: ComplaintRuleCode, mentions: RegExp | string) {
  const error = rejectionOf(decision);
  expect(error.code).toBe(ruleCode);
  expect(error.message.trim().length).toBeGreaterThan(20);
  expect(error.message).toContain(COMPLAINT_RULES[ruleCode]);
  expect(error.message).toMatch(mentions);
  return error;
}

describe("receive", () => {
  it("records the complaint with when the issue happened and when the resident became aware of it", () => {
    const events = eventsOf(
      decideComplaint(
        null,
        receive("2026-11-02", {
          channel: "email",
          raisedBy: "representative",
          loggedOn: "2026-11-03",
          issueOn: "2026-08-10",
          awareOn: "2026-09-01",
        }),
        code,
      ),
    );
    expect(events).toEqual([
      {
        type: "received",
        on: "2026-11-02",
        loggedOn: "2026-11-03",
        channel: "email",
        raisedBy: "representative",
        issueOn: "2026-08-10",
        awareOn: "2026-09-01",
        description: "My roof still leaks and nobody came to the appointments.",
        policy: { id: "hos-code-2024", version: "1.0.0" },
        calendar: "england-and-wales@gov.uk-2018-2028",
      },
    ]);
    const state = stateAfter(received, code);
    expect(state).toMatchObject({ stage: 1, status: "awaiting-acknowledgement", receivedOn: "2026-11-02" });
  });

  it("pins the pack version: a later command under another pack or version is refused", () => {
    const so = run(received, code);
    const other = contextFor("bchg", "2026-12-31");
    expectRefused(
      decideNext(so, define("2026-11-03"), other),
      "POLICY_MISMATCH",
      /received under hos-code-2024 1\.0\.0/,
    );
    const edited = { ...code, pack: { ...code.pack, version: "1.1.0" } };
    expectRefused(
      decideNext(so, define("2026-11-03"), edited),
      "POLICY_MISMATCH",
      /pack given is hos-code-2024 1\.1\.0/,
    );
  });

  it("refuses a receipt date in the future", () => {
    const decision = decideComplaint(null, receive("2026-11-03"), contextFor("hos-code-2024", "2026-11-02"));
    expect(expectRefused(decision, "DATE_IN_FUTURE", /in the future/).field).toBe("on");
  });

  it("refuses a logging date before the receipt date", () => {
    const decision = decideComplaint(null, receive("2026-11-02", { loggedOn: "2026-11-01" }), code);
    expect(expectRefused(decision, "DATE_BEFORE_RECEIPT", /before the complaint was received/).field).toBe(
      "loggedOn",
    );
  });

  it("refuses an awareness date before the issue happened", () => {
    const decision = decideComplaint(
      null,
      receive("2026-11-02", { issueOn: "2026-06-01", awareOn: "2026-05-01" }),
      code,
    );
    expect(expectRefused(decision, "AWARE_BEFORE_ISSUE", /became aware/).field).toBe("awareOn");
  });

  it("refuses any other command before the complaint has been received", () => {
    expectRefused(decideComplaint(null, define("2026-11-02"), code), "WRONG_STAGE", /not been received/);
  });
});

describe("flag-hazard and record-hazard-made-safe", () => {
  it("refuses a hazard time after the end of today", () => {
    const today = contextFor("bchg", "2026-11-03");
    const so = run(received, today);
    // 23:30 UTC on 3 Nov is still 3 Nov in London (GMT); 00:30 UTC on 4 Nov is not.
    expect(decideNext(so, flagHazard("2026-11-03", "2026-11-03T23:30:00Z"), today).ok).toBe(true);
    expectRefused(
      decideNext(so, flagHazard("2026-11-03", "2026-11-04T00:30:00Z"), today),
      "DATE_IN_FUTURE",
      /future/,
    );
  });

  it("refuses a hazard reported, or made safe, after now when the time now is known", () => {
    const at10 = { ...contextFor("bchg", "2026-11-03"), now: "2026-11-03T10:00:00Z" };
    const so = run(received, at10);
    expectRefused(
      decideNext(so, flagHazard("2026-11-03", "2026-11-03T10:05:00Z"), at10),
      "DATE_IN_FUTURE",
      /future/,
    );
    const flagged = run([...received, flagHazard("2026-11-03", "2026-11-03T09:00:00Z")], at10);
    expect(decideNext(flagged, recordMadeSafe("2026-11-03", "2026-11-03T09:59:00Z"), at10).ok).toBe(true);
    const error = expectRefused(
      decideNext(flagged, recordMadeSafe("2026-11-03", "2026-11-03T16:00:00Z"), at10),
      "DATE_IN_FUTURE",
      /future/,
    );
    expect(error.field).toBe("at");
  });

  it("records a hazard and when it was made safe", () => {
    const flagged = flagHazard("2026-11-03", "2026-11-03T09:30:00Z", "emergency");
    expect(eventsOf(attempt(received, flagged, code))).toEqual([
      {
        type: "hazard-flagged",
        on: "2026-11-03",
        at: "2026-11-03T09:30:00Z",
        severity: "emergency",
        description: "Black mould in the child's bedroom",
      },
    ]);
    const made = recordMadeSafe("2026-11-04", "2026-11-04T08:00:00Z");
    expect(eventsOf(attempt([...received, flagged], made, code))).toEqual([
      { type: "hazard-made-safe", on: "2026-11-04", at: "2026-11-04T08:00:00Z" },
    ]);
  });

  it("refuses a made-safe time before the hazard was flagged", () => {
    const setup = [...received, flagHazard("2026-11-03", "2026-11-03T09:30:00Z")];
    const decision = attempt(setup, recordMadeSafe("2026-11-03", "2026-11-03T09:00:00Z"), code);
    const error = expectRefused(decision, "DATE_BEFORE_LAST_EVENT", /flagged at 2026-11-03T09:30:00Z/);
    expect(error.field).toBe("at");
  });

  it("refuses to record a hazard made safe when none is open", () => {
    const decision = attempt(received, recordMadeSafe("2026-11-04", "2026-11-04T08:00:00Z"), code);
    expectRefused(decision, "NO_HAZARD_OPEN", /no open hazard/);
  });

  it("records a hazard even on a withdrawn complaint: the safety work does not wait on the complaint", () => {
    const setup = [...received, withdraw("2026-11-03")];
    const flagged = flagHazard("2026-11-04", "2026-11-04T10:00:00Z");
    expect(eventsOf(attempt(setup, flagged, code))[0]?.type).toBe("hazard-flagged");
  });
});

describe("define", () => {
  it("records the complaint definition: the issues and the outcomes sought", () => {
    expect(eventsOf(attempt(received, define("2026-11-03"), code))).toEqual([
      { type: "defined", on: "2026-11-03", stage: 1, issues: ISSUES, outcomesSought: OUTCOMES_SOUGHT },
    ]);
  });

  it("refuses a definition with no issues or no outcomes sought", () => {
    const noIssues = attempt(received, define("2026-11-03", 1, []), code);
    expect(expectRefused(noIssues, "DEFINITION_REQUIRED", /Code 5\.6/).field).toBe("issues");
    const noOutcomes = attempt(received, define("2026-11-03", 1, ISSUES, []), code);
    expect(expectRefused(noOutcomes, "DEFINITION_REQUIRED", /outcomes/).field).toBe("outcomesSought");
  });

  it("refuses two issues with the same identifier", () => {
    const twice = [ISSUES[0]!, { id: "roof", summary: "Another roof problem" }];
    expectRefused(attempt(received, define("2026-11-03", 1, twice), code), "DUPLICATE_ID", /identifier/);
  });

  it("accepts a new definition after acknowledgement, but not once the stage has been answered (Code 6.7)", () => {
    const one = [ISSUES[0]!];
    expect(eventsOf(attempt(acknowledged, define("2026-11-05", 1, one), code))).toHaveLength(1);
    const decision = attempt(respondedAtStage1, define("2026-11-17", 1, one), code);
    expect(expectRefused(decision, "ALREADY_RESPONDED", /already been issued/).field).toBe("stage");
  });

  it("refuses to define Stage 2 while the complaint is at Stage 1", () => {
    expectRefused(attempt(received, define("2026-11-03", 2), code), "WRONG_STAGE", /It is at Stage 1/);
  });
});

describe("assign-handler", () => {
  it("records the handler for the stage", () => {
    expect(eventsOf(attempt(received, assignHandler("2026-11-03", 1, "Sam Patel"), code))).toEqual([
      { type: "handler-assigned", on: "2026-11-03", stage: 1, handler: "Sam Patel" },
    ]);
  });

  const withStage1Handler = [
    ...received,
    assignHandler("2026-11-02", 1, "Sam Patel"),
    define("2026-11-03"),
    acknowledge("2026-11-04"),
    respond("2026-11-16"),
    requestEscalation("2026-11-23"),
  ];

  it.each(["Sam Patel", "sam patel", "SAM PATEL", "  Sam Patel  ", "Sam  Patel"])(
    "refuses %j as the Stage 2 handler when Sam Patel handled Stage 1 (Code 6.13)",
    (handler) => {
      const decision = attempt(withStage1Handler, assignHandler("2026-11-24", 2, handler), code);
      const error = expectRefused(decision, "STAGE2_HANDLER_WAS_STAGE1_HANDLER", /Code 6\.13/);
      expect(error.field).toBe("handler");
    },
  );

  it("refuses someone who handled Stage 1 before being replaced there (Code 6.13)", () => {
    const replaced = [
      ...received,
      assignHandler("2026-11-02", 1, "Sam Patel"),
      assignHandler("2026-11-03", 1, "Jo Reid"),
      define("2026-11-03"),
      acknowledge("2026-11-04"),
      respond("2026-11-16"),
      requestEscalation("2026-11-23"),
    ];
    expectRefused(
      attempt(replaced, assignHandler("2026-11-24", 2, "Sam Patel"), code),
      "STAGE2_HANDLER_WAS_STAGE1_HANDLER",
      /Code 6\.13/,
    );
  });

  it("accepts a different person as the Stage 2 handler", () => {
    const decision = attempt(withStage1Handler, assignHandler("2026-11-24", 2, "Alex Morgan"), code);
    expect(eventsOf(decision)).toEqual([
      { type: "handler-assigned", on: "2026-11-24", stage: 2, handler: "Alex Morgan" },
    ]);
  });
});

describe("acknowledge", () => {
  it("records the acknowledgement and starts the investigation", () => {
    expect(eventsOf(attempt(defined, acknowledge("2026-11-04"), code))).toEqual([
      { type: "acknowledged", on: "2026-11-04", stage: 1 },
    ]);
    expect(stateAfter(acknowledged, code).status).toBe("investigating");
  });

  it("accepts an acknowledgement on the day the complaint was received", () => {
    const setup = [...received, define("2026-11-02")];
    expect(eventsOf(attempt(setup, acknowledge("2026-11-02"), code))).toHaveLength(1);
  });

  it("refuses to acknowledge a complaint that has not been defined (Code 5.6)", () => {
    expectRefused(attempt(received, acknowledge("2026-11-04"), code), "DEFINITION_REQUIRED", /Code 5\.6/);
  });

  it("refuses to acknowledge a stage twice", () => {
    expectRefused(attempt(acknowledged, acknowledge("2026-11-05"), code), "ALREADY_ACKNOWLEDGED", /already/);
  });

  it("acknowledges Stage 2 with the Stage 1 definition when it is not defined afresh", () => {
    expect(eventsOf(attempt(escalated, acknowledge("2026-11-25", 2), code))).toEqual([
      { type: "acknowledged", on: "2026-11-25", stage: 2 },
    ]);
  });
});

describe("extend", () => {
  it("records an extension with its reason", () => {
    expect(eventsOf(attempt(acknowledged, extend("2026-11-16", 1, 5), code))).toEqual([
      {
        type: "extended",
        on: "2026-11-16",
        stage: 1,
        workingDays: 5,
        reason: "We are waiting for a surveyor's report.",
      },
    ]);
  });

  it("refuses an extension without a reason (Code 6.4)", () => {
    const decision = attempt(acknowledged, extend("2026-11-16", 1, 5, { reason: "   " }), code);
    expect(expectRefused(decision, "EXTENSION_REASON_REQUIRED", /Code 6\.4/).field).toBe("reason");
  });

  it("refuses an extension beyond the Code's 10 working days at Stage 1 without a good reason", () => {
    const decision = attempt(acknowledged, extend("2026-11-16", 1, 11), code);
    const error = expectRefused(
      decision,
      "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      /total 11 working days; the limit without good reason is 10/,
    );
    expect(error.field).toBe("goodReason");
  });

  it("accepts an extension beyond the cap when a good reason is recorded", () => {
    const command = extend("2026-11-16", 1, 11, { goodReason: "The structural engineer's report is due." });
    expect(eventsOf(attempt(acknowledged, command, code))[0]).toMatchObject({
      workingDays: 11,
      goodReason: "The structural engineer's report is due.",
    });
  });

  it("adds chained extensions together against the cap", () => {
    // 6 working days, then 5 more: 11 in all, beyond the 10 allowed without good reason.
    const setup = [...acknowledged, extend("2026-11-10", 1, 6)];
    expectRefused(
      attempt(setup, extend("2026-11-20", 1, 5), code),
      "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      /11/,
    );
    expect(eventsOf(attempt(setup, extend("2026-11-20", 1, 4), code))).toHaveLength(1);
  });

  it("allows 20 working days at Stage 2 under the Code, but only the pack's 10 under Brighter Places", () => {
    expect(eventsOf(attempt(acknowledgedAtStage2, extend("2026-12-01", 2, 20), code))).toHaveLength(1);
    expectRefused(
      attempt(acknowledgedAtStage2, extend("2026-12-01", 2, 21), code),
      "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      /the limit without good reason is 20/,
    );
    expectRefused(
      attempt(acknowledgedAtStage2, extend("2026-12-01", 2, 11), brighter),
      "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      /the limit without good reason is 10/,
    );
  });

  it("accepts an extension on the due date and refuses one after it (Code 6.4)", () => {
    // Due Wed 18 Nov 2026 (10 WD after Wed 4 Nov).
    expect(eventsOf(attempt(acknowledged, extend("2026-11-18", 1, 5), code))).toHaveLength(1);
    const error = expectRefused(
      attempt(acknowledged, extend("2026-11-19", 1, 5), code),
      "EXTENSION_AFTER_DEADLINE",
      /The response was due on 2026-11-18/,
    );
    expect(error.field).toBe("on");
  });

  it("counts the deadline after an earlier extension", () => {
    // Extended by 5 on 16 Nov: 18 Nov + 5 WD = 19,20,23,24,25 → Wed 25 Nov 2026.
    const setup = [...acknowledged, extend("2026-11-16", 1, 5)];
    expect(eventsOf(attempt(setup, extend("2026-11-25", 1, 3), code))).toHaveLength(1);
    expectRefused(attempt(setup, extend("2026-11-26", 1, 3), code), "EXTENSION_AFTER_DEADLINE", /2026-11-25/);
  });

  it("refuses to extend a response clock that has not started", () => {
    // The Code's Stage 1 response runs from acknowledgement.
    expectRefused(attempt(defined, extend("2026-11-03", 1, 5), code), "EXTENSION_BEFORE_CLOCK", /deadline/);
  });

  it("refuses to extend once the response is issued, or a stage the complaint is not at", () => {
    expectRefused(
      attempt(respondedAtStage1, extend("2026-11-17", 1, 5), code),
      "ALREADY_RESPONDED",
      /response/,
    );
    expectRefused(attempt(escalated, extend("2026-11-24", 1, 5), code), "WRONG_STAGE", /It is at Stage 2/);
  });
});

describe("add-issue (Code 6.8)", () => {
  const leak = { id: "leak-damage", summary: "Water damage to the carpet from the roof leak" };
  const parking = { id: "parking", summary: "Parking bays repainted badly" };

  it("folds a related issue into the Stage 1 response when it is not yet issued", () => {
    const events = eventsOf(attempt(acknowledged, addIssue("2026-11-05", leak, { related: true }), code));
    expect(events).toEqual([
      { type: "issue-added", on: "2026-11-05", issue: leak, disposition: "folded-in" },
    ]);
    const state = stateAfter([...acknowledged, addIssue("2026-11-05", leak, { related: true })], code);
    expect(state.stages[1].issues.map((i) => i.id)).toEqual(["roof", "appointments", "leak-damage"]);
  });

  it("then needs a finding on the folded-in issue too", () => {
    const setup = [...acknowledged, addIssue("2026-11-05", leak, { related: true })];
    expectRefused(
      attempt(setup, respond("2026-11-16"), code),
      "FINDING_MISSING",
      /Water damage to the carpet/,
    );
  });

  it.each([
    ["an unrelated issue", acknowledged, parking, { related: false }],
    [
      "a related issue that would delay the response",
      acknowledged,
      leak,
      { related: true, wouldDelayResponse: true },
    ],
    ["a related issue after the Stage 1 response", respondedAtStage1, leak, { related: true }],
    ["a related issue at Stage 2", acknowledgedAtStage2, leak, { related: true }],
  ] as const)("logs %s as a new complaint", (_what, setup, issue, options) => {
    const command = addIssue("2026-12-01", issue, { ...options, newComplaint: "C-2026-0457" });
    expect(eventsOf(attempt(setup, command, code))).toEqual([
      {
        type: "issue-added",
        on: "2026-12-01",
        issue,
        disposition: "new-complaint",
        newComplaint: "C-2026-0457",
      },
    ]);
    const state = stateAfter([...setup, command], code);
    expect(state.spunOff).toEqual([{ issue, newComplaint: "C-2026-0457" }]);
    expect(state.stages[1].issues.map((i) => i.id)).toEqual(["roof", "appointments"]);
  });

  it("refuses an issue whose identifier is already on the complaint", () => {
    const again = addIssue("2026-11-05", { id: "roof", summary: "Roof again" }, { related: true });
    expectRefused(
      attempt(acknowledged, again, code),
      "ISSUE_ALREADY_EXISTS",
      /already part of this complaint/,
    );
  });
});

describe("respond", () => {
  it("records findings, outcome, remedies, actions and learning", () => {
    const command = respond("2026-11-16", 1, {
      findings: [upheld("roof"), notUpheld("appointments")],
      remedies: [aRemedy("r1", "apology"), aRemedy("r2", "financial", { amountPence: 15000 })],
      actions: [anAction("a1", "2026-12-01")],
      learning: ["Roof repairs are now tracked weekly.", "   "],
    });
    expect(eventsOf(attempt(acknowledged, command, code))).toEqual([
      {
        type: "responded",
        on: "2026-11-16",
        stage: 1,
        findings: command.findings,
        outcome: "partially-upheld",
        remedies: command.remedies,
        actions: command.actions,
        // Blank learning is dropped.
        learning: ["Roof repairs are now tracked weekly."],
      },
    ]);
    expect(stateAfter([...acknowledged, command], code).status).toBe("responded");
  });

  it("refuses to respond before acknowledging (Code 6.2)", () => {
    const error = expectRefused(
      attempt(defined, respond("2026-11-16"), code),
      "RESPOND_BEFORE_ACKNOWLEDGEMENT",
      /Code 6\.2/,
    );
    expect(error.field).toBe("stage");
  });

  it("refuses a response with an issue left without a finding, naming the issue (Code 6.7)", () => {
    const decision = attempt(acknowledged, respond("2026-11-16", 1, { findings: [notUpheld("roof")] }), code);
    expectRefused(decision, "FINDING_MISSING", /Missing: Two repair appointments were missed without notice/);
  });

  it("counts a finding with a blank reason as missing", () => {
    const findings = [notUpheld("roof"), notUpheld("appointments", "  ")];
    const decision = attempt(acknowledged, respond("2026-11-16", 1, { findings }), code);
    expectRefused(decision, "FINDING_MISSING", /Two repair appointments/);
  });

  it("refuses a finding for an issue that is not part of the complaint", () => {
    const findings = [notUpheld("roof"), notUpheld("appointments"), notUpheld("lift")];
    const decision = attempt(acknowledged, respond("2026-11-16", 1, { findings }), code);
    expectRefused(decision, "FINDING_FOR_UNKNOWN_ISSUE", /"lift"/);
  });

  const all = () => [upheld("roof"), upheld("appointments")];
  const some = () => [upheld("roof"), notUpheld("appointments")];
  const none = () => [notUpheld("roof"), notUpheld("appointments")];
  it.each([
    { right: "upheld", findings: all(), wrong: "partially-upheld" },
    { right: "upheld", findings: all(), wrong: "not-upheld" },
    { right: "partially-upheld", findings: some(), wrong: "upheld" },
    { right: "partially-upheld", findings: some(), wrong: "not-upheld" },
    { right: "not-upheld", findings: none(), wrong: "upheld" },
    { right: "not-upheld", findings: none(), wrong: "partially-upheld" },
  ] as const)(
    "accepts $right for its findings, and refuses them stated as $wrong",
    ({ right, findings, wrong }) => {
      const remedies = [aRemedy("r1")];
      const ok = attempt(
        acknowledged,
        respond("2026-11-16", 1, { findings: [...findings], outcome: right, remedies }),
        code,
      );
      expect(eventsOf(ok)[0]).toMatchObject({ outcome: right });
      const bad = attempt(
        acknowledged,
        respond("2026-11-16", 1, { findings: [...findings], outcome: wrong, remedies }),
        code,
      );
      expect(
        expectRefused(bad, "OUTCOME_DOES_NOT_MATCH_FINDINGS", /partially upheld when some are/).field,
      ).toBe("outcome");
    },
  );

  it.each([
    ["upheld", [upheld("roof"), upheld("appointments")]],
    ["partially upheld", [upheld("roof"), notUpheld("appointments")]],
  ])("refuses a response that is %s but offers no remedy (Code 7.1)", (_outcome, findings) => {
    const decision = attempt(acknowledged, respond("2026-11-16", 1, { findings, remedies: [] }), code);
    expect(expectRefused(decision, "REMEDY_REQUIRED", /Code 7\.1/).field).toBe("remedies");
  });

  it("accepts a not-upheld response with no remedy", () => {
    expect(eventsOf(attempt(acknowledged, respond("2026-11-16"), code))[0]).toMatchObject({
      outcome: "not-upheld",
      remedies: [],
    });
  });

  it("refuses an outcome the pack does not use", () => {
    const pack = packFor("hos-code-2024");
    const twoOutcomes: DecisionContext = {
      ...code,
      pack: { ...pack, outcomes: { ...pack.outcomes, values: ["upheld", "not-upheld"] } },
    };
    const findings = [upheld("roof"), notUpheld("appointments")];
    const command = respond("2026-11-16", 1, { findings, remedies: [aRemedy("r1")] });
    expectRefused(attempt(acknowledged, command, twoOutcomes), "OUTCOME_NOT_IN_POLICY", /policy/);
  });

  it("refuses remedies that share an identifier, including with an earlier stage's remedies", () => {
    const findings = [upheld("roof"), upheld("appointments")];
    const twice = respond("2026-11-16", 1, {
      findings,
      remedies: [aRemedy("r1"), aRemedy("r1", "financial")],
    });
    expectRefused(attempt(acknowledged, twice, code), "DUPLICATE_ID", /share an identifier/);

    const stage1 = [...acknowledged, respond("2026-11-16", 1, { findings, remedies: [aRemedy("r1")] })];
    const setup = [...stage1, requestEscalation("2026-11-23"), acknowledge("2026-11-25", 2)];
    const reused = respond("2026-12-09", 2, { findings, remedies: [aRemedy("r1", "financial")] });
    expectRefused(attempt(setup, reused, code), "DUPLICATE_ID", /share an identifier/);
  });

  it("refuses a second response at the same stage, and a response for a stage the complaint is not at", () => {
    expectRefused(
      attempt(respondedAtStage1, respond("2026-11-17"), code),
      "ALREADY_RESPONDED",
      /already been issued/,
    );
    expectRefused(attempt(acknowledged, respond("2026-11-16", 2), code), "WRONG_STAGE", /It is at Stage 1/);
  });
});

describe("request-escalation", () => {
  it("accepts a request with no reason (Code 6.12) and opens Stage 2 with the Stage 1 definition", () => {
    expect(eventsOf(attempt(respondedAtStage1, requestEscalation("2026-11-23"), code))).toEqual([
      { type: "escalation-requested", on: "2026-11-23" },
    ]);
    const state = stateAfter(escalated, code);
    expect(state.stage).toBe(2);
    expect(state.status).toBe("awaiting-acknowledgement");
    expect(state.stages[2]).toMatchObject({ startedOn: "2026-11-23", issues: ISSUES });
  });

  it("records what is still wrong when the resident says", () => {
    const command = requestEscalation("2026-11-23", "The roof still leaks.");
    expect(eventsOf(attempt(respondedAtStage1, command, code))).toEqual([
      { type: "escalation-requested", on: "2026-11-23", whatIsStillWrong: "The roof still leaks." },
    ]);
  });

  it("refuses to escalate before the Stage 1 response", () => {
    const decision = attempt(acknowledged, requestEscalation("2026-11-10"), code);
    expectRefused(decision, "ESCALATION_BEFORE_STAGE1_RESPONSE", /Stage 1 response/);
  });

  it("refuses to escalate beyond Stage 2 (Code 5.3)", () => {
    expectRefused(
      attempt(escalated, requestEscalation("2026-11-24"), code),
      "ALREADY_AT_STAGE2",
      /Code 5\.3/,
    );
    expectRefused(
      attempt(respondedAtStage2, requestEscalation("2026-12-10"), code),
      "ALREADY_AT_STAGE2",
      /final stage/,
    );
  });

  it("accepts a request after the complaint was closed at Stage 1, and reopens it", () => {
    const closedAtStage1 = [...respondedAtStage1, close("2026-11-17")];
    expect(stateAfter(closedAtStage1, code).status).toBe("closed");
    expect(eventsOf(attempt(closedAtStage1, requestEscalation("2026-11-30"), code))).toHaveLength(1);
    const state = stateAfter([...closedAtStage1, requestEscalation("2026-11-30")], code);
    expect(state).toMatchObject({ stage: 2, status: "awaiting-acknowledgement" });
    expect(state.closedOn).toBeUndefined();
  });

  it("refuses to escalate a refused or withdrawn complaint", () => {
    const refusedAtStage1 = [...received, refuse("2026-11-03", 1, "legal-proceedings")];
    expectRefused(
      attempt(refusedAtStage1, requestEscalation("2026-11-04"), code),
      "COMPLAINT_NOT_RUNNING",
      /refused or withdrawn/,
    );
    const withdrawn = [...respondedAtStage1, withdraw("2026-11-17")];
    expectRefused(
      attempt(withdrawn, requestEscalation("2026-11-18"), code),
      "COMPLAINT_NOT_RUNNING",
      /withdrawn/,
    );
  });
});

describe("late escalation under BCHG (a 7 working day window, never an automatic refusal)", () => {
  // Stage 1 response Mon 16 Nov 2026; 7 WD later = 17,18,19,20,23,24,25 → the window closes Wed 25 Nov.
  it("acknowledges a request made on the last day of the window without a decision", () => {
    const setup = [...respondedAtStage1, requestEscalation("2026-11-25")];
    expect(eventsOf(attempt(setup, acknowledge("2026-11-26", 2), bchg))).toHaveLength(1);
    expectRefused(
      attempt(setup, acceptLateEscalation("2026-11-26"), bchg),
      "NO_LATE_ESCALATION_TO_DECIDE",
      /no late request/,
    );
  });

  it("records a request made the day after the window, then needs a recorded decision before acknowledging", () => {
    expect(eventsOf(attempt(respondedAtStage1, requestEscalation("2026-11-26"), bchg))).toEqual([
      { type: "escalation-requested", on: "2026-11-26" },
    ]);
    const late = [...respondedAtStage1, requestEscalation("2026-11-26")];
    expectRefused(
      attempt(late, acknowledge("2026-11-27", 2), bchg),
      "LATE_ESCALATION_DECISION_REQUIRED",
      /never refused automatically/,
    );
    expect(eventsOf(attempt(late, acceptLateEscalation("2026-11-27"), bchg))).toEqual([
      {
        type: "late-escalation-accepted",
        on: "2026-11-27",
        reason: "The resident was in hospital when the response arrived.",
      },
    ]);
    const accepted = [...late, acceptLateEscalation("2026-11-27")];
    expect(eventsOf(attempt(accepted, acknowledge("2026-11-27", 2), bchg))).toHaveLength(1);
    expectRefused(
      attempt(accepted, acceptLateEscalation("2026-11-30"), bchg),
      "NO_LATE_ESCALATION_TO_DECIDE",
      /waiting/,
    );
  });

  it("records a request months later too: it waits for a decision, it is not refused", () => {
    const decision = attempt(respondedAtStage1, requestEscalation("2027-05-04"), bchg);
    expect(eventsOf(decision)).toHaveLength(1);
  });

  it("has no late requests under a pack without a window", () => {
    const setup = [...respondedAtStage1, requestEscalation("2027-05-04")];
    expect(eventsOf(attempt(setup, acknowledge("2027-05-05", 2), code))).toHaveLength(1);
    expectRefused(
      attempt(setup, acceptLateEscalation("2027-05-05"), code),
      "NO_LATE_ESCALATION_TO_DECIDE",
      /late/,
    );
  });
});

describe("refuse", () => {
  it("records a refusal on one of the pack's grounds", () => {
    const decision = attempt(received, refuse("2026-11-03", 1, "legal-proceedings"), bchg);
    expect(eventsOf(decision)).toEqual([
      {
        type: "refused",
        on: "2026-11-03",
        stage: 1,
        ground: "legal-proceedings",
        reason: "The reasons, explained to the resident.",
      },
    ]);
    expect(stateAfter([...received, refuse("2026-11-03", 1, "legal-proceedings")], bchg).status).toBe(
      "refused",
    );
  });

  it("refuses a ground the pack does not have, listing the grounds it does", () => {
    const decision = attempt(received, refuse("2026-11-03", 1, "too-difficult"), code);
    const error = expectRefused(decision, "UNKNOWN_EXCLUSION_GROUND", /legal-proceedings/);
    expect(error.message).toContain("older-than-twelve-months");
    expect(error.field).toBe("ground");
  });

  it("refuses escalation only on grounds that apply to escalation", () => {
    expectRefused(
      attempt(escalated, refuse("2026-11-24", 2, "older-than-twelve-months"), bchg),
      "UNKNOWN_EXCLUSION_GROUND",
      /The grounds are: .*legal-proceedings/,
    );
    expect(eventsOf(attempt(escalated, refuse("2026-11-24", 2, "legal-proceedings"), bchg))).toHaveLength(1);
  });

  it("refuses a refusal after the stage's response", () => {
    const decision = attempt(respondedAtStage1, refuse("2026-11-17", 1, "legal-proceedings"), code);
    expectRefused(decision, "REFUSE_AFTER_RESPONSE", /no longer be refused/);
  });

  describe("on age under BCHG: 12 months from the later of the issue and awareness (Code 2.3)", () => {
    // Issue 10 Jan 2025, aware 1 Jun 2025: the 12 months run from 1 Jun 2025 to 1 Jun 2026.
    const dates = { issueOn: "2025-01-10", awareOn: "2025-06-01" };
    const discretion = { discretionConsidered: "No good reason for the delay was given." };

    it("refuses when the complaint is within 12 months of awareness", () => {
      const setup = [receive("2026-03-01", dates)];
      expectRefused(
        attempt(setup, refuse("2026-03-02", 1, "older-than-twelve-months", discretion), bchg),
        "AGE_LIMIT_NOT_REACHED",
        /within the time limit/,
      );
    });

    it("refuses on the anniversary itself, which is still within 12 months", () => {
      const setup = [receive("2026-06-01", dates)];
      expectRefused(
        attempt(setup, refuse("2026-06-02", 1, "older-than-twelve-months", discretion), bchg),
        "AGE_LIMIT_NOT_REACHED",
        /time limit/,
      );
    });

    it("accepts a refusal when older, with the discretion decision recorded", () => {
      const setup = [receive("2026-07-01", dates)];
      const decision = attempt(setup, refuse("2026-07-02", 1, "older-than-twelve-months", discretion), bchg);
      expect(eventsOf(decision)[0]).toMatchObject({
        type: "refused",
        ground: "older-than-twelve-months",
        discretionConsidered: "No good reason for the delay was given.",
      });
    });

    it("needs the discretion decision recorded", () => {
      const setup = [receive("2026-07-01", dates)];
      const decision = attempt(setup, refuse("2026-07-02", 1, "older-than-twelve-months"), bchg);
      const error = expectRefused(decision, "DISCRETION_DECISION_REQUIRED", /Code 2\.3/);
      expect(error.field).toBe("discretionConsidered");
    });

    it("never applies the age limit to a complaint with a health and safety hazard", () => {
      const setup = [receive("2026-07-01", dates), flagHazard("2026-07-01", "2026-07-01T10:00:00Z")];
      const decision = attempt(setup, refuse("2026-07-02", 1, "older-than-twelve-months", discretion), bchg);
      expectRefused(decision, "AGE_LIMIT_EXCEPTION_APPLIES", /health and safety hazard is recorded/);
    });

    it("counts from the issue when the resident's awareness is not recorded", () => {
      // Issue 10 Jan 2025: 12 months ran out on 10 Jan 2026.
      const setup = [receive("2026-03-01", { issueOn: "2025-01-10" })];
      const decision = attempt(setup, refuse("2026-03-02", 1, "older-than-twelve-months", discretion), bchg);
      expect(eventsOf(decision)).toHaveLength(1);
    });

    it("needs to know when the issue happened", () => {
      const decision = attempt(
        received,
        refuse("2026-11-03", 1, "older-than-twelve-months", discretion),
        bchg,
      );
      expectRefused(decision, "AGE_UNKNOWN", /when the issue happened/);
    });
  });

  describe("on age under Brighter Places: its 6 months give way to the Code's 12", () => {
    const discretion = { discretionConsidered: "Considered; no good reason." };

    it("refuses a complaint 8 months after the issue: the Code still requires it to be accepted", () => {
      const setup = [receive("2026-09-15", { issueOn: "2026-01-15" })];
      const decision = attempt(setup, refuse("2026-09-16", 1, "older-than-six-months", discretion), brighter);
      expectRefused(
        decision,
        "AGE_LIMIT_UNDER_CODE_MINIMUM",
        /12 months .* whichever is later \(Code 2\.3\)/,
      );
    });

    it("refuses a complaint 4 months after the issue under the pack's own limit", () => {
      const setup = [receive("2026-05-15", { issueOn: "2026-01-15" })];
      const decision = attempt(setup, refuse("2026-05-16", 1, "older-than-six-months", discretion), brighter);
      expectRefused(decision, "AGE_LIMIT_NOT_REACHED", /time limit/);
    });

    it("counts the Code's 12 months from awareness even though the pack counts from the issue", () => {
      const setup = [receive("2026-03-01", { issueOn: "2025-01-10", awareOn: "2025-06-01" })];
      const decision = attempt(setup, refuse("2026-03-02", 1, "older-than-six-months", discretion), brighter);
      expectRefused(decision, "AGE_LIMIT_UNDER_CODE_MINIMUM", /Code 2\.3/);
    });

    it("accepts a refusal 13 months after the issue with discretion recorded", () => {
      const setup = [receive("2027-02-16", { issueOn: "2026-01-15" })];
      const decision = attempt(setup, refuse("2027-02-16", 1, "older-than-six-months", discretion), brighter);
      expect(eventsOf(decision)).toHaveLength(1);
    });
  });
});

describe("remedies, actions and closure", () => {
  const findings = [upheld("roof"), notUpheld("appointments")];
  const withRemedy = [
    ...acknowledged,
    respond("2026-11-16", 1, {
      findings,
      remedies: [aRemedy("r1", "financial", { description: "Pay £150 for the inconvenience" })],
      actions: [anAction("a1", "2026-12-01", { description: "Replace the roof felt" })],
    }),
  ];

  it("records remedies and actions completed, and refuses unknown or repeated ones", () => {
    expect(eventsOf(attempt(withRemedy, completeRemedy("2026-11-20", "r1"), code))).toEqual([
      { type: "remedy-completed", on: "2026-11-20", remedyId: "r1" },
    ]);
    expect(eventsOf(attempt(withRemedy, completeAction("2026-11-20", "a1"), code))).toEqual([
      { type: "action-completed", on: "2026-11-20", actionId: "a1" },
    ]);
    expectRefused(
      attempt(withRemedy, completeRemedy("2026-11-20", "r9"), code),
      "UNKNOWN_REMEDY",
      /no such remedy/,
    );
    expectRefused(
      attempt(withRemedy, completeAction("2026-11-20", "a9"), code),
      "UNKNOWN_ACTION",
      /no such action/,
    );
    const done = [...withRemedy, completeRemedy("2026-11-20", "r1")];
    expectRefused(attempt(done, completeRemedy("2026-11-21", "r1"), code), "ALREADY_COMPLETED", /already/);
  });

  it("refuses to close with remedies or actions outstanding, naming them (Code 7.3), then closes once done", () => {
    const error = expectRefused(
      attempt(withRemedy, close("2026-11-20"), code),
      "REMEDIES_OUTSTANDING",
      /Code 7\.3/,
    );
    expect(error.message).toContain("Pay £150 for the inconvenience");
    expect(error.message).toContain("Replace the roof felt");

    const remedyDone = [...withRemedy, completeRemedy("2026-11-20", "r1")];
    expectRefused(
      attempt(remedyDone, close("2026-11-20"), code),
      "REMEDIES_OUTSTANDING",
      /Replace the roof felt/,
    );

    const allDone = [...remedyDone, completeAction("2026-11-27", "a1")];
    expect(eventsOf(attempt(allDone, close("2026-11-27"), code))).toEqual([
      { type: "closed", on: "2026-11-27" },
    ]);
    expect(stateAfter([...allDone, close("2026-11-27")], code).status).toBe("closed");
  });

  it("lets remedies be completed after the complaint was withdrawn", () => {
    const setup = [...withRemedy, withdraw("2026-11-18")];
    expect(eventsOf(attempt(setup, completeRemedy("2026-11-20", "r1"), code))).toHaveLength(1);
  });

  it("refuses to close without learning recorded (Code 9.1)", () => {
    const setup = [...acknowledged, respond("2026-11-16", 1, { learning: ["  "] })];
    expectRefused(attempt(setup, close("2026-11-17"), code), "LEARNING_REQUIRED", /Code 9\.1/);
  });

  it("refuses to close before the current stage is answered", () => {
    expectRefused(attempt(acknowledged, close("2026-11-10"), code), "CLOSE_BEFORE_RESPONSE", /response/);
    expectRefused(attempt(escalated, close("2026-11-24"), code), "CLOSE_BEFORE_RESPONSE", /current stage/);
  });

  it("closes after the Stage 2 response", () => {
    expect(eventsOf(attempt(respondedAtStage2, close("2026-12-10"), code))).toHaveLength(1);
  });
});

describe("Ombudsman referral and survey", () => {
  it("records an Ombudsman referral", () => {
    expect(eventsOf(attempt(respondedAtStage2, referToOmbudsman("2026-12-20", "HOS-123"), code))).toEqual([
      { type: "ombudsman-referred", on: "2026-12-20", reference: "HOS-123" },
    ]);
  });

  it("takes the survey answer only after closure", () => {
    expectRefused(
      attempt(respondedAtStage2, answerSurvey("2026-12-10", 4), code),
      "SURVEY_BEFORE_CLOSURE",
      /once the complaint is closed/,
    );
    const closed = [...respondedAtStage2, close("2026-12-10")];
    expect(eventsOf(attempt(closed, answerSurvey("2026-12-14", 4), code))).toEqual([
      { type: "survey-answered", on: "2026-12-14", satisfaction: 4 },
    ]);
  });
});

describe("withdraw", () => {
  it("records the withdrawal and stops the complaint", () => {
    expect(eventsOf(attempt(acknowledged, withdraw("2026-11-05", "Sorted out directly"), code))).toEqual([
      { type: "withdrawn", on: "2026-11-05", reason: "Sorted out directly" },
    ]);
    expect(stateAfter([...acknowledged, withdraw("2026-11-05")], code).status).toBe("withdrawn");
  });

  const withdrawn = [...acknowledged, withdraw("2026-11-05")];
  const commands: ComplaintCommand[] = [
    define("2026-11-06"),
    assignHandler("2026-11-06", 1, "Sam Patel"),
    acknowledge("2026-11-06"),
    extend("2026-11-06", 1, 5),
    addIssue("2026-11-06", { id: "new", summary: "New" }, { related: true }),
    respond("2026-11-06"),
    refuse("2026-11-06", 1, "legal-proceedings"),
    withdraw("2026-11-06"),
    close("2026-11-06"),
  ];
  it.each(commands.map((c) => [c.type, c] as const))(
    "refuses %s on a withdrawn complaint",
    (_type, command) => {
      expectRefused(
        attempt(withdrawn, command, code),
        "COMPLAINT_NOT_RUNNING",
        /closed, refused or withdrawn/,
      );
    },
  );
});

describe("dates", () => {
  it("refuses a date in the future", () => {
    const ctx = contextFor("hos-code-2024", "2026-11-04");
    const error = expectRefused(attempt(defined, acknowledge("2026-11-05"), ctx), "DATE_IN_FUTURE", /future/);
    expect(error.field).toBe("on");
  });

  it("refuses a date before the complaint was received", () => {
    expectRefused(
      attempt(received, define("2026-11-01"), code),
      "DATE_BEFORE_RECEIPT",
      /before the complaint was received/,
    );
  });

  it("refuses a date before the last event, naming its date", () => {
    const setup = [...received, define("2026-11-04")];
    expectRefused(
      attempt(setup, acknowledge("2026-11-03"), code),
      "DATE_BEFORE_LAST_EVENT",
      /The last event was on 2026-11-04/,
    );
  });

  it("accepts several events on the same day", () => {
    const run1 = run([receive("2026-11-02"), define("2026-11-02"), acknowledge("2026-11-02")], code);
    expect(run1.events.map((e) => e.on)).toEqual(["2026-11-02", "2026-11-02", "2026-11-02"]);
  });
});

describe("messages", () => {
  it.each(Object.entries(COMPLAINT_RULES))("%s has a plain-English sentence", (_code, message) => {
    expect(message.trim()).toBe(message);
    expect(message.split(" ").length).toBeGreaterThanOrEqual(5);
    expect(message).toMatch(/^[A-Z].*[.)]$/);
    expect(message).not.toMatch(/[A-Z]{3,}_[A-Z]/); // no rule codes in the words a user reads
  });
});
