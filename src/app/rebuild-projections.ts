import { summariseComplaint } from "../domain/complaint/projection.ts";
import { foldComplaint } from "../domain/complaint/state.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";
import {
  listComplaintIdentities,
  saveComplaintProjection,
  type ComplaintIdentity,
} from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import { listOrganisations } from "../store/organisations.ts";
import { calendarFor, packVersion, requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/**
 * Recomputes every complaint's projection row from its events (all organisations, or one), each
 * organisation in one transaction. The result equals what the live path wrote: both use
 * `summariseComplaint` on the fold of the same events.
 */
export async function rebuildProjections(services: Services, organisationId?: string): Promise<number> {
  const orgIds = organisationId ? [organisationId] : (await listOrganisations(services.db)).map((o) => o.id);
  let rebuilt = 0;
  for (const orgId of orgIds) {
    rebuilt += await services.db.transaction(async (tx) => {
      const org = await requireOrganisation(tx, orgId);
      const calendar = calendarFor(org);
      const complaints = await listComplaintIdentities(tx, orgId);
      for (const identity of complaints) await reprojectComplaint(tx, identity, calendar);
      return complaints.length;
    });
  }
  return rebuilt;
}

/** Recomputes one complaint's projection row from its events under a calendar; the events do not change. */
export async function reprojectComplaint(
  tx: Queryable,
  identity: ComplaintIdentity,
  calendar: WorkingCalendar,
): Promise<void> {
  const state = foldComplaint(await loadComplaintEvents(tx, identity.organisationId, identity.id));
  const pack = await packVersion(tx, identity.packId, identity.packVersion);
  const summary = summariseComplaint(state, { pack, calendar });
  await saveComplaintProjection(tx, {
    ...identity,
    calendarId: calendar.id,
    version: state.version,
    summary,
  });
}
