import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type WithdrawComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"withdraw">,
  "type"
>;

/** Records that the resident withdrew the complaint; its clocks stop. */
export async function withdrawComplaint(
  services: Services,
  input: WithdrawComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "withdraw", ...command },
  });
}
