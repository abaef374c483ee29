import type { Tenure } from "../domain/reporting/complaint-facts.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { TsmSettings } from "../domain/reporting/tsm.ts";
import type { Queryable } from "./database.ts";

/**
 * The SQL twins of the TSM definitions in src/domain/reporting/tsm.ts: the same counts, read from the
 * complaint_facts projection and its indexes. Tests hold the two to the same figures.
 */

export interface CountedReferences {
  numerator: string[];
  /** Only for measures whose denominator is a count of complaints (CH02). */
  denominator: string[];
}

/** CH01 at a stage: the references of complaints received at it in the period, by tenure. */
export async function ch01References(
  tx: Queryable,
  input: { organisationId: string; stage: 1 | 2; period: ReportingPeriod; settings: TsmSettings },
): Promise<Record<Tenure, string[]>> {
  const s = input.stage === 1 ? "s1" : "s2";
  const result = await tx.query<{ tenure: Tenure; refs: string[] }>(
    `SELECT c.tenure, array_agg(c.reference ORDER BY c.reference) AS refs
     FROM complaint_facts f JOIN complaints c ON c.organisation_id = f.organisation_id AND c.id = f.complaint_id
     WHERE f.organisation_id = $1 AND f.${s}_started_on BETWEEN $2::date AND $3::date
       AND f.refused_stage IS DISTINCT FROM $4
       AND ($5 OR f.withdrawn_stage IS DISTINCT FROM $4)
     GROUP BY c.tenure`,
    [input.organisationId, input.period.from, input.period.to, input.stage, input.settings.countWithdrawn],
  );
  const byTenure: Record<Tenure, string[]> = { lcra: [], lcho: [] };
  for (const row of result.rows) byTenure[row.tenure] = row.refs;
  return byTenure;
}

/** CH02 at a stage: responses issued in the period, and those issued by the Code's limit. */
export async function ch02References(
  tx: Queryable,
  input: { organisationId: string; stage: 1 | 2; period: ReportingPeriod; settings: TsmSettings },
): Promise<CountedReferences> {
  const s = input.stage === 1 ? "s1" : "s2";
  const limit = input.settings.extensionsWithinCode ? `f.${s}_response_limit` : `f.${s}_response_limit_base`;
  const result = await tx.query<{ responded: string[] | null; in_time: string[] | null }>(
    `SELECT array_agg(c.reference ORDER BY c.reference) AS responded,
       array_agg(c.reference ORDER BY c.reference) FILTER (WHERE f.${s}_responded_on <= ${limit}) AS in_time
     FROM complaint_facts f JOIN complaints c ON c.organisation_id = f.organisation_id AND c.id = f.complaint_id
     WHERE f.organisation_id = $1 AND f.${s}_responded_on BETWEEN $2::date AND $3::date`,
    [input.organisationId, input.period.from, input.period.to],
  );
  const row = result.rows[0];
  return { numerator: row?.in_time ?? [], denominator: row?.responded ?? [] };
}
