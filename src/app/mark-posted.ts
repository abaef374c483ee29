import { markPosted } from "../store/sent-mail.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownMessageError } from "./view-sent-mail.ts";

/**
 * Records that an item of the print queue (a letter or notice for a resident who asked for paper) has been
 * printed and posted, by whom and when. Marking it again changes nothing; a message that is not in the
 * print queue is unknown.
 */
export async function markLetterPosted(
  services: Services,
  input: { organisationId: string; id: number },
  actor: Actor,
): Promise<void> {
  const result = await markPosted(services.db, input.organisationId, input.id, {
    at: services.clock(),
    by: actor,
  });
  if (result === "not-in-print-queue") throw new UnknownMessageError(input.id);
}
