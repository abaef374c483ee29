import type { FastifyInstance, FastifyReply } from "fastify";
import { signIn, signOut, SignInError, SESSION_IDLE_MINUTES } from "../../app/sign-in.ts";
import type { Services } from "../../app/services.ts";
import type { WebOptions } from "../app.ts";
import { SESSION_COOKIE } from "../session.ts";

/** Only same-site paths may be returned to after signing in. */
export function safeNext(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/caseload";
}

/** Starts the browser's session, however its user signed in: the cookie holds only the session's random id. */
export function setSessionCookie(reply: FastifyReply, sessionId: string, options: WebOptions): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    signed: true,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secureCookies ?? false,
    maxAge: SESSION_IDLE_MINUTES * 60,
  });
}

/** The sign-in page, offering the organisation account (OpenID Connect) too when it is configured. */
export function showSignIn(
  reply: FastifyReply,
  options: WebOptions,
  context: { next: string; values?: object; errors?: Record<string, string> },
): FastifyReply {
  return reply.page("sign-in.njk", { values: {}, ...context, organisationAccount: Boolean(options.openId) });
}

export async function registerSignInRoutes(
  app: FastifyInstance,
  services: Services,
  options: WebOptions,
): Promise<void> {
  app.get("/sign-in", async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    return showSignIn(reply, options, { next });
  });

  app.post(
    "/sign-in",
    {
      preHandler: app.csrfProtection,
      // Throttles password guessing from one address.
      config: { rateLimit: { max: options.signInAttemptsPerMinute ?? 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const body = request.body as { email?: string; password?: string; next?: string };
      const email = (body.email ?? "").trim();
      const errors: Record<string, string> = {};
      if (!email) errors.email = "Enter your email address";
      if (!body.password) errors.password = "Enter your password";
      if (Object.keys(errors).length === 0) {
        try {
          const user = await signIn(services, email, body.password ?? "");
          setSessionCookie(reply, user.sessionId, options);
          return reply.redirect(safeNext(body.next), 303);
        } catch (error) {
          if (!(error instanceof SignInError)) throw error;
          errors.email = error.message;
        }
      }
      return showSignIn(reply.status(400), options, { next: safeNext(body.next), values: { email }, errors });
    },
  );

  app.post("/sign-out", { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.user) await signOut(services, request.user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/sign-in", 303);
  });
}
