/**
 * Small builders for the complaint tests: commands, event histories, decision contexts, and `run`, which
 * applies commands one by one the way the app does (decide, then fold the new events in).
 *
 * Test-only: nothing outside `*.test.ts` imports this file.
 */
// The tests run against the packs as shipped, so this helper reads them through the file adapter.
// eslint-disable-next-line no-restricted-imports
import { resolvePolicyPack } from "../../adapters/policy-files.ts";
import { englandAndWalesCalendar } from "../calendar/england-and-wales.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { Outcome, PolicyPack, RemedyType } from "../policy/schema.ts";
import type { ComplaintCommand, CommandOf } from "./commands.ts";
import { decideComplaint, type Decision } from "./decide.ts";
import { ComplaintRuleError } from "./errors.ts";
import type { ComplaintEvent, FollowUpAction, Issue, IssueFinding, Remedy } from "./events.ts";
import type { DecisionContext } from "./guards.ts";
import { evolve, foldComplaint, type ComplaintState } from "./state.ts";

// ---------------------------------------------------------------------------------------------------
// Packs, calendar, context

export const BUNDLED_PACK_IDS = [
  "hos-code-2024",
  "bdht",
  "bvt",
  "bchg",
  "brighter-places",
  "putting-things-right",
] as const;
export type BundledPackId = (typeof BUNDLED_PACK_IDS)[number];

const packs = new Map<string, PolicyPack>();
let calendar: WorkingCalendar | undefined;

/** A bundled pack by id (read once per test file). */
export function packFor(id: string): PolicyPack {
  let pack = packs.get(id);
  if (!pack) {
    pack = resolvePolicyPack(id);
    packs.set(id, pack);
  }
  return pack;
}

/** The England and Wales calendar from the bundled GOV.UK snapshot, with no closures. */
export function englandAndWales(): WorkingCalendar {
  calendar ??= englandAndWalesCalendar();
  return calendar;
}

/** What a command is decided against: a bundled pack, the England and Wales calendar, and today. */
export function contextFor(
  packId: string,
  today: string,
  options: { calendar?: WorkingCalendar } = {},
): DecisionContext {
  return { pack: packFor(packId), calendar: options.calendar ?? englandAndWales(), today };
}

// ---------------------------------------------------------------------------------------------------
// Running commands

export interface Run {
  events: ComplaintEvent[];
  /** Null only when no command was given. */
  state: ComplaintState | null;
}

/** Decides one command after a run so far; never throws for a broken rule. */
export function decideNext(so: Run, command: ComplaintCommand, ctx: DecisionContext): Decision {
  return decideComplaint(so.state, command, ctx);
}

/** Applies a decision's events to a run: each event is evolved into the state in turn. */
export function applyEvents(so: Run, events: readonly ComplaintEvent[]): Run {
  let state = so.state;
  for (const event of events) state = state ? evolve(state, event) : foldComplaint([event]);
  return { events: [...so.events, ...events], state };
}

/**
 * Applies commands one by one through `decideComplaint` and `evolve`. A command that breaks a rule fails
 * loudly, naming the command and the rule, because a test's setup should never be rejected.
 */
export function run(commands: readonly ComplaintCommand[], ctx: DecisionContext, from?: Run): Run {
  let so: Run = from ?? { events: [], state: null };
  commands.forEach((command, i) => {
    const decision = decideNext(so, command, ctx);
    if (!decision.ok) {
      throw new Error(
        `Setup command ${i + 1} (${command.type} on ${command.on}) was refused: ${decision.error.code}: ${decision.error.message}`,
      );
    }
    so = applyEvents(so, decision.events);
  });
  return so;
}

/** The complaint state after the commands; see `run`. */
export function stateAfter(commands: readonly ComplaintCommand[], ctx: DecisionContext): ComplaintState {
  const { state } = run(commands, ctx);
  if (!state) throw new Error("No commands were given, so there is no complaint.");
  return state;
}

/** Runs the setup commands, then decides one more command and returns the decision. */
export function attempt(
  setup: readonly ComplaintCommand[],
  command: ComplaintCommand,
  ctx: DecisionContext,
): Decision {
  return decideNext(run(setup, ctx), command, ctx);
}

/** The rule error a decision was refused with; throws if the command was accepted. */
export function rejectionOf(decision: Decision): ComplaintRuleError {
  if (decision.ok) {
    throw new Error(
      `Expected the command to be refused, but it was accepted: ${JSON.stringify(decision.events)}`,
    );
  }
  if (!(decision.error instanceof ComplaintRuleError)) throw new Error("Not a ComplaintRuleError.");
  return decision.error;
}

/** The events a decision recorded; throws, naming the rule, if the command was refused. */
export function eventsOf(decision: Decision): ComplaintEvent[] {
  if (!decision.ok) {
    throw new Error(
      `Expected the command to be accepted, but it was refused: ${decision.error.code}: ${decision.error.message}`,
    );
  }
  return decision.events;
}

// ---------------------------------------------------------------------------------------------------
// Commands

export const ISSUES: Issue[] = [
  { id: "roof", summary: "The roof leak reported in August was not repaired" },
  { id: "appointments", summary: "Two repair appointments were missed without notice" },
];
export const OUTCOMES_SOUGHT = ["Repair the roof", "An apology for the missed appointments"];

export const upheld = (issueId: string, reason = "The records show the failing."): IssueFinding => ({
  issueId,
  decision: "upheld",
  reason,
});
export const notUpheld = (issueId: string, reason = "The records show no failing."): IssueFinding => ({
  issueId,
  decision: "not-upheld",
  reason,
});

export function aRemedy(id: string, type: RemedyType = "apology", overrides: Partial<Remedy> = {}): Remedy {
  return { id, type, description: `Remedy ${id}: ${type}`, ...overrides };
}

export function anAction(id: string, dueOn: string, overrides: Partial<FollowUpAction> = {}): FollowUpAction {
  return { id, description: `Action ${id}`, owner: "Repairs team", dueOn, ...overrides };
}

/** The outcome findings add up to, worked out here (not by the code under test). */
function outcomeFor(findings: readonly IssueFinding[]): Outcome {
  const upheldCount = findings.filter((f) => f.decision === "upheld").length;
  if (upheldCount === 0) return "not-upheld";
  return upheldCount === findings.length ? "upheld" : "partially-upheld";
}

export function receive(on: string, extra: Partial<CommandOf<"receive">> = {}): CommandOf<"receive"> {
  return {
    type: "receive",
    on,
    channel: "phone",
    raisedBy: "resident",
    description: "My roof still leaks and nobody came to the appointments.",
    ...extra,
  };
}

export function define(
  on: string,
  stage: StageNumber = 1,
  issues: Issue[] = ISSUES,
  outcomesSought: string[] = OUTCOMES_SOUGHT,
): CommandOf<"define"> {
  return { type: "define", on, stage, issues, outcomesSought };
}

export function assignHandler(on: string, stage: StageNumber, handler: string): CommandOf<"assign-handler"> {
  return { type: "assign-handler", on, stage, handler };
}

export function acknowledge(on: string, stage: StageNumber = 1): CommandOf<"acknowledge"> {
  return { type: "acknowledge", on, stage };
}

export function extend(
  on: string,
  stage: StageNumber,
  workingDays: number,
  extra: Partial<CommandOf<"extend">> = {},
): CommandOf<"extend"> {
  return {
    type: "extend",
    on,
    stage,
    workingDays,
    reason: "We are waiting for a surveyor's report.",
    ...extra,
  };
}

export function addIssue(
  on: string,
  issue: Issue,
  options: { related: boolean; wouldDelayResponse?: boolean; newComplaint?: string },
): CommandOf<"add-issue"> {
  return {
    type: "add-issue",
    on,
    issue,
    related: options.related,
    wouldDelayResponse: options.wouldDelayResponse ?? false,
    ...(options.newComplaint ? { newComplaint: options.newComplaint } : {}),
  };
}

/**
 * A response. By default every issue in `ISSUES` is not upheld, with learning recorded; the outcome is
 * the one the findings add up to unless given.
 */
export function respond(
  on: string,
  stage: StageNumber = 1,
  options: Partial<Omit<CommandOf<"respond">, "type" | "on" | "stage">> = {},
): CommandOf<"respond"> {
  const findings = options.findings ?? ISSUES.map((i) => notUpheld(i.id));
  return {
    type: "respond",
    on,
    stage,
    findings,
    outcome: options.outcome ?? outcomeFor(findings),
    remedies: options.remedies ?? [],
    actions: options.actions ?? [],
    learning: options.learning ?? ["Repairs now confirm appointments by text the day before."],
  };
}

export function requestEscalation(on: string, whatIsStillWrong?: string): CommandOf<"request-escalation"> {
  return { type: "request-escalation", on, ...(whatIsStillWrong ? { whatIsStillWrong } : {}) };
}

export function acceptLateEscalation(
  on: string,
  reason = "The resident was in hospital when the response arrived.",
): CommandOf<"accept-late-escalation"> {
  return { type: "accept-late-escalation", on, reason };
}

export function refuse(
  on: string,
  stage: StageNumber,
  ground: string,
  extra: Partial<CommandOf<"refuse">> = {},
): CommandOf<"refuse"> {
  return { type: "refuse", on, stage, ground, reason: "The reasons, explained to the resident.", ...extra };
}

export function withdraw(on: string, reason?: string): CommandOf<"withdraw"> {
  return { type: "withdraw", on, ...(reason ? { reason } : {}) };
}

export function completeRemedy(on: string, remedyId: string): CommandOf<"complete-remedy"> {
  return { type: "complete-remedy", on, remedyId };
}

export function completeAction(on: string, actionId: string): CommandOf<"complete-action"> {
  return { type: "complete-action", on, actionId };
}

export function close(on: string): CommandOf<"close"> {
  return { type: "close", on };
}

export function referToOmbudsman(on: string, reference?: string): CommandOf<"record-ombudsman-referral"> {
  return { type: "record-ombudsman-referral", on, ...(reference ? { reference } : {}) };
}

export function answerSurvey(on: string, satisfaction: number): CommandOf<"record-survey-answer"> {
  return { type: "record-survey-answer", on, satisfaction };
}

/** `on` is the London date of `at`, given explicitly so a test reads the date it expects. */
export function flagHazard(
  on: string,
  at: string,
  severity: "emergency" | "significant" = "significant",
): CommandOf<"flag-hazard"> {
  return { type: "flag-hazard", on, at, severity, description: "Black mould in the child's bedroom" };
}

export function recordMadeSafe(on: string, at: string): CommandOf<"record-hazard-made-safe"> {
  return { type: "record-hazard-made-safe", on, at };
}

export { aComplaintHistory, ComplaintHistoryBuilder } from "./test-history-builder.ts";
