import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type AcceptLateEscalationInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"accept-late-escalation">,
  "type"
>;

/** Records the decision to accept a request to escalate that came after the landlord's window (never refused automatically). */
export async function acceptLateEscalation(
  services: Services,
  input: AcceptLateEscalationInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "accept-late-escalation", ...command },
  });
}
