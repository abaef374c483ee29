import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { Clock } from "../complaint/clocks.ts";
import type { ComplaintState } from "../complaint/state.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { Outcome } from "../policy/schema.ts";

/** The stock a home belongs to, as the TSMs report it: low cost rental, or low cost home ownership. */
export type Tenure = "lcra" | "lcho";

/** What reports need of one stage of one complaint: its dates against both the pack and the Code. */
export interface StageFacts {
  stage: StageNumber;
  /** Receipt (Stage 1) or the request to escalate (Stage 2). */
  startedOn: LocalDate;
  acknowledgedOn: LocalDate | null;
  acknowledgementDue: LocalDate;
  acknowledgementCodeLimit: LocalDate;
  respondedOn: LocalDate | null;
  /** The pack's response target with extensions; null until the day it counts from has happened. */
  responseDue: LocalDate | null;
  /** The Code's response limit with extensions up to the Code's cap made in time. */
  responseCodeLimit: LocalDate | null;
  /** The Code's response limit before any extension (10 or 20 working days from acknowledgement). */
  responseCodeLimitBeforeExtensions: LocalDate | null;
  /** Working days of extension asked for at this stage, all extensions together. */
  extendedWorkingDays: number;
  outcome: Outcome | null;
  handler: string | null;
  /** Working days from the stage's start to its response, on the Code's calendar (for averages). */
  workingDaysToRespond: number | null;
}

/** What a complaint is filed as: kept on its projection row (triage may change the category). */
export interface CaseLabels {
  reference: string;
  channel: string | null;
  category: string | null;
  tenure: Tenure;
}

/** What follows from the complaint's events: stored beside its clocks, recomputed with every event. */
export interface StateFacts {
  receivedOn: LocalDate;
  status: ComplaintState["status"];
  stage1: StageFacts;
  stage2: StageFacts | null;
  refusal: { stage: StageNumber; ground: string; on: LocalDate } | null;
  withdrawal: { stage: StageNumber; on: LocalDate } | null;
  closedOn: LocalDate | null;
  remedies: number;
  remediesOutstanding: number;
  /** Financial remedies offered, in pence. */
  compensationPence: number;
  /** The earliest due date of a follow-up action not yet done (overdue is asked at read time). */
  earliestOutstandingActionDue: LocalDate | null;
  actionsOutstanding: number;
  hazards: number;
  /** The closing survey's answer, 1 to 5. */
  satisfaction: number | null;
  ombudsmanReferredOn: LocalDate | null;
  learning: string[];
}

export type ComplaintFacts = CaseLabels & StateFacts;

/** A complaint's facts with the labels it is filed under. */
export function complaintFacts(
  state: ComplaintState,
  clocks: readonly Clock[],
  labels: CaseLabels,
  codeCalendar: WorkingCalendar,
): ComplaintFacts {
  return { ...labels, ...stateFacts(state, clocks, codeCalendar) };
}

/**
 * The facts reports count, derived from a complaint's state and clocks (never stored apart from them: the
 * projection keeps them beside the clocks, recomputed with every event, and a rebuild gives the same).
 * `codeCalendar` is the calendar the Code's limits are counted on (without closure days).
 */
export function stateFacts(
  state: ComplaintState,
  clocks: readonly Clock[],
  codeCalendar: WorkingCalendar,
): StateFacts {
  const stage = (n: StageNumber): StageFacts | null => {
    const record = state.stages[n];
    if (!record) return null;
    const ack = clocks.find((c) => c.name === `stage${n}.acknowledgement`);
    const response = clocks.find((c) => c.name === `stage${n}.response`);
    if (!ack) throw new Error(`Stage ${n} has no acknowledgement clock.`);
    return {
      stage: n,
      startedOn: record.startedOn,
      acknowledgedOn: record.acknowledgedOn ?? null,
      acknowledgementDue: ack.due,
      acknowledgementCodeLimit: ack.codeLimit ?? ack.due,
      respondedOn: record.respondedOn ?? null,
      responseDue: response?.due ?? null,
      responseCodeLimit: response?.codeLimit ?? null,
      responseCodeLimitBeforeExtensions: response ? codeLimitBeforeExtensions(response, codeCalendar) : null,
      extendedWorkingDays: record.extensions.reduce((sum, e) => sum + e.workingDays, 0),
      outcome: record.outcome ?? null,
      handler: record.handler ?? null,
      workingDaysToRespond: record.respondedOn
        ? codeCalendar.workingDaysBetween(toDayNumber(record.startedOn), toDayNumber(record.respondedOn))
        : null,
    };
  };
  const outstandingActions = state.actions.filter((a) => !a.completedOn);
  return {
    receivedOn: state.receivedOn,
    status: state.status,
    stage1: stage(1) as StageFacts,
    stage2: stage(2),
    refusal: state.refusal
      ? { stage: state.refusal.stage, ground: state.refusal.ground, on: state.refusal.on }
      : null,
    // A withdrawal ends the stage the complaint was at.
    withdrawal: state.withdrawnOn ? { stage: state.stage, on: state.withdrawnOn } : null,
    closedOn: state.closedOn ?? null,
    remedies: state.remedies.length,
    remediesOutstanding: state.remedies.filter((r) => !r.completedOn).length,
    compensationPence: state.remedies.reduce((sum, r) => sum + (r.amountPence ?? 0), 0),
    earliestOutstandingActionDue:
      outstandingActions.map((a) => a.dueOn).sort((a, b) => toDayNumber(a) - toDayNumber(b))[0] ?? null,
    actionsOutstanding: outstandingActions.length,
    hazards: state.hazards.length,
    satisfaction: state.survey?.satisfaction ?? null,
    ombudsmanReferredOn: state.ombudsmanReferredOn ?? null,
    learning: state.learning,
  };
}

/** The Code limit a response clock had before any extension counted: its limit less the days the Code counted. */
function codeLimitBeforeExtensions(clock: Clock, codeCalendar: WorkingCalendar): LocalDate | null {
  if (!clock.codeLimit) return null;
  const counted = clock.extensions.reduce((sum, e) => sum + e.countedByCode, 0);
  if (counted === 0) return clock.codeLimit;
  return codeCalendar.addWorkingDaysToDate(clock.codeLimit, -counted);
}
