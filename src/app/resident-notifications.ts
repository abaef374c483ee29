import type { LetterKind } from "../domain/policy/schema.ts";
import type { CommandResult, OutboxFor } from "./run-complaint-command.ts";

/**
 * Messages to a resident that are not letters. The letters a command calls for (acknowledgements,
 * extension notices, responses, refusals, the closing survey) are drafted in the `letters` table instead
 * (src/app/draft-letter.ts) and reach the outbox as `LETTER_MESSAGE` only when the handler issues them.
 */
export type ResidentTemplate = LetterKind;

export const RESIDENT_NOTIFICATION = "resident-notification";

/**
 * An outbox message telling the resident what was just recorded. The idempotency key is the complaint,
 * the sequence number of the event that caused it and the template: a command retried after a crash
 * either finds its events already recorded (and is refused) or records them at the same sequence number,
 * so the same message is never queued twice.
 */
export function notifyResident(
  template: ResidentTemplate,
  details: (result: CommandResult) => Record<string, unknown> = () => ({}),
): OutboxFor {
  return (result, identity) => [
    {
      idempotencyKey: `${identity.id}:${result.state.version}:${template}`,
      kind: RESIDENT_NOTIFICATION,
      payload: {
        template,
        reference: identity.reference,
        complaintId: identity.id,
        ...details(result),
      },
    },
  ];
}
