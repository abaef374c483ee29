import type { CommandOf } from "../domain/complaint/commands.ts";
import { packVersion } from "./complaint-context.ts";
import { loadComplaint } from "./load-complaint.ts";
import { notifyResident } from "./resident-notifications.ts";
import { recordDecision, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type CloseComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"close">,
  "type"
>;

/**
 * Closes the complaint once its current stage is answered, every remedy and action is done and the
 * learning is recorded. Where the complaint's policy sends a survey after closure, the resident gets it.
 */
export async function closeComplaint(
  services: Services,
  input: CloseComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return services.db.transaction(async (tx) => {
    const { identity, history } = await loadComplaint(tx, organisationId, reference);
    const pack = await packVersion(tx, identity.packId, identity.packVersion);
    const survey = pack.survey?.afterClosure
      ? notifyResident("closure-survey", (result) => ({ stage: result.state.stage }))
      : undefined;
    return recordDecision(tx, services, identity, history, { type: "close", ...command }, actor, survey);
  });
}
