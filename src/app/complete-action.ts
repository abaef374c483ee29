import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type CompleteActionInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"complete-action">,
  "type"
>;

/** Records that a follow-up action was done (Code 6.6). */
export async function completeAction(
  services: Services,
  input: CompleteActionInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "complete-action", ...command },
  });
}
