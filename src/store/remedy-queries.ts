import type { LocalDate } from "../domain/calendar/day-number.ts";
import type { RemediesSelection } from "../domain/reporting/remedies.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { Queryable } from "./database.ts";
import { grouped, periodParams, refs } from "./report-sql.ts";

const ITEMS = `complaint_follow_up_facts u
  JOIN complaints c ON c.organisation_id = u.organisation_id AND c.id = u.complaint_id`;

/**
 * The SQL twin of `selectRemedies` (src/domain/reporting/remedies.ts), over the remedy and action rows of the
 * facts: offered and completed in the period (by the day offered or done), and overdue at a date.
 */
export async function remediesSelection(
  tx: Queryable,
  input: { organisationId: string; period: ReportingPeriod; asAt: LocalDate },
): Promise<RemediesSelection> {
  const params = periodParams(input.organisationId, input.period);
  const offered = await tx.query<{ key: string; refs: unknown; paid: unknown; pence: number }>(
    `SELECT coalesce(u.remedy_type, 'other') AS key, array_agg(c.reference) AS refs,
       array_agg(c.reference) FILTER (WHERE u.amount_pence > 0) AS paid, sum(u.amount_pence)::bigint AS pence
     FROM ${ITEMS}
     WHERE u.organisation_id = $1 AND u.kind = 'remedy' AND u.offered_on BETWEEN $2::date AND $3::date
     GROUP BY 1`,
    params,
  );
  const completed = await tx.query(
    `SELECT array_agg(c.reference) AS refs, array_agg(c.reference) FILTER (WHERE u.amount_pence > 0) AS paid,
       coalesce(sum(u.amount_pence), 0)::bigint AS pence
     FROM ${ITEMS}
     WHERE u.organisation_id = $1 AND u.kind = 'remedy' AND u.completed_on BETWEEN $2::date AND $3::date`,
    params,
  );
  const overdue = await tx.query<{ kind: string; refs: unknown }>(
    `SELECT u.kind, array_agg(c.reference) AS refs FROM ${ITEMS}
     WHERE u.organisation_id = $1 AND u.due_on < $2::date AND u.offered_on <= $2::date
       AND (u.completed_on IS NULL OR u.completed_on > $2::date)
     GROUP BY 1`,
    [input.organisationId, input.asAt],
  );
  const done = completed.rows[0] ?? {};
  const overdueOf = (kind: string) => refs(overdue.rows.find((r) => r.kind === kind)?.refs);
  return {
    offeredByType: grouped(offered.rows),
    compensationOffered: {
      references: offered.rows.flatMap((r) => refs(r.paid)),
      pence: offered.rows.reduce((sum, r) => sum + Number(r.pence), 0),
    },
    completed: refs(done.refs),
    compensationPaid: { references: refs(done.paid), pence: Number(done.pence ?? 0) },
    overdueRemedies: overdueOf("remedy"),
    overdueActions: overdueOf("action"),
  };
}
