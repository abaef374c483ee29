import type { StageNumber } from "../domain/policy/code-2024.ts";
import type { LetterKind } from "../domain/policy/schema.ts";
import type { CommandResult, OutboxFor } from "./run-complaint-command.ts";

/** The letters and emails a resident receives, named as the policy pack's letter kinds. */
export type ResidentTemplate = LetterKind;

export const RESIDENT_NOTIFICATION = "resident-notification";

/**
 * An outbox message telling the resident what was just recorded. The idempotency key is the complaint,
 * the sequence number of the event that caused it and the template: a command retried after a crash
 * either finds its events already recorded (and is refused) or records them at the same sequence number,
 * so the same letter is never queued twice.
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

export function acknowledgementTemplate(stage: StageNumber): ResidentTemplate {
  return stage === 1 ? "stage1-acknowledgement" : "stage2-acknowledgement";
}

export function responseTemplate(stage: StageNumber): ResidentTemplate {
  return stage === 1 ? "stage1-response" : "stage2-response";
}

/** The response deadline at a stage as it now stands (after an acknowledgement or an extension). */
export function responseDue(result: CommandResult, stage: StageNumber): Record<string, unknown> {
  const clock = result.summary.clocks[`stage${stage}.response`];
  return clock ? { responseDue: clock.due, responseCodeLimit: clock.codeLimit } : {};
}
