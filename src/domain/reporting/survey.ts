import type { ComplaintFacts } from "./complaint-facts.ts";
import {
  average,
  breakdown,
  count,
  groupReferences,
  type Average,
  type Breakdown,
  type Count,
} from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";

/**
 * The closing survey (a transactional survey, not the TSM TP09 perception measure): the answers given in the
 * period (by the day answered), their average satisfaction on the 1 to 5 scale, and how many gave each score.
 */
export interface Survey {
  answers: Count;
  averageSatisfaction: Average;
  byScore: Breakdown;
}

export const SURVEY_SCORES: readonly string[] = ["1", "2", "3", "4", "5"];

export interface SurveySelection {
  byScore: Map<string, string[]>;
}

export function survey(s: SurveySelection): Survey {
  const answered = [...s.byScore.values()].flat();
  const total = [...s.byScore].reduce((sum, [score, refs]) => sum + Number(score) * refs.length, 0);
  return {
    answers: count(answered),
    averageSatisfaction: average(answered, total),
    byScore: breakdown(s.byScore, SURVEY_SCORES),
  };
}

export function selectSurvey(
  complaints: readonly ComplaintFacts[],
  period: ReportingPeriod,
): SurveySelection {
  const answered = complaints.filter((c) => c.satisfaction !== null && within(c.surveyAnsweredOn, period));
  return {
    byScore: groupReferences(
      answered,
      (c) => String(c.satisfaction),
      (c) => c.reference,
    ),
  };
}
