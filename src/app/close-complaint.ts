import type { CommandOf } from "../domain/complaint/commands.ts";
import { packVersion } from "./complaint-context.ts";
import { loadComplaint } from "./load-complaint.ts";
import { draftLetter } from "./draft-letter.ts";
import { recordDecision, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type CloseComplaintInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"close">,
  "type"
>;

/**
 * Closes the complaint once its current stage is answered, every remedy and action is done and the
 * learning is recorded. Where the complaint's policy sends a survey after closure, the closing letter with
 * the survey (and how to complain, Code 1.6) is drafted.
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
    const stage = history.some((e) => e.type === "escalation-requested") ? 2 : 1;
    const survey = pack.survey?.afterClosure ? draftLetter(services, "closure-survey", stage) : undefined;
    const close = { type: "close", ...command } as const;
    return recordDecision(tx, services, identity, history, close, actor, undefined, survey);
  });
}
