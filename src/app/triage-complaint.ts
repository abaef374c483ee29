import type { CommandOf } from "../domain/complaint/commands.ts";
import { summariseComplaint } from "../domain/complaint/projection.ts";
import { foldComplaint } from "../domain/complaint/state.ts";
import { setComplaintCategory } from "../store/complaint-category.ts";
import { decisionContextFor, loadComplaint } from "./load-complaint.ts";
import { recordDecision, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export interface TriageComplaintInput {
  organisationId: string;
  reference: string;
  /** The London date of the triage. */
  on: string;
  /** A health-and-safety risk found at intake: it opens its own clock in hours while the complaint runs. */
  hazard?: Omit<CommandOf<"flag-hazard">, "type" | "on">;
  /** The category to file the complaint under. */
  category?: string;
}

/**
 * Triage by the complaints team: flags a hazard with its severity and description, and files the complaint
 * under a category, in one transaction. A hazard is a domain event (its clock is part of the case); the
 * category is a filing label on the projection row.
 */
export async function triageComplaint(
  services: Services,
  input: TriageComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  return services.db.transaction(async (tx) => {
    const { identity, history } = await loadComplaint(tx, input.organisationId, input.reference);
    const category = input.category?.trim() || identity.category;
    let result: CommandResult;
    if (input.hazard) {
      const command: CommandOf<"flag-hazard"> = { type: "flag-hazard", on: input.on, ...input.hazard };
      result = await recordDecision(tx, services, { ...identity, category }, history, command, actor);
    } else {
      const state = foldComplaint(history);
      // Like the live path, the stored summary is computed without "today", so it never goes stale.
      const { pack, calendar } = await decisionContextFor(tx, services, identity);
      const summary = summariseComplaint(state, { pack, calendar });
      result = { reference: identity.reference, events: [], state, summary };
    }
    if (category !== identity.category) {
      await setComplaintCategory(tx, identity.organisationId, identity.id, category);
    }
    return result;
  });
}
