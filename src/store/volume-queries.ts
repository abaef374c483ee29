import { NOT_RECORDED } from "../domain/reporting/figures.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { StagePair, VolumesSelection } from "../domain/reporting/volumes.ts";
import type { Queryable } from "./database.ts";
import { FACTS, grouped, periodParams, refs } from "./report-sql.ts";

type Keyed = { key: string; refs: unknown };

/**
 * The SQL twin of `selectVolumes` (src/domain/reporting/volumes.ts): complaints received, by channel, category
 * and Stage 1 handler (one pass, grouping sets), outcomes, refusals, withdrawals and escalation, each query
 * reading the facts through the index on the date it counts by.
 */
export async function volumesSelection(
  tx: Queryable,
  input: { organisationId: string; period: ReportingPeriod },
): Promise<VolumesSelection> {
  const params = periodParams(input.organisationId, input.period);
  const received = await tx.query<{ set: string; key: string | null; refs: unknown }>(
    `SELECT CASE WHEN grouping(c.channel) = 0 THEN 'channel' WHEN grouping(c.category) = 0 THEN 'category'
         WHEN grouping(f.s1_handler) = 0 THEN 'handler' ELSE 'all' END AS set,
       coalesce(c.channel, c.category, f.s1_handler) AS key, array_agg(c.reference) AS refs
     FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.s1_started_on BETWEEN $2::date AND $3::date
     GROUP BY GROUPING SETS ((c.channel), (c.category), (f.s1_handler), ())`,
    params,
  );
  const set = (name: string): Keyed[] =>
    received.rows.filter((r) => r.set === name).map((r) => ({ key: r.key ?? NOT_RECORDED, refs: r.refs }));
  const stage2 = await tx.query(
    `SELECT array_agg(c.reference) AS refs FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.s2_started_on BETWEEN $2::date AND $3::date`,
    params,
  );
  const outcomes = async (s: "s1" | "s2") =>
    grouped(
      (
        await tx.query<Keyed>(
          `SELECT coalesce(f.${s}_outcome, $4) AS key, array_agg(c.reference) AS refs FROM ${FACTS}
           WHERE f.organisation_id = $1 AND f.${s}_responded_on BETWEEN $2::date AND $3::date GROUP BY 1`,
          [...params, NOT_RECORDED],
        )
      ).rows,
    );
  const refused = await tx.query<Keyed & { stage: number }>(
    `SELECT f.refused_stage AS stage, coalesce(f.refusal_ground, $4) AS key, array_agg(c.reference) AS refs
     FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.refused_on BETWEEN $2::date AND $3::date GROUP BY 1, 2`,
    [...params, NOT_RECORDED],
  );
  const withdrawn = await tx.query<{ stage: number; refs: unknown }>(
    `SELECT f.withdrawn_stage AS stage, array_agg(c.reference) AS refs FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.withdrawn_on BETWEEN $2::date AND $3::date GROUP BY 1`,
    params,
  );
  const escalation = await tx.query(
    `SELECT array_agg(c.reference) AS responded,
       array_agg(c.reference) FILTER (WHERE f.s2_started_on IS NOT NULL) AS escalated
     FROM ${FACTS}
     WHERE f.organisation_id = $1 AND f.s1_responded_on BETWEEN $2::date AND $3::date`,
    params,
  );
  const byStage = <T>(rows: (T & { stage: number })[]): StagePair<T[]> => ({
    stage1: rows.filter((r) => Number(r.stage) === 1),
    stage2: rows.filter((r) => Number(r.stage) === 2),
  });
  const refusals = byStage(refused.rows);
  const withdrawals = byStage(withdrawn.rows);
  return {
    stage1Received: set("all").flatMap((r) => refs(r.refs)),
    stage2Received: refs(stage2.rows[0]?.refs),
    byChannel: grouped(set("channel")),
    byCategory: grouped(set("category")),
    byHandler: grouped(set("handler")),
    outcomes: { stage1: await outcomes("s1"), stage2: await outcomes("s2") },
    refusals: { stage1: grouped(refusals.stage1), stage2: grouped(refusals.stage2) },
    withdrawals: {
      stage1: withdrawals.stage1.flatMap((r) => refs(r.refs)),
      stage2: withdrawals.stage2.flatMap((r) => refs(r.refs)),
    },
    escalated: refs(escalation.rows[0]?.escalated),
    stage1Responses: refs(escalation.rows[0]?.responded),
  };
}
