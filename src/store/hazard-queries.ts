import type { HazardsSelection } from "../domain/reporting/hazards.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { Queryable } from "./database.ts";
import { periodParams, refs } from "./report-sql.ts";

/**
 * The SQL twin of `selectHazards` (src/domain/reporting/hazards.ts): hazards flagged in the period, by severity,
 * and how their clocks went (made safe by the landlord's target, by the legal limit, not yet).
 */
export async function hazardsSelection(
  tx: Queryable,
  input: { organisationId: string; period: ReportingPeriod },
): Promise<HazardsSelection> {
  const result = await tx.query<Record<string, unknown>>(
    `SELECT h.severity, array_agg(c.reference) AS flagged,
       array_agg(c.reference) FILTER (WHERE h.made_safe_at IS NOT NULL) AS safe,
       array_agg(c.reference) FILTER (WHERE h.made_safe_at <= h.due) AS by_target,
       array_agg(c.reference) FILTER (WHERE h.made_safe_at <= h.legal_limit) AS by_limit,
       array_agg(c.reference) FILTER (WHERE h.made_safe_at IS NULL) AS open,
       coalesce(sum(round(extract(epoch FROM h.made_safe_at - h.flagged_at) * 1000)), 0)::bigint AS ms
     FROM complaint_hazard_facts h
       JOIN complaints c ON c.organisation_id = h.organisation_id AND c.id = h.complaint_id
     WHERE h.organisation_id = $1 AND h.flagged_on BETWEEN $2::date AND $3::date
     GROUP BY h.severity`,
    periodParams(input.organisationId, input.period),
  );
  const all = (column: string) => result.rows.flatMap((r) => refs(r[column]));
  return {
    bySeverity: new Map(result.rows.map((r) => [String(r.severity), refs(r.flagged)])),
    madeSafe: all("safe"),
    madeSafeByTarget: all("by_target"),
    madeSafeByLegalLimit: all("by_limit"),
    notYetMadeSafe: all("open"),
    msToMakeSafe: result.rows.reduce((sum, r) => sum + Number(r.ms), 0),
  };
}
