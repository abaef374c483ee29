import type { CommandOf } from "../domain/complaint/commands.ts";
import { draftLetter } from "./draft-letter.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type RespondToComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"respond">,
  "type"
>;

/**
 * Issues the response at Stage 1 or Stage 2: a finding with reasons on every issue, the outcome, the
 * remedies and actions, and the learning (Code 6.7, 6.9, 6.19, 7.1, 9.1). The response letter is drafted
 * for the handler to issue.
 */
export async function respondToComplaint(
  services: Services,
  input: RespondToComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "respond", ...command },
    after: draftLetter(services, `stage${command.stage}-response`, command.stage),
  });
}
