import {
  countWaitingMessages,
  findSentMessage,
  listDeliveredMessages,
  listPrintQueue,
  listUndeliveredMessages,
  type SentMessage,
  type SentMessageSummary,
} from "../store/sent-mail-list.ts";
import type { Services } from "./services.ts";

export const SENT_MAIL_PAGE_SIZE = 50;

export interface SentMailView {
  /** Dead, or failed and waiting to be tried again: each with its last error. */
  undelivered: SentMessageSummary[];
  /** Waiting for their first attempt (the worker sends them within a minute or so). */
  waiting: number;
  printQueue: SentMessageSummary[];
  sent: SentMessageSummary[];
  page: number;
  pages: number;
  total: number;
}

/**
 * The organisation's sent mail: what needs attention first (messages not delivered, the print queue), then
 * everything handed over, newest first, a page at a time.
 */
export async function viewSentMail(
  services: Services,
  organisationId: string,
  page = 1,
): Promise<SentMailView> {
  const current = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const { messages, total } = await listDeliveredMessages(services.db, organisationId, {
    limit: SENT_MAIL_PAGE_SIZE,
    offset: (current - 1) * SENT_MAIL_PAGE_SIZE,
  });
  return {
    undelivered: await listUndeliveredMessages(services.db, organisationId),
    waiting: await countWaitingMessages(services.db, organisationId),
    printQueue: await listPrintQueue(services.db, organisationId),
    sent: messages,
    page: current,
    pages: Math.max(1, Math.ceil(total / SENT_MAIL_PAGE_SIZE)),
    total,
  };
}

/** One message of the organisation, with its body and attachments; another organisation's is unknown. */
export async function viewSentMessage(
  services: Services,
  organisationId: string,
  id: number,
): Promise<SentMessage> {
  const message = await findSentMessage(services.db, organisationId, id);
  if (!message) throw new UnknownMessageError(id);
  return message;
}

export class UnknownMessageError extends Error {
  readonly code = "UNKNOWN_MESSAGE";
  constructor(id: number) {
    super(`There is no message ${id} in this organisation.`);
    this.name = "UnknownMessageError";
  }
}
