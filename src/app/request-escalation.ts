import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type RequestEscalationInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"request-escalation">,
  "type"
>;

/** Records the resident's request to escalate to Stage 2. No reason is needed (Code 6.12); a request after the landlord's window is recorded too and waits for a decision. */
export async function requestEscalation(
  services: Services,
  input: RequestEscalationInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "request-escalation", ...command },
  });
}
