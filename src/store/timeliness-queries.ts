import type { StageNumber } from "../domain/policy/code-2024.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { StageTimelinessSelection } from "../domain/reporting/timeliness.ts";
import type { Queryable } from "./database.ts";
import { FACTS, periodParams, refs } from "./report-sql.ts";

/**
 * The SQL twin of `selectStageTimeliness` (src/domain/reporting/timeliness.ts): acknowledgements made and
 * responses issued in the period at a stage, each read through its own partial index on the facts.
 */
export async function stageTimelinessSelection(
  tx: Queryable,
  input: { organisationId: string; stage: StageNumber; period: ReportingPeriod },
): Promise<StageTimelinessSelection> {
  const s = input.stage === 1 ? "s1" : "s2";
  const params = periodParams(input.organisationId, input.period);
  const acks = await tx.query(
    `SELECT array_agg(c.reference) AS acknowledged,
       array_agg(c.reference) FILTER (WHERE f.${s}_acknowledged_on <= f.${s}_acknowledgement_due) AS by_target,
       array_agg(c.reference) FILTER (WHERE f.${s}_acknowledged_on <= f.${s}_acknowledgement_limit) AS by_limit,
       coalesce(sum(f.${s}_working_days_to_acknowledge), 0)::bigint AS days
     FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.${s}_acknowledged_on BETWEEN $2::date AND $3::date`,
    params,
  );
  const responses = await tx.query(
    `SELECT array_agg(c.reference) AS responded,
       array_agg(c.reference) FILTER (WHERE f.${s}_responded_on <= f.${s}_response_due) AS by_target,
       array_agg(c.reference) FILTER (WHERE f.${s}_responded_on <= f.${s}_response_limit) AS by_limit,
       array_agg(c.reference) FILTER (WHERE f.${s}_extended_days > 0) AS extended,
       coalesce(sum(f.${s}_working_days_to_respond), 0)::bigint AS days
     FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.${s}_responded_on BETWEEN $2::date AND $3::date`,
    params,
  );
  const a = acks.rows[0] ?? {};
  const r = responses.rows[0] ?? {};
  return {
    acknowledged: refs(a.acknowledged),
    acknowledgedByTarget: refs(a.by_target),
    acknowledgedByCodeLimit: refs(a.by_limit),
    daysToAcknowledge: Number(a.days ?? 0),
    responded: refs(r.responded),
    respondedByTarget: refs(r.by_target),
    respondedByCodeLimit: refs(r.by_limit),
    extended: refs(r.extended),
    daysToRespond: Number(r.days ?? 0),
  };
}
