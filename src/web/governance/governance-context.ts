import type { FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { can, type Permission } from "../../domain/access/permissions.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import type { ActionContext } from "../actions/action.ts";
import { requirePermission, userOf } from "../session.ts";

/**
 * The context a governance page or form runs in: the user's own organisation (never another), who they are,
 * and today. Reading needs `read-governance` (executives, the complaints team, administrators); a change
 * needs the action's permission, checked before anything is looked up.
 */
export function governanceContext(
  services: Services,
  request: FastifyRequest,
  permission: Permission = "read-governance",
): ActionContext {
  requirePermission(request, "read-governance");
  requirePermission(request, permission);
  const user = userOf(request);
  return {
    services,
    organisationId: user.organisationId,
    on: londonDateOf(services.clock()),
    actor: user.email,
  };
}

/** What the signed-in user may change on governance pages, so a page offers only the forms they can use. */
export function governanceAbilities(request: FastifyRequest) {
  const role = userOf(request).role;
  return { canRecord: can(role, "record-governance"), canApprove: can(role, "approve-governance") };
}

/** A reporting year from the address (2026 for 2026/27); anything else names nothing (404). */
export function yearParam(raw: string): number | null {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 1990 && year <= 2199 ? year : null;
}
