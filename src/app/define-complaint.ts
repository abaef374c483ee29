import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type DefineComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"define">,
  "type"
>;

/** Records the complaint definition at a stage: the issues and the outcomes the resident wants (Code 5.6). */
export async function defineComplaint(
  services: Services,
  input: DefineComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "define", ...command },
  });
}
