import {
  countUndeliveredMessages,
  listDeadLetters,
  requeueDeadLetter,
  type DeadLetter,
  type OutboxCounts,
} from "../store/outbox-delivery.ts";
import type { Services } from "./services.ts";

/** Messages not yet delivered, per organisation: what staff check when residents say they heard nothing. */
export function outboxStatus(services: Services): Promise<OutboxCounts[]> {
  return countUndeliveredMessages(services.db);
}

/** Messages that failed every attempt, with the last error, newest first. */
export function deadLetters(services: Services, organisationId: string): Promise<DeadLetter[]> {
  return listDeadLetters(services.db, organisationId);
}

/** Sends a dead letter again (with a fresh set of attempts), e.g. once the mail server is fixed. */
export async function requeueMessage(services: Services, organisationId: string, id: number): Promise<void> {
  const requeued = await requeueDeadLetter(services.db, organisationId, id, services.clock());
  if (!requeued) throw new UnknownDeadLetterError(id);
}

export class UnknownDeadLetterError extends Error {
  readonly code = "UNKNOWN_DEAD_LETTER";
  constructor(id: number) {
    super(`There is no dead letter ${id} in this organisation (it may already have been sent again).`);
    this.name = "UnknownDeadLetterError";
  }
}
