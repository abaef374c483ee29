import { findPortalLink, listPortalLinks } from "../store/portal-links.ts";
import { hashFollowToken } from "./follow-links.ts";
import { createFollowLinkInTransaction } from "./send-follow-link.ts";
import type { Services } from "./services.ts";

/**
 * Someone holding an expired link asks for a new one, giving the address it was sent to. A new link is
 * emailed to that address only if it is the one the expired link went to; the answer never says whether it
 * was. A revoked link is never renewed (staff stopped it on purpose), and an expired link is renewed once, so
 * the form cannot be used to fill someone's inbox. Returns whether a link was sent.
 */
export async function renewFollowLink(
  services: Services,
  input: { organisationId: string; token: string; email: string; publicUrl: string },
): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    const link = await findPortalLink(tx, input.organisationId, hashFollowToken(input.token));
    if (!link || link.revokedAt) return false;
    if (link.expiresAt.getTime() > services.clock().getTime()) return false;
    if (link.sentTo.trim().toLowerCase() !== input.email.trim().toLowerCase()) return false;
    const renewal = `portal (renewal of link ${link.id})`;
    const links = await listPortalLinks(tx, input.organisationId, link.complaintId);
    if (links.some((l) => l.createdBy === renewal)) return false;
    await createFollowLinkInTransaction(
      tx,
      services,
      {
        organisationId: input.organisationId,
        complaintId: link.complaintId,
        reference: link.reference,
        to: link.sentTo,
        name: link.sentToName,
        publicUrl: input.publicUrl,
      },
      renewal,
    );
    return true;
  });
}
