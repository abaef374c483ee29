import type { LocalDate } from "../domain/calendar/day-number.ts";
import type { Queryable } from "./database.ts";

export type DeadlineAlertKind = "deadline-warning" | "breach-alert";

export interface DeadlineToAlert {
  kind: DeadlineAlertKind;
  /** `{kind}:{complaintId}:{clock}:{due}`: one alert per clock and due date, so an extension warns afresh. */
  idempotencyKey: string;
  complaintId: string;
  reference: string;
  clock: string;
  due: LocalDate;
  codeLimit: LocalDate | null;
  /** The handler of the clock's stage, if one is assigned. */
  handler: string | null;
}

/**
 * Open clocks of running complaints that are due by `warnUntil` and not yet alerted: a breach alert for a
 * due date before `today`, a warning for one from `today` on. Every open clock counts, not only the next,
 * but `next_due` (the earliest open clock) lets the index rule out complaints with nothing due. The key is
 * built here, once, and the outbox's unique key keeps a re-run from writing an alert twice; the NOT EXISTS
 * only saves re-inserting alerts already written on every run.
 */
export async function findDeadlinesToAlert(
  db: Queryable,
  organisationId: string,
  input: { today: LocalDate; warnUntil: LocalDate },
): Promise<DeadlineToAlert[]> {
  const result = await db.query<DeadlineToAlert>(
    `WITH open_clocks AS (
       SELECT c.id AS complaint_id, c.reference, k.key AS clock, (k.value->>'due')::date AS due,
         (k.value->>'codeLimit')::date AS code_limit,
         CASE WHEN k.key LIKE 'stage2.%' THEN c.handler_stage2 ELSE c.handler_stage1 END AS handler
       FROM complaints c CROSS JOIN LATERAL jsonb_each(c.clocks) AS k(key, value)
       WHERE c.organisation_id = $1
         AND c.status NOT IN ('closed', 'refused', 'withdrawn')
         AND c.next_due <= $3::date
         AND k.value->>'metOn' IS NULL
         AND k.value->>'state' IN ('open', 'overdue')
     ),
     alerts AS (
       SELECT *, CASE WHEN due < $2::date THEN 'breach-alert' ELSE 'deadline-warning' END AS kind
       FROM open_clocks WHERE due <= $3::date
     ),
     keyed AS (
       SELECT *, kind || ':' || complaint_id::text || ':' || clock || ':' || to_char(due, 'YYYY-MM-DD') AS idempotency_key
       FROM alerts
     )
     SELECT kind, idempotency_key AS "idempotencyKey", complaint_id AS "complaintId", reference, clock,
       to_char(due, 'YYYY-MM-DD') AS due, to_char(code_limit, 'YYYY-MM-DD') AS "codeLimit", handler
     FROM keyed
     WHERE NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.organisation_id = $1 AND o.idempotency_key = keyed.idempotency_key
     )
     ORDER BY due, reference, clock`,
    [organisationId, input.today, input.warnUntil],
  );
  return result.rows;
}
