import { FOLLOW_LINK_DAYS, portalRecipient } from "../../app/follow-links.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import { can } from "../../domain/access/permissions.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";

/** The case page's resident portal section: each link's state, who the portal writes to, and who may. */
export function portalCaseView(page: ComplaintPage, role: UserRole) {
  return {
    portalLinks: page.portal.links.map((link) => {
      // A link works to the end of its last London day.
      const expiresOn = londonDateOf(link.expiresAt);
      const state = link.revokedAt ? "revoked" : expiresOn < page.today ? "expired" : "active";
      return { ...link, expiresOn, state };
    }),
    portalRecipient: portalRecipient(page.resident, page.representative),
    canWriteToResident: can(role, "log-complaint"),
    linkDays: FOLLOW_LINK_DAYS,
  };
}
