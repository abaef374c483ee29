import { findPortalLink, type PortalLinkRow } from "../store/portal-links.ts";
import { hashFollowToken } from "./follow-links.ts";
import type { Services } from "./services.ts";
import { viewComplaint, type ComplaintPage } from "./view-complaint.ts";

/** What a follow link opens: its complaint, or why it opens nothing (said in words, revealing nothing). */
export type FollowLinkOutcome =
  | { status: "unknown" }
  | { status: "expired" }
  | { status: "revoked" }
  | { status: "open"; link: PortalLinkRow & { reference: string }; page: ComplaintPage };

/** A token is 32 random bytes in base64url; anything else is not one of ours and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Opens the complaint a follow link is for, in the organisation whose address it was used under: a link
 * never opens another complaint, and a link of another organisation is unknown here.
 */
export async function openFollowLink(
  services: Services,
  organisationId: string,
  token: string,
): Promise<FollowLinkOutcome> {
  if (!TOKEN.test(token)) return { status: "unknown" };
  const link = await findPortalLink(services.db, organisationId, hashFollowToken(token));
  if (!link) return { status: "unknown" };
  if (link.revokedAt) return { status: "revoked" };
  if (link.expiresAt.getTime() <= services.clock().getTime()) return { status: "expired" };
  return { status: "open", link, page: await viewComplaint(services, organisationId, link.reference) };
}
