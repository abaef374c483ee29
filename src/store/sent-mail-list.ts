import type { Queryable } from "./database.ts";
import type { AttachmentRecord, DeliveryOutcome, MessageRecipient } from "./sent-mail.ts";

/*
 * The sent mail page's reads: every outbox message of one organisation with what it became. A message is
 * named by its outbox id everywhere (the page, "send again", `redress outbox requeue`).
 */

export interface SentMessageSummary {
  id: number;
  kind: string;
  /** The complaint's reference, when the message is about one. */
  reference: string | null;
  /** The issued letter a letter message carries (to download and print). */
  letterId: string | null;
  status: "pending" | "delivered" | "dead";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  /** Null until it was handed over (and for messages recorded before the sent mail kept details). */
  outcome: DeliveryOutcome | null;
  deliveredAt: Date | null;
  recipients: MessageRecipient[];
  subject: string | null;
  notes: string[];
  printFormat: "post" | "large-print" | null;
  postedAt: Date | null;
  postedBy: string | null;
}

export interface SentMessage extends SentMessageSummary {
  from: string | null;
  messageId: string | null;
  bodyText: string | null;
  attachments: AttachmentRecord[];
}

const SUMMARY = `o.id::integer AS id, o.kind, o.payload->>'reference' AS reference,
  o.payload->>'letterId' AS "letterId", o.status, o.attempts,
  o.last_error AS "lastError", o.created_at AS "createdAt", o.next_attempt_at AS "nextAttemptAt",
  d.outcome, d.delivered_at AS "deliveredAt", COALESCE(d.recipients, '[]') AS recipients, d.subject,
  COALESCE(d.notes, '[]') AS notes, d.print_format AS "printFormat", d.posted_at AS "postedAt",
  d.posted_by AS "postedBy"`;

const FROM = `FROM outbox o LEFT JOIN delivered_messages d
  ON d.organisation_id = o.organisation_id AND d.idempotency_key = o.idempotency_key`;

/** Dead messages, and pending ones that have failed at least once: newest first. */
export async function listUndeliveredMessages(
  db: Queryable,
  organisationId: string,
  limit = 100,
): Promise<SentMessageSummary[]> {
  const result = await db.query<SentMessageSummary>(
    `SELECT ${SUMMARY} ${FROM}
     WHERE o.organisation_id = $1 AND (o.status = 'dead' OR (o.status = 'pending' AND o.last_error IS NOT NULL))
     ORDER BY o.id DESC LIMIT $2`,
    [organisationId, limit],
  );
  return result.rows;
}

/** Letters and notices waiting to be printed and posted: oldest first, as they should be posted. */
export async function listPrintQueue(
  db: Queryable,
  organisationId: string,
  limit = 200,
): Promise<SentMessageSummary[]> {
  const result = await db.query<SentMessageSummary>(
    `SELECT ${SUMMARY} ${FROM}
     WHERE o.organisation_id = $1 AND d.outcome = 'print' AND d.posted_at IS NULL
     ORDER BY d.delivered_at, o.id LIMIT $2`,
    [organisationId, limit],
  );
  return result.rows;
}

/** Messages handed over (sent, kept, or printed), newest first, a page at a time, with the total. */
export async function listDeliveredMessages(
  db: Queryable,
  organisationId: string,
  page: { limit: number; offset: number },
): Promise<{ messages: SentMessageSummary[]; total: number }> {
  const result = await db.query<SentMessageSummary>(
    `SELECT ${SUMMARY} ${FROM}
     WHERE o.organisation_id = $1 AND o.status = 'delivered'
     ORDER BY COALESCE(d.delivered_at, o.delivered_at) DESC, o.id DESC LIMIT $2 OFFSET $3`,
    [organisationId, page.limit, page.offset],
  );
  const count = await db.query<{ n: number }>(
    "SELECT count(*)::integer AS n FROM outbox WHERE organisation_id = $1 AND status = 'delivered'",
    [organisationId],
  );
  return { messages: result.rows, total: count.rows[0]?.n ?? 0 };
}

/** Messages waiting for their first attempt. */
export async function countWaitingMessages(db: Queryable, organisationId: string): Promise<number> {
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM outbox
     WHERE organisation_id = $1 AND status = 'pending' AND last_error IS NULL`,
    [organisationId],
  );
  return result.rows[0]?.n ?? 0;
}

/** One message with everything recorded about it; null if the organisation has no such message. */
export async function findSentMessage(
  db: Queryable,
  organisationId: string,
  id: number,
): Promise<SentMessage | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const result = await db.query<SentMessage>(
    `SELECT ${SUMMARY}, d.mail_from AS "from", d.message_id AS "messageId", d.body_text AS "bodyText",
       COALESCE(d.attachments, '[]') AS attachments
     ${FROM} WHERE o.organisation_id = $1 AND o.id = $2`,
    [organisationId, id],
  );
  return result.rows[0] ?? null;
}
