import type { Queryable } from "../store/database.ts";
import type { OutboxRow } from "../store/outbox.ts";

/**
 * Hands one outbox message to the outside world (email, letters). Called at least once per message, maybe
 * more after a crash, so an implementation must treat `idempotencyKey` as "already sent" when it sees it
 * again. Throwing means "not delivered": the worker retries with back-off.
 */
export interface MessageDelivery {
  deliver(message: OutboxRow): Promise<void>;
}

/**
 * The "sent mail" record, used until an SMTP server is configured: each message is kept in
 * `delivered_messages`, once per idempotency key however often it is delivered. `clock` stamps
 * `delivered_at`; without it the database's clock does.
 */
export function storedMessageDelivery(db: Queryable, clock?: () => Date): MessageDelivery {
  return {
    async deliver(message) {
      await db.query(
        `INSERT INTO delivered_messages (organisation_id, idempotency_key, kind, payload, delivered_at)
         VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()))
         ON CONFLICT (organisation_id, idempotency_key) DO NOTHING`,
        [
          message.organisationId,
          message.idempotencyKey,
          message.kind,
          JSON.stringify(message.payload),
          clock ? clock().toISOString() : null,
        ],
      );
    },
  };
}
