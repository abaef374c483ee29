import type { CommandOf } from "../domain/complaint/commands.ts";
import { draftLetter } from "./draft-letter.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type ExtendDeadlineInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"extend">,
  "type"
>;

/**
 * Extends the response deadline at a stage, with the reason, and drafts the notice telling the resident
 * the new date; it must reach them before the original date, with the Ombudsman's details (Code 6.4, 6.5,
 * 6.15).
 */
export async function extendDeadline(
  services: Services,
  input: ExtendDeadlineInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "extend", ...command },
    after: draftLetter(services, "extension", command.stage),
  });
}
