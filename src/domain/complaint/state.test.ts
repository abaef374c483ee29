import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fromDayNumber, toDayNumber } from "../calendar/day-number.ts";
import { codeExtensionCap } from "../policy/code-2024.ts";
import { complaintClocks, stagePolicy } from "./clocks.ts";
import type { ComplaintCommand } from "./commands.ts";
import { decideComplaint } from "./decide.ts";
import { ComplaintRuleError } from "./errors.ts";
import { isEscalationLate } from "./escalation-window.ts";
import type { ComplaintEvent, IssueFinding } from "./events.ts";
import type { DecisionContext } from "./guards.ts";
import { evolve, foldComplaint, type ComplaintState } from "./state.ts";
import {
  acceptLateEscalation,
  acknowledge,
  addIssue,
  aComplaintHistory,
  anAction,
  answerSurvey,
  aRemedy,
  assignHandler,
  BUNDLED_PACK_IDS,
  close,
  completeAction,
  completeRemedy,
  contextFor,
  define,
  extend,
  flagHazard,
  ISSUES,
  receive,
  recordMadeSafe,
  referToOmbudsman,
  refuse,
  requestEscalation,
  respond,
  withdraw,
} from "./test-builders.ts";

const history = () =>
  aComplaintHistory()
    .receivedOn("2026-11-02", { channel: "phone", issueOn: "2026-08-01" })
    .hazardFlaggedOn("2026-11-02", "2026-11-02T11:00:00Z", "significant")
    .definedOn("2026-11-03")
    .handlerAssignedOn("2026-11-03", "Sam Patel")
    .acknowledgedOn("2026-11-04")
    .extendedOn("2026-11-16", 5)
    .respondedOn("2026-11-24")
    .escalationRequestedOn("2026-11-30")
    .acknowledgedOn("2026-12-03")
    .respondedOn("2027-01-04")
    .closedOn("2027-01-06")
    .build();

describe("foldComplaint", () => {
  it("gives the same state for the same events, every time", () => {
    expect(foldComplaint(history())).toEqual(foldComplaint(history()));
    const events = history();
    const copy = structuredClone(events);
    foldComplaint(events);
    expect(events).toEqual(copy); // the fold does not change the history it is given
  });

  it("counts the events folded in `version`", () => {
    const events = history();
    expect(foldComplaint(events).version).toBe(events.length);
    expect(foldComplaint(events.slice(0, 1)).version).toBe(1);
    expect(foldComplaint(events.slice(0, 5)).version).toBe(5);
  });

  it("equals evolving one event at a time", () => {
    const [first, ...rest] = history();
    const stepwise = rest.reduce((state, event) => evolve(state, event), foldComplaint([first!]));
    expect(stepwise).toEqual(foldComplaint(history()));
  });

  it("leaves the state it evolves from unchanged", () => {
    const events = history();
    const before = foldComplaint(events.slice(0, 6));
    const snapshot = structuredClone(before);
    evolve(before, events[6]!);
    expect(before).toEqual(snapshot);
  });

  it("reads the lifecycle a user would expect from the history", () => {
    const state = foldComplaint(history());
    expect(state).toMatchObject({
      stage: 2,
      status: "closed",
      receivedOn: "2026-11-02",
      closedOn: "2027-01-06",
      stages: {
        1: { acknowledgedOn: "2026-11-04", respondedOn: "2026-11-24", handler: "Sam Patel" },
        2: { startedOn: "2026-11-30", acknowledgedOn: "2026-12-03", respondedOn: "2027-01-04" },
      },
    });
    expect(state.stages[1].extensions).toHaveLength(1);
    expect(state.hazards).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// Property: random command sequences, applied through decideComplaint, only ever reach possible states.

/** The lifecycle's commands, also tried out of turn. */
const LIFECYCLE = [
  "define",
  "assign-handler",
  "acknowledge",
  "extend",
  "respond",
  "request-escalation",
  "accept-late-escalation",
  "complete-remedy",
  "complete-action",
  "close",
] as const;
/** Commands tried now and then. */
const OCCASIONAL = [
  "flag-hazard",
  "record-hazard-made-safe",
  "add-issue",
  "record-ombudsman-referral",
  "record-survey-answer",
] as const;
/** Commands that stop the complaint, tried rarely so that most sequences run on. */
const STOPPING = ["refuse", "withdraw"] as const;
type Kind = (typeof LIFECYCLE)[number] | (typeof OCCASIONAL)[number] | (typeof STOPPING)[number];

/** The step a complaints officer would take next, so that sequences often run the whole lifecycle. */
function naturalNext(state: ComplaintState, ctx: DecisionContext, flag: boolean): Kind {
  const record = state.stages[state.stage];
  if (!record || record.issues.length === 0) return "define";
  if (!record.acknowledgedOn) {
    const undecided = isEscalationLate(state, ctx.pack, ctx.calendar) && !state.lateEscalationAcceptedOn;
    return state.stage === 2 && undecided ? "accept-late-escalation" : "acknowledge";
  }
  if (!record.respondedOn) return flag ? "respond" : "extend";
  if (state.remedies.some((r) => !r.completedOn)) return "complete-remedy";
  if (state.actions.some((a) => !a.completedOn)) return "complete-action";
  if (state.stage === 1 && (flag || state.closedOn)) return "request-escalation";
  return state.closedOn ? "record-survey-answer" : "close";
}

/** What to try next; turned into a concrete command against the current state. */
const intentArb = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant("next" as const), weight: 12 },
    { arbitrary: fc.constantFrom<Kind>(...LIFECYCLE), weight: 4 },
    { arbitrary: fc.constantFrom<Kind>(...OCCASIONAL), weight: 3 },
    { arbitrary: fc.constantFrom<Kind>(...STOPPING), weight: 1 },
  ),
  daysLater: fc.nat(6),
  /** Chooses among options (issues upheld, handler, ground, ...). */
  pick: fc.nat(1000),
  flag: fc.boolean(),
  /** One time in ten, get something wrong on purpose (wrong stage, outcome, no remedy, no learning). */
  mistake: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  workingDays: fc.integer({ min: 1, max: 25 }),
});
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never;

const HANDLERS = ["Sam Patel", "  sam PATEL ", "Alex Morgan", "Jo Bloggs"];
const OUTCOMES = ["upheld", "partially-upheld", "not-upheld"] as const;

function commandFor(
  intent: Intent,
  state: ComplaintState,
  on: string,
  ctx: DecisionContext,
  n: number,
): ComplaintCommand {
  const { pick, flag, mistake } = intent;
  const stage = mistake ? (state.stage === 1 ? 2 : 1) : state.stage;
  const record = state.stages[state.stage] ?? state.stages[1];
  const at = `${on}T${String(pick % 24).padStart(2, "0")}:00:00Z`;
  const kind = intent.kind === "next" ? naturalNext(state, ctx, flag) : intent.kind;
  switch (kind) {
    case "flag-hazard":
      return flagHazard(on, at, flag ? "emergency" : "significant");
    case "record-hazard-made-safe":
      return recordMadeSafe(on, at);
    case "define":
      return define(on, stage, pick % 3 === 0 ? ISSUES.slice(0, 1) : ISSUES);
    case "assign-handler":
      return assignHandler(on, stage, HANDLERS[pick % HANDLERS.length]!);
    case "acknowledge":
      return acknowledge(on, stage);
    case "extend":
      return extend(on, stage, intent.workingDays, flag ? { goodReason: "Complex" } : {});
    case "add-issue":
      return addIssue(
        on,
        { id: `extra-${n}`, summary: `Extra issue ${n}` },
        { related: flag, wouldDelayResponse: pick % 3 === 0, newComplaint: `C-${n}` },
      );
    case "respond": {
      // Each issue upheld or not by a bit of `pick`, with a remedy whenever something was upheld.
      const findings: IssueFinding[] = record.issues.map((issue, i) => ({
        issueId: issue.id,
        decision: (pick >> i) & 1 ? "upheld" : "not-upheld",
        reason: "Because.",
      }));
      const anyUpheld = findings.some((f) => f.decision === "upheld");
      return respond(on, stage, {
        findings,
        ...(mistake && pick % 2 ? { outcome: OUTCOMES[pick % 3]! } : {}),
        remedies: anyUpheld && !(mistake && pick % 3 === 0) ? [aRemedy(`r${n}`)] : [],
        actions: flag ? [anAction(`a${n}`, on)] : [],
        learning: mistake && pick % 5 === 0 ? [] : ["A lesson."],
      });
    }
    case "request-escalation":
      return requestEscalation(on, flag ? "Still leaking" : undefined);
    case "accept-late-escalation":
      return acceptLateEscalation(on);
    case "refuse": {
      const grounds = ctx.pack.exclusions.map((e) => e.id);
      const ground = grounds[pick % grounds.length] ?? "none";
      return refuse(on, stage, ground, flag ? { discretionConsidered: "Considered." } : {});
    }
    case "withdraw":
      return withdraw(on);
    case "complete-remedy": {
      const open = state.remedies.filter((r) => !r.completedOn);
      return completeRemedy(
        on,
        mistake ? "nothing" : (open[pick % Math.max(open.length, 1)]?.id ?? "nothing"),
      );
    }
    case "complete-action": {
      const open = state.actions.filter((a) => !a.completedOn);
      return completeAction(
        on,
        mistake ? "nothing" : (open[pick % Math.max(open.length, 1)]?.id ?? "nothing"),
      );
    }
    case "close":
      return close(on);
    case "record-ombudsman-referral":
      return referToOmbudsman(on);
    case "record-survey-answer":
      return answerSurvey(on, (pick % 5) + 1);
  }
}

/** Every way a state could be impossible, as a list of complaints (empty when the state is possible). */
function impossibilities(state: ComplaintState, ctx: DecisionContext): string[] {
  const problems: string[] = [];
  const current = state.stages[state.stage];
  const outstanding = [...state.remedies, ...state.actions].filter((x) => !x.completedOn);
  if (!current) problems.push(`at Stage ${state.stage} with no record of it`);
  if (state.stage === 1 && state.stages[2]) problems.push("a Stage 2 record while at Stage 1");
  if (state.stage === 2 && !state.stages[1].respondedOn) problems.push("Stage 2 without a Stage 1 response");
  for (const n of [1, 2] as const) {
    const record = state.stages[n];
    if (!record) continue;
    if (record.respondedOn && !record.acknowledgedOn)
      problems.push(`Stage ${n} answered but never acknowledged`);
    if (record.acknowledgedOn && (record.issues.length === 0 || record.outcomesSought.length === 0)) {
      problems.push(`Stage ${n} acknowledged without a definition`);
    }
    const unanswered = record.issues.filter((i) => !record.findings.some((f) => f.issueId === i.id));
    if (record.respondedOn && unanswered.length > 0) problems.push(`Stage ${n} answered without every issue`);
    const total = record.extensions.reduce((sum, e) => sum + e.workingDays, 0);
    const cap = Math.min(stagePolicy(ctx.pack, n).extension.maxWorkingDays, codeExtensionCap(n));
    if (total > cap && !record.extensions.some((e) => e.goodReason)) {
      problems.push(`Stage ${n} extended by ${total} WD without a good reason`);
    }
  }
  const s1 = state.stages[1].handler?.trim().replace(/\s+/g, " ").toLowerCase();
  const s2 = state.stages[2]?.handler?.trim().replace(/\s+/g, " ").toLowerCase();
  if (s1 && s1 === s2) problems.push("the Stage 2 handler handled Stage 1");
  if (state.stages[2]?.acknowledgedOn && isEscalationLate(state, ctx.pack, ctx.calendar)) {
    if (!state.lateEscalationAcceptedOn) problems.push("a late escalation acknowledged without a decision");
  }
  for (const hazard of state.hazards) {
    if (hazard.madeSafeAt && Date.parse(hazard.madeSafeAt) < Date.parse(hazard.flaggedAt)) {
      problems.push(`a hazard flagged at ${hazard.flaggedAt} made safe before, at ${hazard.madeSafeAt}`);
    }
  }
  switch (state.status) {
    case "awaiting-acknowledgement":
      if (current?.acknowledgedOn) problems.push("awaiting acknowledgement but acknowledged");
      break;
    case "investigating":
      if (!current?.acknowledgedOn || current.respondedOn)
        problems.push("investigating, but not between ack and response");
      break;
    case "responded":
      if (!current?.respondedOn) problems.push("responded without a response");
      break;
    case "closed":
      if (!state.closedOn) problems.push("closed without a closing date");
      if (!current?.respondedOn) problems.push("closed before the current stage was answered");
      if (outstanding.length > 0) problems.push("closed with remedies or actions outstanding");
      if (state.learning.length === 0) problems.push("closed without learning");
      break;
    case "refused":
      if (!state.refusal || state.refusal.stage !== state.stage)
        problems.push("refused without a refusal at this stage");
      break;
    case "withdrawn":
      if (!state.withdrawnOn) problems.push("withdrawn without a date");
      break;
  }
  if (state.status !== "closed" && state.closedOn) problems.push(`${state.status} but closedOn is set`);
  return problems;
}

describe("random command sequences", () => {
  it("never reach an impossible state, and folding the events again gives the same state", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUNDLED_PACK_IDS),
        fc.boolean(),
        fc.array(intentArb, { minLength: 1, maxLength: 40, size: "max" }),
        (packId, old, intents) => {
          const ctx = contextFor(packId, "2030-01-01");
          let day = toDayNumber("2026-01-05");
          const first = receive(fromDayNumber(day), old ? { issueOn: "2024-06-01" } : {});
          const received = decideComplaint(null, first, ctx);
          if (!received.ok) throw received.error;
          const events: ComplaintEvent[] = [...received.events];
          let state = foldComplaint(events);
          intents.forEach((intent, n) => {
            day += intent.daysLater;
            const command = commandFor(intent, state, fromDayNumber(day), ctx, n);
            const decision = decideComplaint(state, command, ctx);
            if (!decision.ok) {
              expect(decision.error).toBeInstanceOf(ComplaintRuleError);
              return;
            }
            for (const event of decision.events) {
              state = evolve(state, event);
              events.push(event);
            }
            const problems = impossibilities(state, ctx);
            if (problems.length > 0) {
              throw new Error(`${problems.join("; ")} after ${JSON.stringify(events, null, 1)}`);
            }
            expect(() => complaintClocks(state, ctx)).not.toThrow();
          });
          expect(state.version).toBe(events.length);
          // A survey is answered only after a closure (escalating afterwards may reopen the complaint).
          const firstClosure = events.findIndex((e) => e.type === "closed");
          const firstSurvey = events.findIndex((e) => e.type === "survey-answered");
          if (firstSurvey >= 0) expect(firstClosure).toBeGreaterThanOrEqual(0);
          if (firstSurvey >= 0) expect(firstSurvey).toBeGreaterThan(firstClosure);
          expect(events.map((e) => toDayNumber(e.on))).toEqual(
            events.map((e) => toDayNumber(e.on)).sort((a, b) => a - b),
          );
          expect(foldComplaint(events)).toEqual(state);
        },
      ),
      { numRuns: 400 },
    );
  });
});
