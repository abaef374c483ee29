import { isPermanentDeliveryError, type MessageDelivery } from "../adapters/delivery.ts";
import type { Services } from "../app/services.ts";
import { claimDueMessages, markDead, markDelivered, markFailed } from "../store/outbox-delivery.ts";
import type { OutboxRow } from "../store/outbox.ts";

export interface Backoff {
  /** The wait after the first failure; it doubles after each further one. */
  baseSeconds: number;
  /** The longest wait between attempts. */
  maxSeconds: number;
}

export interface DeliveryOptions {
  /** The most messages one run delivers; the rest wait for the next run. */
  batchSize: number;
  /** How long a claimed message stays with its worker; after that another worker may deliver it again. */
  leaseSeconds: number;
  /** Attempts before a message is dead (left for staff to requeue). */
  maxAttempts: number;
  backoff: Backoff;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  batchSize: 50,
  leaseSeconds: 300,
  maxAttempts: 12,
  backoff: { baseSeconds: 30, maxSeconds: 3600 },
};

export interface DeliveryCounts {
  delivered: number;
  /** Failed and scheduled for another attempt. */
  failed: number;
  /** Failed for the last time. */
  dead: number;
}

/** The wait before the next attempt after `attempts` failures: base × 2^(attempts − 1), capped. */
export function backoffSeconds(attempts: number, backoff: Backoff): number {
  const exponent = Math.max(0, attempts - 1);
  // Math.min before multiplying keeps a large exponent from overflowing to Infinity.
  return Math.min(backoff.maxSeconds, backoff.baseSeconds * 2 ** Math.min(exponent, 30));
}

/**
 * Delivers due outbox messages at least once. Each message is claimed on its own (so its lease starts when
 * its delivery does), delivered with no transaction open (a slow mail server never holds a database
 * connection, which matters on PGlite's single one), then marked. A crash between delivering and marking
 * means the message goes out again when the lease expires; its idempotency key makes that harmless. A
 * `PermanentDeliveryError` makes the message dead at once, with its reason, rather than after every retry.
 */
export async function deliverDueMessages(
  services: Services,
  delivery: MessageDelivery,
  options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, failed: 0, dead: 0 };
  for (let i = 0; i < options.batchSize; i++) {
    const now = services.clock();
    const leaseUntil = new Date(now.getTime() + options.leaseSeconds * 1000);
    const [message] = await claimDueMessages(services.db, { now, leaseUntil, limit: 1 });
    if (!message) break;
    counts[await deliverOne(services, delivery, message, options)]++;
  }
  return counts;
}

async function deliverOne(
  services: Services,
  delivery: MessageDelivery,
  message: OutboxRow,
  options: DeliveryOptions,
): Promise<keyof DeliveryCounts> {
  try {
    await delivery.deliver(message);
  } catch (error) {
    const reason = describeError(error);
    // A permanent failure (refused for good, nobody to send to) would fail the same way every time.
    if (isPermanentDeliveryError(error) || message.attempts >= options.maxAttempts) {
      await markDead(services.db, message, reason);
      return "dead";
    }
    const wait = backoffSeconds(message.attempts, options.backoff);
    const retryAt = new Date(services.clock().getTime() + wait * 1000);
    await markFailed(services.db, message, { retryAt, error: reason });
    return "failed";
  }
  await markDelivered(services.db, message, services.clock());
  return "delivered";
}

function describeError(error: unknown): string {
  // A permanent failure's message is already written for the staff who read it beside the dead letter.
  const text = isPermanentDeliveryError(error)
    ? error.message
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
