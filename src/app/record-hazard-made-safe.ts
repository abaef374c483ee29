import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type RecordHazardMadeSafeInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"record-hazard-made-safe">,
  "type"
>;

/** Records that every open hazard on the complaint was made safe at `at`, stopping its clock in hours. */
export async function recordHazardMadeSafe(
  services: Services,
  input: RecordHazardMadeSafeInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "record-hazard-made-safe", ...command },
  });
}
