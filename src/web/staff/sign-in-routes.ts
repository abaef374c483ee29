import type { FastifyInstance } from "fastify";
import { signIn, signOut, SignInError, SESSION_IDLE_MINUTES } from "../../app/sign-in.ts";
import type { Services } from "../../app/services.ts";
import type { WebOptions } from "../app.ts";
import { SESSION_COOKIE } from "../session.ts";

/** Only same-site paths may be returned to after signing in. */
function safeNext(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/caseload";
}

export async function registerSignInRoutes(
  app: FastifyInstance,
  services: Services,
  options: WebOptions,
): Promise<void> {
  app.get("/sign-in", async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    return reply.page("sign-in.njk", { next, values: {} });
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
          reply.setCookie(SESSION_COOKIE, user.sessionId, {
            signed: true,
            httpOnly: true,
            sameSite: "lax",
            path: "/",
            secure: options.secureCookies ?? false,
            maxAge: SESSION_IDLE_MINUTES * 60,
          });
          return reply.redirect(safeNext(body.next), 303);
        } catch (error) {
          if (!(error instanceof SignInError)) throw error;
          errors.email = error.message;
        }
      }
      return reply.status(400).page("sign-in.njk", { next: safeNext(body.next), values: { email }, errors });
    },
  );

  app.post("/sign-out", { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.user) await signOut(services, request.user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/sign-in", 303);
  });
}
