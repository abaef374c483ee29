import { summariseComplaint } from "../domain/complaint/projection.ts";
import { foldComplaint } from "../domain/complaint/state.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";
import { listComplaintIdentities, saveComplaintProjection } from "../store/complaints.ts";
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
      for (const identity of complaints) {
        const events = await loadComplaintEvents(tx, orgId, identity.id);
        const state = foldComplaint(events);
        const pack = await packVersion(tx, identity.packId, identity.packVersion);
        const summary = summariseComplaint(state, { pack, calendar });
        await saveComplaintProjection(tx, {
          ...identity,
          calendarId: calendar.id,
          version: state.version,
          summary,
        });
      }
      return complaints.length;
    });
  }
  return rebuilt;
}
