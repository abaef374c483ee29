import type { FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import type { UserActionContext } from "../actions/user-actions.ts";
import { requirePermission, userOf } from "../session.ts";

/**
 * The context an administrator's action runs in: their organisation (never another), who they are, and
 * today. Only an administrator gets one: everyone else is refused with a 403 before anything is looked up.
 */
export function adminContext(services: Services, request: FastifyRequest): UserActionContext {
  requirePermission(request, "administer");
  const user = userOf(request);
  return {
    services,
    organisationId: user.organisationId,
    on: londonDateOf(services.clock()),
    actor: user.email,
    actingUserId: user.userId,
  };
}
