import type { FastifyReply, FastifyRequest } from "fastify";
import { currentUser } from "../app/sign-in.ts";
import type { Services } from "../app/services.ts";
import { can, type Permission } from "../domain/access/permissions.ts";
import type { SessionUser } from "../store/sessions.ts";

export const SESSION_COOKIE = "redress_session";

declare module "fastify" {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Loads the signed-in user (if any) from the session cookie. */
export function loadUser(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    const cookie = request.cookies[SESSION_COOKIE];
    const unsigned = cookie ? request.unsignCookie(cookie) : null;
    request.user = unsigned?.valid && unsigned.value ? await currentUser(services, unsigned.value) : null;
  };
}

/** Staff pages need a signed-in user; others are sent to sign in. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.user) {
    const next = encodeURIComponent(request.url);
    await reply.redirect(`/sign-in?next=${next}`, 303);
  }
}

/** The signed-in user, for handlers that run after `requireUser`. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error("requireUser must run first");
  return request.user;
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor() {
    super("Your role does not allow this. Ask your complaints team or an administrator.");
    this.name = "ForbiddenError";
  }
}

export function requirePermission(request: FastifyRequest, permission: Permission): void {
  if (!can(userOf(request).role, permission)) throw new ForbiddenError();
}
