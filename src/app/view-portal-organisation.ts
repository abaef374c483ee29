import type { PolicyPack } from "../domain/policy/schema.ts";
import { findOrganisation } from "../store/organisations.ts";
import { packVersion, UnknownOrganisationError } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** What every portal page shows of a landlord: its name, and the policy pack in force for new complaints. */
export interface PortalOrganisation {
  id: string;
  name: string;
  pack: PolicyPack;
  /** The organisation's declared closure days exist (they do not count as working days for its targets). */
  hasClosures: boolean;
}

/** The landlord a portal address names; an unknown one is UnknownOrganisationError (a plain 404). */
export async function viewPortalOrganisation(
  services: Services,
  organisationId: string,
): Promise<PortalOrganisation> {
  return services.db.transaction(async (tx) => {
    const org = await findOrganisation(tx, organisationId);
    if (!org) throw new UnknownOrganisationError(organisationId);
    const pack = await packVersion(tx, org.packId, org.packVersion);
    return { id: org.id, name: org.name, pack, hasClosures: org.closures.length > 0 };
  });
}
