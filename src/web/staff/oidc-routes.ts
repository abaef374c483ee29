import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { OpenIdError } from "../../adapters/openid-connect.ts";
import { OrganisationAccountError, signInWithOrganisationAccount } from "../../app/sign-in.ts";
import type { Services } from "../../app/services.ts";
import type { WebOptions } from "../app.ts";
import { safeNext, setSessionCookie, showSignIn } from "./sign-in-routes.ts";

/** Carries state, nonce and PKCE verifier from leaving for the provider to coming back: signed, short-lived. */
const PENDING_COOKIE = "redress_oidc";
const PENDING_PATH = "/sign-in/oidc";
const PENDING_MINUTES = 10;

const pendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  next: z.string(),
});

const NOT_WORKING =
  "Signing in with your organisation account did not work. Try again, or sign in with your email address and password.";

/**
 * Sign-in with an organisation account (OpenID Connect, e.g. Microsoft Entra ID), when configured: send the
 * browser to the provider, check what it brings back, and start the same session a password sign-in does.
 */
export async function registerOidcRoutes(
  app: FastifyInstance,
  services: Services,
  options: WebOptions,
): Promise<void> {
  const relyingParty = options.openId;
  if (!relyingParty) return;
  const refuse = (reply: FastifyReply, status: number, next: string, message: string) =>
    showSignIn(reply.status(status), options, { next, errors: { organisationAccount: message } });

  // A link, not a form: leaving for the provider is a plain navigation (the CSP's form-action stays 'self').
  app.get(PENDING_PATH, async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    let started;
    try {
      started = await relyingParty.begin();
    } catch (error) {
      if (!(error instanceof OpenIdError)) throw error;
      request.log.warn(error);
      return refuse(reply, 503, next, NOT_WORKING);
    }
    reply.setCookie(PENDING_COOKIE, JSON.stringify({ ...started.pending, next }), {
      signed: true,
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET from its own site.
      sameSite: "lax",
      path: PENDING_PATH,
      secure: options.secureCookies ?? false,
      maxAge: PENDING_MINUTES * 60,
    });
    return reply.redirect(started.url, 303);
  });

  app.get(`${PENDING_PATH}/callback`, async (request, reply) => {
    const pending = readPending(request);
    // Used once: whatever happens next, this sign-in attempt is over.
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    if (!pending) {
      return refuse(
        reply,
        400,
        "/caseload",
        "Signing in took too long, or was started in another window. Try again.",
      );
    }
    const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
    let identity;
    try {
      identity = await relyingParty.complete(query, pending);
    } catch (error) {
      if (!(error instanceof OpenIdError)) throw error;
      request.log.warn(error);
      return refuse(reply, 400, pending.next, NOT_WORKING);
    }
    try {
      const user = await signInWithOrganisationAccount(services, identity);
      setSessionCookie(reply, user.sessionId, options);
      return reply.redirect(safeNext(pending.next), 303);
    } catch (error) {
      if (!(error instanceof OrganisationAccountError)) throw error;
      return refuse(reply, 403, pending.next, error.message);
    }
  });
}

function readPending(request: FastifyRequest): z.infer<typeof pendingSchema> | null {
  const cookie = request.cookies[PENDING_COOKIE];
  const unsigned = cookie ? request.unsignCookie(cookie) : null;
  if (!unsigned?.valid || !unsigned.value) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
