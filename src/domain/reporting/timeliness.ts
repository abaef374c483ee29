import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { ComplaintFacts, StageFacts } from "./complaint-facts.ts";
import { average, count, share, type Average, type Count } from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";
import type { Measure } from "./tsm.ts";

/**
 * Timeliness at a stage, against the landlord's own targets (the pack's `due` dates, with its extensions and
 * closure days) and the Code's limits (5 working days to acknowledge; 10 at Stage 1 and 20 at Stage 2 to
 * respond from the acknowledgement, with extensions only as far as the Code allows, closures not counted).
 *
 * - Acknowledgement figures count the acknowledgements MADE in the period (by the day they were made),
 *   whenever the complaint (or the request to escalate) was received.
 * - Response figures count the responses ISSUED in the period, whenever the complaint was received — the
 *   same complaints as CH02's denominator; "by the Code's limit" is CH02's default reading.
 * - "Extended": of the responses issued in the period, those whose stage had any extension.
 * - Average working days: from the stage's start (receipt, or the request to escalate) to the acknowledgement
 *   or the response, counted on the Code's calendar (working days after the start, the start not counted).
 */
export interface StageTimeliness {
  acknowledged: Count;
  acknowledgedByTarget: Measure;
  acknowledgedByCodeLimit: Measure;
  daysToAcknowledge: Average;
  responded: Count;
  respondedByTarget: Measure;
  respondedByCodeLimit: Measure;
  extended: Measure;
  daysToRespond: Average;
}

export interface Timeliness {
  stage1: StageTimeliness;
  stage2: StageTimeliness;
}

/** What the definitions select at a stage, before figures are made of it: the SQL twin returns the same. */
export interface StageTimelinessSelection {
  acknowledged: string[];
  acknowledgedByTarget: string[];
  acknowledgedByCodeLimit: string[];
  /** Working days to acknowledge, summed over `acknowledged`. */
  daysToAcknowledge: number;
  responded: string[];
  respondedByTarget: string[];
  respondedByCodeLimit: string[];
  extended: string[];
  /** Working days to respond, summed over `responded`. */
  daysToRespond: number;
}

export function stageTimeliness(s: StageTimelinessSelection): StageTimeliness {
  return {
    acknowledged: count(s.acknowledged),
    acknowledgedByTarget: share(s.acknowledgedByTarget, s.acknowledged),
    acknowledgedByCodeLimit: share(s.acknowledgedByCodeLimit, s.acknowledged),
    daysToAcknowledge: average(s.acknowledged, s.daysToAcknowledge),
    responded: count(s.responded),
    respondedByTarget: share(s.respondedByTarget, s.responded),
    respondedByCodeLimit: share(s.respondedByCodeLimit, s.responded),
    extended: share(s.extended, s.responded),
    daysToRespond: average(s.responded, s.daysToRespond),
  };
}

const onOrBefore = (day: LocalDate | null, limit: LocalDate | null): boolean =>
  day !== null && limit !== null && toDayNumber(day) <= toDayNumber(limit);

export function selectStageTimeliness(
  complaints: readonly ComplaintFacts[],
  stage: StageNumber,
  period: ReportingPeriod,
): StageTimelinessSelection {
  const at = (c: ComplaintFacts): StageFacts | null => (stage === 1 ? c.stage1 : c.stage2);
  const acks = complaints.flatMap((c) => {
    const s = at(c);
    return s && within(s.acknowledgedOn, period) ? [{ ref: c.reference, s }] : [];
  });
  const responses = complaints.flatMap((c) => {
    const s = at(c);
    return s && within(s.respondedOn, period) ? [{ ref: c.reference, s }] : [];
  });
  const refs = (list: typeof acks, keep: (s: StageFacts) => boolean) =>
    list.filter((x) => keep(x.s)).map((x) => x.ref);
  const all = () => true;
  return {
    acknowledged: refs(acks, all),
    acknowledgedByTarget: refs(acks, (s) => onOrBefore(s.acknowledgedOn, s.acknowledgementDue)),
    acknowledgedByCodeLimit: refs(acks, (s) => onOrBefore(s.acknowledgedOn, s.acknowledgementCodeLimit)),
    daysToAcknowledge: acks.reduce((sum, x) => sum + (x.s.workingDaysToAcknowledge ?? 0), 0),
    responded: refs(responses, all),
    respondedByTarget: refs(responses, (s) => onOrBefore(s.respondedOn, s.responseDue)),
    respondedByCodeLimit: refs(responses, (s) => onOrBefore(s.respondedOn, s.responseCodeLimit)),
    extended: refs(responses, (s) => s.extendedWorkingDays > 0),
    daysToRespond: responses.reduce((sum, x) => sum + (x.s.workingDaysToRespond ?? 0), 0),
  };
}

/** Timeliness at both stages over the period. */
export function timeliness(complaints: readonly ComplaintFacts[], period: ReportingPeriod): Timeliness {
  return {
    stage1: stageTimeliness(selectStageTimeliness(complaints, 1, period)),
    stage2: stageTimeliness(selectStageTimeliness(complaints, 2, period)),
  };
}
