import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { ComplaintEvent } from "../domain/complaint/events.ts";
import type { DecisionContext } from "../domain/complaint/guards.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";
import { findComplaintIdentity, type ComplaintIdentity } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { calendarFor, packVersion, requireOrganisation, UnknownComplaintError } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface LoadedComplaint {
  identity: ComplaintIdentity;
  history: ComplaintEvent[];
}

/**
 * A complaint's fixed facts and events, read in the caller's transaction, for use cases that do more than
 * one command's work in it (triage sets the category, a new issue may log a complaint of its own).
 */
export async function loadComplaint(
  tx: Queryable,
  organisationId: string,
  reference: string,
): Promise<LoadedComplaint> {
  const identity = await findComplaintIdentity(tx, organisationId, reference);
  if (!identity) throw new UnknownComplaintError(reference);
  return { identity, history: await loadComplaintEvents(tx, organisationId, identity.id) };
}

/** What the domain decides a command for this complaint against: the same context `recordDecision` builds. */
export async function decisionContextFor(
  tx: Queryable,
  services: Services,
  identity: ComplaintIdentity,
): Promise<DecisionContext> {
  const org = await requireOrganisation(tx, identity.organisationId);
  return {
    pack: await packVersion(tx, identity.packId, identity.packVersion),
    calendar: calendarFor(org),
    today: londonDateOf(services.clock()),
    now: services.clock().toISOString(),
  };
}
