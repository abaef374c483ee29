import { findComplaintIdentity } from "../store/complaints.ts";
import { revokePortalLink } from "../store/portal-links.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import type { Actor, Services } from "./services.ts";

/** Staff stop a follow link working (sent to the wrong address, or no longer wanted). */
export async function revokeFollowLink(
  services: Services,
  input: { organisationId: string; reference: string; linkId: string },
  actor: Actor,
): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
    if (!identity) throw new UnknownComplaintError(input.reference);
    return revokePortalLink(
      tx,
      { organisationId: input.organisationId, complaintId: identity.id, id: input.linkId },
      actor,
      services.clock(),
    );
  });
}
