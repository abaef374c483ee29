import type { CommandOf } from "../domain/complaint/commands.ts";
import { decideComplaint } from "../domain/complaint/decide.ts";
import { foldComplaint } from "../domain/complaint/state.ts";
import type { Channel } from "../domain/policy/schema.ts";
import { decisionContextFor, loadComplaint } from "./load-complaint.ts";
import { logComplaintInTransaction } from "./log-complaint.ts";
import { recordDecision, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type AddIssueInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"add-issue">,
  "type" | "newComplaint"
> & {
    /** How the new issue was raised, if it becomes a complaint of its own; defaults to the original's channel. */
    channel?: Channel;
    /** What the resident wants done about the new issue, so a new complaint is logged already defined. */
    outcomesSought?: string[];
  };

export type AddIssueResult = CommandResult & {
  /** The complaint the issue was logged as, when it was not folded into this one (Code 6.8). */
  newComplaint?: CommandResult;
};

/**
 * A new issue raised while a complaint is open (Code 6.8): folded into the Stage 1 response when it is
 * related and would not unreasonably delay it; otherwise logged as a new Stage 1 complaint for the same
 * resident, in the same transaction, and linked from this complaint's event by its reference.
 */
export async function addIssue(
  services: Services,
  input: AddIssueInput,
  actor: Actor,
): Promise<AddIssueResult> {
  const { organisationId, reference, channel, outcomesSought, ...fields } = input;
  const command: CommandOf<"add-issue"> = { type: "add-issue", ...fields };
  return services.db.transaction(async (tx) => {
    const { identity, history } = await loadComplaint(tx, organisationId, reference);
    // Ask the domain first (it is pure), so a new complaint is logged only when the issue is not folded in.
    const preview = decideComplaint(
      foldComplaint(history),
      command,
      await decisionContextFor(tx, services, identity),
    );
    if (!preview.ok) throw preview.error;
    const folded = preview.events.some((e) => e.type === "issue-added" && e.disposition === "folded-in");
    if (folded) return recordDecision(tx, services, identity, history, command, actor);
    const newComplaint = await logComplaintInTransaction(
      tx,
      services,
      {
        organisationId,
        receivedOn: fields.on,
        // Every complaint is logged with its channel, so the original's is there to fall back on.
        channel: channel ?? (identity.channel as Channel),
        ...(identity.category ? { category: identity.category } : {}),
        description: fields.issue.summary,
        residentId: identity.residentId,
        representativeId: identity.representativeId,
        ...(outcomesSought?.length ? { definition: { issues: [fields.issue], outcomesSought } } : {}),
      },
      actor,
    );
    const result = await recordDecision(
      tx,
      services,
      identity,
      history,
      { ...command, newComplaint: newComplaint.reference },
      actor,
    );
    return { ...result, newComplaint };
  });
}
