import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export interface RecordOmbudsmanReferralInput {
  organisationId: string;
  /** The complaint's reference. */
  reference: string;
  on: string;
  /** The Housing Ombudsman's own case reference, if known (named apart from the complaint's reference). */
  ombudsmanReference?: string;
}

/** Records that the complaint was referred to the Housing Ombudsman. */
export async function recordOmbudsmanReferral(
  services: Services,
  input: RecordOmbudsmanReferralInput,
  actor: Actor,
): Promise<CommandResult> {
  return runComplaintCommand(services, {
    organisationId: input.organisationId,
    reference: input.reference,
    actor,
    command: {
      type: "record-ombudsman-referral",
      on: input.on,
      ...(input.ombudsmanReference ? { reference: input.ombudsmanReference } : {}),
    },
  });
}
