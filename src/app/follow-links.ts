import { createHash, randomBytes } from "node:crypto";
import { fromDayNumber, londonDateOf, toDayNumber } from "../domain/calendar/day-number.ts";
import { endOfLondonDay } from "../domain/complaint/hazard-clocks.ts";

/**
 * Links to follow a complaint on the portal, with no account or password: a 256-bit random token in the
 * link's address, of which only a SHA-256 hash is kept (a lookup by hash finds it; a random secret this long
 * needs no slow, salted hash). A link opens one complaint of one organisation, and stops working when it
 * expires or staff revoke it.
 */

/** How long a link works: a complaint through both stages and the closing survey fits comfortably. */
export const FOLLOW_LINK_DAYS = 90;

/** The outbox messages carrying a new link, and a message from the team (delivered by email by the worker). */
export { PORTAL_LINK } from "../domain/notifications/portal-link.ts";
export { RESIDENT_MESSAGE } from "../domain/notifications/resident-message.ts";
export interface PortalLinkPayload {
  to: string;
  name: string;
  reference: string;
  url: string;
  /** The last London date the link works on. */
  expiresOn: string;
}

export interface ResidentMessagePayload {
  to: string;
  name: string;
  reference: string;
  url: string;
  body: string;
}

export function newFollowToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFollowToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The page a link opens: `<public base URL>/o/<organisation>/follow/<token>`. */
export function followUrl(publicUrl: string, organisationId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/o/${encodeURIComponent(organisationId)}/follow/${token}`;
}

/** A link made now works to the end of the London day FOLLOW_LINK_DAYS later. */
export function followLinkExpiry(now: Date): { expiresOn: string; expiresAt: Date } {
  const expiresOn = fromDayNumber(toDayNumber(londonDateOf(now)) + FOLLOW_LINK_DAYS);
  return { expiresOn, expiresAt: new Date(endOfLondonDay(expiresOn)) };
}

/**
 * Who the portal writes to about a complaint: the representative when they gave an email address (they
 * made or carry the complaint, Code 3.6), otherwise the resident; null when neither gave one.
 */
export function portalRecipient(
  resident: { name: string; email: string | null } | null,
  representative: { name: string; email: string | null } | null,
): { name: string; email: string } | null {
  if (representative?.email) return { name: representative.name, email: representative.email };
  if (resident?.email) return { name: resident.name, email: resident.email };
  return null;
}
