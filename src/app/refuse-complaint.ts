import type { CommandOf } from "../domain/complaint/commands.ts";
import { draftLetter } from "./draft-letter.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type RefuseComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"refuse">,
  "type"
>;

/**
 * Refuses (excludes) the complaint at a stage on one of the policy's grounds, with the reason, and drafts
 * the letter telling the resident why and that they may take it to the Ombudsman (Code 2.4).
 */
export async function refuseComplaint(
  services: Services,
  input: RefuseComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "refuse", ...command },
    after: draftLetter(services, "refusal", command.stage),
  });
}
