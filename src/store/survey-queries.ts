import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { SurveySelection } from "../domain/reporting/survey.ts";
import type { Queryable } from "./database.ts";
import { FACTS, grouped, periodParams } from "./report-sql.ts";

/** The SQL twin of `selectSurvey` (src/domain/reporting/survey.ts): survey answers given in the period, by score. */
export async function surveySelection(
  tx: Queryable,
  input: { organisationId: string; period: ReportingPeriod },
): Promise<SurveySelection> {
  const result = await tx.query<{ key: string; refs: unknown }>(
    `SELECT f.satisfaction::text AS key, array_agg(c.reference) AS refs FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.survey_answered_on BETWEEN $2::date AND $3::date
       AND f.satisfaction IS NOT NULL
     GROUP BY 1`,
    periodParams(input.organisationId, input.period),
  );
  return { byScore: grouped(result.rows) };
}
