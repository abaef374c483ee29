import type { Queryable } from "../store/database.ts";
import type { OutboxRow } from "../store/outbox.ts";
import { recordDeliveredMessage } from "../store/sent-mail.ts";

/**
 * Hands one outbox message to the outside world (email, letters). Called at least once per message, maybe
 * more after a crash, so an implementation must treat `idempotencyKey` as "already sent" when it sees it
 * again. Throwing means "not delivered": the worker retries with back-off, except after a
 * `PermanentDeliveryError`, which no retry could mend: the message is dead at once, with the reason.
 */
export interface MessageDelivery {
  deliver(message: OutboxRow): Promise<void>;
}

/**
 * A message that can never be delivered as it stands: the mail server refused it for good (5xx), or there
 * is nobody to send it to. The message is the reason staff read beside the dead letter, so it says what to
 * do in plain words.
 */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

export function isPermanentDeliveryError(error: unknown): error is PermanentDeliveryError {
  return error instanceof PermanentDeliveryError;
}

/**
 * The bare record of each message in `delivered_messages` (outcome "kept"), once per idempotency key however
 * often it is delivered, without composing an email. The worker's own tests use it; Redress itself delivers
 * through `mailDelivery` (src/jobs/mail), which composes each message and records it the same way. `clock`
 * stamps `delivered_at`; without it the database's clock does.
 */
export function storedMessageDelivery(db: Queryable, clock?: () => Date): MessageDelivery {
  return {
    async deliver(message) {
      await recordDeliveredMessage(db, {
        organisationId: message.organisationId,
        idempotencyKey: message.idempotencyKey,
        kind: message.kind,
        payload: message.payload,
        deliveredAt: clock ? clock() : null,
        outcome: "kept",
      });
    },
  };
}
