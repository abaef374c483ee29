import { toDayNumber } from "../calendar/day-number.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { ComplaintFacts, StageFacts, Tenure } from "./complaint-facts.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";

/**
 * The Regulator of Social Housing's Tenant Satisfaction Measures on complaints (code-2024.md §D):
 *
 * CH01 — complaints relative to the size of the landlord: Stage 1 (and, separately, Stage 2) complaints
 *   received in the reporting year per 1,000 homes, for low cost rental (LCRA) and low cost home ownership
 *   (LCHO) stock separately. A complaint counts at Stage 1 on the day it was received and at Stage 2 on the
 *   day the resident asked to escalate, so an escalated complaint counts once at each stage. A matter refused
 *   at a stage was not accepted as a complaint there and does not count at that stage.
 * CH02 — complaints responded to within the Code's timescales: of the Stage 1 (Stage 2) responses issued in
 *   the year, the share issued by the Code's limit.
 *
 * Two readings are not settled by the published requirements and are settings, shown side by side:
 * whether withdrawn complaints count in CH01, and whether a response inside a Code-compliant extension
 * (at most 10 working days at Stage 1, 20 at Stage 2, agreed before the original date) counts as within the
 * Code's timescales for CH02.
 */

export interface TsmSettings {
  /** CH01: count complaints later withdrawn at the stage they were withdrawn at. Default: yes (they were received). */
  countWithdrawn: boolean;
  /** CH02: a response inside a Code-compliant extension is within the Code's timescales. Default: yes (6.4, 6.15 allow it). */
  extensionsWithinCode: boolean;
}

export const DEFAULT_TSM_SETTINGS: TsmSettings = { countWithdrawn: true, extensionsWithinCode: true };

/** A figure with what it was worked out from, and the complaints behind both sides (for drill-down). */
export interface Measure {
  value: number | null;
  numerator: number;
  denominator: number;
  /** References counted in the numerator. */
  numeratorReferences: string[];
  /** References counted in the denominator, where it is a count of complaints (CH02). */
  denominatorReferences: string[];
}

export interface Ch01 {
  stage1: Record<Tenure, Measure>;
  stage2: Record<Tenure, Measure>;
}

export interface Ch02 {
  stage1: Measure;
  stage2: Measure;
}

export function measure(numerator: string[], denominator: number | string[], scale: number): Measure {
  const d = typeof denominator === "number" ? denominator : denominator.length;
  return {
    value: d > 0 ? (numerator.length / d) * scale : null,
    numerator: numerator.length,
    denominator: d,
    numeratorReferences: numerator,
    denominatorReferences: typeof denominator === "number" ? [] : denominator,
  };
}

const stageOf = (c: ComplaintFacts, stage: StageNumber): StageFacts | null =>
  stage === 1 ? c.stage1 : c.stage2;

/** Whether a complaint counts as received at a stage in the period, under the CH01 reading. */
export function countsForCh01(
  c: ComplaintFacts,
  stage: StageNumber,
  period: ReportingPeriod,
  settings: TsmSettings,
): boolean {
  const s = stageOf(c, stage);
  if (!s || !within(s.startedOn, period)) return false;
  if (c.refusal?.stage === stage) return false;
  if (!settings.countWithdrawn && c.withdrawal?.stage === stage) return false;
  return true;
}

export function ch01(
  complaints: readonly ComplaintFacts[],
  homes: Record<Tenure, number>,
  period: ReportingPeriod,
  settings: TsmSettings = DEFAULT_TSM_SETTINGS,
): Ch01 {
  const atStage = (stage: StageNumber): Record<Tenure, Measure> => {
    const counted = (tenure: Tenure) =>
      complaints
        .filter((c) => c.tenure === tenure && countsForCh01(c, stage, period, settings))
        .map((c) => c.reference);
    return {
      lcra: measure(counted("lcra"), homes.lcra, 1000),
      lcho: measure(counted("lcho"), homes.lcho, 1000),
    };
  };
  return { stage1: atStage(1), stage2: atStage(2) };
}

/** The Code limit a stage's response is judged against for CH02, under the reading chosen. */
export function ch02Limit(s: StageFacts, settings: TsmSettings): string | null {
  return settings.extensionsWithinCode ? s.responseCodeLimit : s.responseCodeLimitBeforeExtensions;
}

export function ch02(
  complaints: readonly ComplaintFacts[],
  period: ReportingPeriod,
  settings: TsmSettings = DEFAULT_TSM_SETTINGS,
): Ch02 {
  const atStage = (stage: StageNumber): Measure => {
    const responded = complaints.filter((c) => within(stageOf(c, stage)?.respondedOn, period));
    const inTime = responded.filter((c) => {
      const s = stageOf(c, stage) as StageFacts;
      const limit = ch02Limit(s, settings);
      return limit !== null && toDayNumber(s.respondedOn as string) <= toDayNumber(limit);
    });
    return measure(
      inTime.map((c) => c.reference),
      responded.map((c) => c.reference),
      100,
    );
  };
  return { stage1: atStage(1), stage2: atStage(2) };
}
