import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { Clock } from "../complaint/clocks.ts";
import type { HazardClock } from "../complaint/hazard-clocks.ts";
import type { ComplaintState } from "../complaint/state.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { Outcome, RemedyType } from "../policy/schema.ts";

/**
 * The shape of the stored facts. Raise it whenever `stateFacts` derives something new: rows written under an
 * older version are recomputed from the events at start-up (`ensureReportFacts`), so a new column is never
 * left empty for complaints that did not change after it was added.
 */
export const FACTS_VERSION = 2;

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
  /** Working days from the stage's start to its acknowledgement, on the Code's calendar (for averages). */
  workingDaysToAcknowledge: number | null;
  /** Working days from the stage's start to its response, on the Code's calendar (for averages). */
  workingDaysToRespond: number | null;
}

/** A remedy or follow-up action promised in a response: when it was offered, due and done. */
export interface FollowUpFacts {
  kind: "remedy" | "action";
  id: string;
  stage: StageNumber;
  /** Remedies only. */
  remedyType: RemedyType | null;
  /** Compensation, in pence (remedies with an amount: financial remedies); 0 otherwise. */
  amountPence: number;
  /** The day of the response that offered it. */
  offeredOn: LocalDate;
  dueOn: LocalDate | null;
  completedOn: LocalDate | null;
}

/** A health-and-safety hazard flagged on the complaint, with its clock in hours (instants as ISO strings, UTC). */
export interface HazardFacts {
  severity: "emergency" | "significant";
  /** The London date it was flagged: what a reporting period counts by. */
  flaggedOn: LocalDate;
  flaggedAt: string;
  /** The landlord's own target (its risk filter), never later than the legal limit. */
  due: string;
  /** Awaab's Law: 24 hours for an emergency hazard, 10 working days to investigate a significant one. */
  legalLimit: string;
  madeSafeAt: string | null;
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
  /** The closing survey's answer, 1 to 5, and the day it was given. */
  satisfaction: number | null;
  surveyAnsweredOn: LocalDate | null;
  ombudsmanReferredOn: LocalDate | null;
  learning: string[];
  /** Every remedy and follow-up action, one entry each (overdue is asked at read time, against a date). */
  followUps: FollowUpFacts[];
  /** Every hazard flagged, one entry each. */
  hazardCases: HazardFacts[];
}

export type ComplaintFacts = CaseLabels & StateFacts;

/** A complaint's facts with the labels it is filed under. */
export function complaintFacts(
  state: ComplaintState,
  clocks: readonly Clock[],
  labels: CaseLabels,
  codeCalendar: WorkingCalendar,
  hazards: readonly HazardClock[],
): ComplaintFacts {
  return { ...labels, ...stateFacts(state, clocks, codeCalendar, hazards) };
}

/**
 * The facts reports count, derived from a complaint's state and clocks (never stored apart from them: the
 * projection keeps them beside the clocks, recomputed with every event, and a rebuild gives the same).
 * `codeCalendar` is the calendar the Code's limits are counted on (without closure days); `hazards` are the
 * complaint's hazard clocks (one per hazard, in the order they were flagged).
 */
export function stateFacts(
  state: ComplaintState,
  clocks: readonly Clock[],
  codeCalendar: WorkingCalendar,
  hazards: readonly HazardClock[],
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
      workingDaysToAcknowledge: workingDaysSince(record.startedOn, record.acknowledgedOn, codeCalendar),
      workingDaysToRespond: workingDaysSince(record.startedOn, record.respondedOn, codeCalendar),
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
    surveyAnsweredOn: state.survey?.on ?? null,
    ombudsmanReferredOn: state.ombudsmanReferredOn ?? null,
    learning: state.learning,
    followUps: followUpFacts(state),
    hazardCases: state.hazards.map((h, i) => {
      const clock = hazards[i];
      if (!clock) throw new Error(`Hazard ${i + 1} has no clock.`);
      return {
        severity: h.severity,
        flaggedOn: h.flaggedOn,
        flaggedAt: instant(h.flaggedAt),
        due: instant(clock.due),
        legalLimit: instant(clock.codeLimit),
        madeSafeAt: h.madeSafeAt ? instant(h.madeSafeAt) : null,
      };
    }),
  };
}

function workingDaysSince(from: LocalDate, to: LocalDate | undefined, calendar: WorkingCalendar) {
  return to ? calendar.workingDaysBetween(toDayNumber(from), toDayNumber(to)) : null;
}

/** One spelling for an instant (UTC, milliseconds), so facts compare equal however the event wrote it. */
const instant = (iso: string): string => new Date(iso).toISOString();

function followUpFacts(state: ComplaintState): FollowUpFacts[] {
  // A remedy or action is offered by the response of its stage.
  const offeredOn = (stage: StageNumber) => state.stages[stage]?.respondedOn ?? state.receivedOn;
  return [
    ...state.remedies.map((r) => ({
      kind: "remedy" as const,
      id: r.id,
      stage: r.stage,
      remedyType: r.type,
      amountPence: r.amountPence ?? 0,
      offeredOn: offeredOn(r.stage),
      dueOn: r.dueOn ?? null,
      completedOn: r.completedOn ?? null,
    })),
    ...state.actions.map((a) => ({
      kind: "action" as const,
      id: a.id,
      stage: a.stage,
      remedyType: null,
      amountPence: 0,
      offeredOn: offeredOn(a.stage),
      dueOn: a.dueOn,
      completedOn: a.completedOn ?? null,
    })),
  ];
}

/** The Code limit a response clock had before any extension counted: its limit less the days the Code counted. */
function codeLimitBeforeExtensions(clock: Clock, codeCalendar: WorkingCalendar): LocalDate | null {
  if (!clock.codeLimit) return null;
  const counted = clock.extensions.reduce((sum, e) => sum + e.countedByCode, 0);
  if (counted === 0) return clock.codeLimit;
  return codeCalendar.addWorkingDaysToDate(clock.codeLimit, -counted);
}
