import type { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import type { OutboxRow } from "../../store/outbox.ts";

/**
 * An outbox message's payload read with its kind's schema. A payload that does not fit can never be sent
 * (it would not fit next time either), so it is a permanent failure that says what is wrong.
 */
export function readPayload<S extends z.ZodType>(schema: S, message: OutboxRow): z.output<S> {
  const parsed = schema.safeParse(message.payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`);
  throw new PermanentDeliveryError(
    `This ${message.kind} message's details cannot be read (${problems.join("; ")}).`,
  );
}
