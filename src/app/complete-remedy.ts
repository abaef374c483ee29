import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type CompleteRemedyInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"complete-remedy">,
  "type"
>;

/** Records that a remedy was delivered; remedies are followed through even after closure (Code 7.3). */
export async function completeRemedy(
  services: Services,
  input: CompleteRemedyInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "complete-remedy", ...command },
  });
}
