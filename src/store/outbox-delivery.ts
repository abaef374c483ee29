import type { Queryable } from "./database.ts";
import type { OutboxRow } from "./outbox.ts";

/*
 * The worker's side of the outbox. Every time that decides what is due comes in as a parameter from the
 * caller's clock, never the database's now(), so tests (and a worker whose clock is injected) control it.
 *
 * A claimed row carries a lease: `locked_until` and `next_attempt_at` both move to the end of the lease, so
 * a worker that dies mid-delivery leaves a row that falls due again once the lease runs out. `attempts`
 * counts claims and doubles as a fencing token: a worker whose lease was overtaken cannot mark the row
 * failed or dead over the newer claim.
 */

const ROW = `organisation_id AS "organisationId", id, idempotency_key AS "idempotencyKey", kind, payload, attempts`;

/**
 * Claims up to `limit` due rows for one worker: pending, not leased, and either never tried or due for a
 * retry. A never-tried row is due at once whatever its `next_attempt_at`, because that column's default is
 * the database's clock at insert, which the caller's clock may be behind. SKIP LOCKED lets workers claim
 * side by side; the re-check of the WHERE clause on the locked row keeps them from claiming the same row.
 */
export async function claimDueMessages(
  db: Queryable,
  input: { now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  const result = await db.query<OutboxRow>(
    `WITH due AS (
       SELECT organisation_id, id FROM outbox
       WHERE status = 'pending'
         AND (attempts = 0 OR next_attempt_at <= $1::timestamptz)
         AND (locked_until IS NULL OR locked_until <= $1::timestamptz)
       ORDER BY next_attempt_at, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox o SET attempts = o.attempts + 1, locked_until = $2::timestamptz, next_attempt_at = $2::timestamptz
     FROM due WHERE o.organisation_id = due.organisation_id AND o.id = due.id
     RETURNING o.organisation_id AS "organisationId", o.id, o.idempotency_key AS "idempotencyKey", o.kind, o.payload,
       o.attempts`,
    [input.now.toISOString(), input.leaseUntil.toISOString(), input.limit],
  );
  return result.rows;
}

type RowRef = Pick<OutboxRow, "organisationId" | "id" | "attempts">;

/** Delivered wins over any claim: the message went out, whichever worker sent it. */
export async function markDelivered(db: Queryable, row: RowRef, now: Date): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = 'delivered', delivered_at = $3::timestamptz, locked_until = NULL
     WHERE organisation_id = $1 AND id = $2 AND status = 'pending'`,
    [row.organisationId, row.id, now.toISOString()],
  );
}

/** Schedules a retry; ignored if another worker has claimed the row since (its attempts moved on). */
export async function markFailed(
  db: Queryable,
  row: RowRef,
  input: { retryAt: Date; error: string },
): Promise<void> {
  await db.query(
    `UPDATE outbox SET next_attempt_at = $4::timestamptz, locked_until = NULL, last_error = $5
     WHERE organisation_id = $1 AND id = $2 AND attempts = $3 AND status = 'pending'`,
    [row.organisationId, row.id, row.attempts, input.retryAt.toISOString(), input.error],
  );
}

/** Gives up on a row after its last attempt: it waits, visible to staff, until someone requeues it. */
export async function markDead(db: Queryable, row: RowRef, error: string): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = 'dead', locked_until = NULL, last_error = $4
     WHERE organisation_id = $1 AND id = $2 AND attempts = $3 AND status = 'pending'`,
    [row.organisationId, row.id, row.attempts, error],
  );
}

export interface DeadLetter extends OutboxRow {
  lastError: string | null;
  createdAt: Date;
}

/** An organisation's dead letters, newest first, for the staff page. */
export async function listDeadLetters(
  db: Queryable,
  organisationId: string,
  options: { limit?: number } = {},
): Promise<DeadLetter[]> {
  const result = await db.query<DeadLetter>(
    `SELECT ${ROW}, last_error AS "lastError", created_at AS "createdAt" FROM outbox
     WHERE organisation_id = $1 AND status = 'dead' ORDER BY id DESC LIMIT $2`,
    [organisationId, options.limit ?? 100],
  );
  return result.rows;
}

export interface OutboxCounts {
  organisationId: string;
  /** Waiting to go out, including retries. */
  pending: number;
  /** Pending rows that have failed at least once. */
  retrying: number;
  dead: number;
}

/** Pending, retrying and dead messages per organisation (organisations with none are left out). */
export async function countUndeliveredMessages(db: Queryable): Promise<OutboxCounts[]> {
  const result = await db.query<OutboxCounts>(
    `SELECT organisation_id AS "organisationId",
       count(*) FILTER (WHERE status = 'pending')::integer AS pending,
       count(*) FILTER (WHERE status = 'pending' AND attempts > 0 AND last_error IS NOT NULL)::integer AS retrying,
       count(*) FILTER (WHERE status = 'dead')::integer AS dead
     FROM outbox WHERE status <> 'delivered' GROUP BY organisation_id ORDER BY organisation_id`,
  );
  return result.rows;
}

/**
 * Puts a dead letter back in the queue with a fresh set of attempts; `last_error` is kept so staff still
 * see why it died. False if there is no such dead letter (already requeued, or never dead).
 */
export async function requeueDeadLetter(
  db: Queryable,
  organisationId: string,
  id: number,
  now: Date,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $3::timestamptz, locked_until = NULL
     WHERE organisation_id = $1 AND id = $2 AND status = 'dead'`,
    [organisationId, id, now.toISOString()],
  );
  return (result.rowCount ?? 0) > 0;
}
