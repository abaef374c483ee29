import { sortRefusals, type RefusalCount } from "../domain/governance/refusals-by-ground.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { Queryable } from "./database.ts";

/**
 * The SQL twin of `refusalsByGround` (src/domain/governance/refusals-by-ground.ts): matters refused in the
 * period by stage and ground, read from the complaint_facts projection. To move in with the report measures
 * (src/store) when they are merged.
 */
export async function refusalsByGroundQuery(
  tx: Queryable,
  organisationId: string,
  period: ReportingPeriod,
): Promise<RefusalCount[]> {
  const result = await tx.query<{ stage: number; ground: string; count: number }>(
    `SELECT refused_stage::integer AS stage, refusal_ground AS ground, count(*)::integer AS count
     FROM complaint_facts
     WHERE organisation_id = $1 AND refused_on BETWEEN $2::date AND $3::date
     GROUP BY refused_stage, refusal_ground`,
    [organisationId, period.from, period.to],
  );
  return sortRefusals(
    result.rows.map((r) => ({ stage: r.stage === 2 ? 2 : 1, ground: r.ground, count: r.count })),
  );
}
