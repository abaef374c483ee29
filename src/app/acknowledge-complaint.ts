import type { CommandOf } from "../domain/complaint/commands.ts";
import { draftLetter } from "./draft-letter.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type AcknowledgeComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"acknowledge">,
  "type"
>;

/**
 * Acknowledges the complaint at Stage 1 or Stage 2 and drafts the acknowledgement letter, which carries
 * the definition, the handler and the date the response is due (Code 5.6, 6.2, 6.11), for the handler to
 * issue.
 */
export async function acknowledgeComplaint(
  services: Services,
  input: AcknowledgeComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "acknowledge", ...command },
    after: draftLetter(services, `stage${command.stage}-acknowledgement`, command.stage),
  });
}
