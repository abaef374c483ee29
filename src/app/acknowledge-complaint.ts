import type { CommandOf } from "../domain/complaint/commands.ts";
import { acknowledgementTemplate, notifyResident, responseDue } from "./resident-notifications.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type AcknowledgeComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"acknowledge">,
  "type"
>;

/**
 * Acknowledges the complaint at Stage 1 or Stage 2 and sends the resident the acknowledgement, which
 * carries the date the response is due (Code 5.6, 6.2, 6.11).
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
    outbox: notifyResident(acknowledgementTemplate(command.stage), (result) => ({
      stage: command.stage,
      ...responseDue(result, command.stage),
    })),
  });
}
