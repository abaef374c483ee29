import type { Queryable } from "./database.ts";

/** What an outbox message became: sent by SMTP, kept here (no SMTP configured), or queued for printing. */
export type DeliveryOutcome = "sent" | "kept" | "print";

/** Someone a message went (or goes) to: an email address, or a postal address for the print queue. */
export interface MessageRecipient {
  name: string;
  email?: string;
  addressLines?: string[];
}

export interface AttachmentRecord {
  fileName: string;
  contentType: string;
  size: number;
}

/** One row of `delivered_messages`: the sent mail record of one outbox message. */
export interface DeliveredMessageRecord {
  organisationId: string;
  idempotencyKey: string;
  kind: string;
  payload: Record<string, unknown>;
  /** When it was handed over; null lets the database's clock stamp it. */
  deliveredAt: Date | null;
  outcome: DeliveryOutcome;
  messageId?: string | null;
  from?: string | null;
  recipients?: MessageRecipient[];
  subject?: string | null;
  bodyText?: string | null;
  bodyHtml?: string | null;
  attachments?: AttachmentRecord[];
  notes?: string[];
  printFormat?: "post" | "large-print" | null;
}

/**
 * Records what a message became, once per idempotency key: a second record of the same message (a resend
 * after a crash) changes nothing, so the first, true account stands.
 */
export async function recordDeliveredMessage(db: Queryable, r: DeliveredMessageRecord): Promise<void> {
  await db.query(
    `INSERT INTO delivered_messages (organisation_id, idempotency_key, kind, payload, delivered_at, outcome,
       message_id, mail_from, recipients, subject, body_text, body_html, attachments, notes, print_format)
     VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (organisation_id, idempotency_key) DO NOTHING`,
    [
      r.organisationId,
      r.idempotencyKey,
      r.kind,
      JSON.stringify(r.payload),
      r.deliveredAt ? r.deliveredAt.toISOString() : null,
      r.outcome,
      r.messageId ?? null,
      r.from ?? null,
      JSON.stringify(r.recipients ?? []),
      r.subject ?? null,
      r.bodyText ?? null,
      r.bodyHtml ?? null,
      JSON.stringify(r.attachments ?? []),
      JSON.stringify(r.notes ?? []),
      r.printFormat ?? null,
    ],
  );
}

/** How a message was already handed over, if it was: the guard against sending it twice. */
export async function findDeliveryOutcome(
  db: Queryable,
  organisationId: string,
  idempotencyKey: string,
): Promise<DeliveryOutcome | null> {
  const result = await db.query<{ outcome: DeliveryOutcome }>(
    "SELECT outcome FROM delivered_messages WHERE organisation_id = $1 AND idempotency_key = $2",
    [organisationId, idempotencyKey],
  );
  return result.rows[0]?.outcome ?? null;
}

export type MarkPostedResult = "posted" | "already-posted" | "not-in-print-queue";

/**
 * Marks an item of the print queue (named by its outbox message's id) as posted. Marking it twice keeps the
 * first time and person.
 */
export async function markPosted(
  db: Queryable,
  organisationId: string,
  outboxId: number,
  input: { at: Date; by: string },
): Promise<MarkPostedResult> {
  const result = await db.query<{ posted: boolean }>(
    `WITH item AS (
       SELECT d.organisation_id, d.idempotency_key, d.posted_at FROM delivered_messages d
       JOIN outbox o ON o.organisation_id = d.organisation_id AND o.idempotency_key = d.idempotency_key
       WHERE d.organisation_id = $1 AND o.id = $2 AND d.outcome = 'print'
     ),
     marked AS (
       UPDATE delivered_messages d SET posted_at = $3::timestamptz, posted_by = $4
       FROM item WHERE d.organisation_id = item.organisation_id AND d.idempotency_key = item.idempotency_key
         AND d.posted_at IS NULL
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM marked) AS posted FROM item`,
    [organisationId, outboxId, input.at.toISOString(), input.by],
  );
  const row = result.rows[0];
  if (!row) return "not-in-print-queue";
  return row.posted ? "posted" : "already-posted";
}
