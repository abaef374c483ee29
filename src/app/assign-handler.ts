import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type AssignHandlerInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"assign-handler">,
  "type"
>;

/** Assigns the handler for a stage; at Stage 2 it must be someone who never handled Stage 1 (Code 6.13). */
export async function assignHandler(
  services: Services,
  input: AssignHandlerInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "assign-handler", ...command },
  });
}
