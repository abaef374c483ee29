import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { ComplaintEvent } from "../domain/complaint/events.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { simulateComplaint, type SimulationResult } from "../domain/complaint/simulate.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";
import { findComplaintIdentity, type ComplaintIdentity } from "../store/complaints.ts";
import { calendarFor, packVersion, requireOrganisation, UnknownComplaintError } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface ComplaintView extends SimulationResult {
  reference: string;
  externalRef: string | null;
  category: string | null;
  channel: string | null;
  receivedOn: string;
  events: ComplaintEvent[];
}

/**
 * A complaint as of today, by reference or (for imported complaints) external reference: its clocks in
 * the same shape as `redress simulate`, judged against today, with its findings and full event history.
 */
export async function showComplaint(
  services: Services,
  organisationId: string,
  reference: string,
): Promise<ComplaintView> {
  return (await loadComplaintView(services, organisationId, reference)).view;
}

/** The view and the complaint's stored identity (resident and representative ids), read in one transaction. */
export async function loadComplaintView(
  services: Services,
  organisationId: string,
  reference: string,
): Promise<{ view: ComplaintView; identity: ComplaintIdentity; pack: PolicyPack }> {
  return services.db.transaction(async (tx) => {
    const org = await requireOrganisation(tx, organisationId);
    const identity = await findComplaintIdentity(tx, organisationId, reference);
    if (!identity) throw new UnknownComplaintError(reference);
    const events = await loadComplaintEvents(tx, organisationId, identity.id);
    const pack = await packVersion(tx, identity.packId, identity.packVersion);
    const result = simulateComplaint({ events }, pack, calendarFor(org), londonDateOf(services.clock()));
    const view = {
      reference: identity.reference,
      externalRef: identity.externalRef,
      category: identity.category,
      channel: identity.channel,
      receivedOn: identity.receivedOn,
      ...result,
      events,
    };
    return { view, identity, pack };
  });
}
