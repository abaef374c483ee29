import { randomBytes } from "node:crypto";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { OpenIdRelyingParty } from "../adapters/openid-connect.ts";
import type { Services } from "../app/services.ts";
import { can } from "../domain/access/permissions.ts";
import { registerAdminRoutes } from "./admin/admin-routes.ts";
import { registerGovernanceRoutes } from "./governance/governance-routes.ts";
import { apiPlugin } from "./api/plugin.ts";
import { renderError } from "./errors.ts";
import { registerPortal } from "./portal/portal-plugin.ts";
import { loadUser } from "./session.ts";
import { registerAttachmentRoutes } from "./staff/attachment-routes.ts";
import { registerCaseRoutes } from "./staff/case-routes.ts";
import { registerCaseloadRoutes } from "./staff/caseload-routes.ts";
import { registerContactListRoutes } from "./staff/contact-list-routes.ts";
import { registerContactRoutes } from "./staff/contact-routes.ts";
import { registerLogComplaintRoutes } from "./staff/log-complaint-routes.ts";
import { registerLetterRoutes } from "./staff/letter-routes.ts";
import { registerLogContactRoutes } from "./staff/log-contact-routes.ts";
import { registerPortalCaseRoutes } from "./staff/portal-case-routes.ts";
import { registerPeriodicReportRoutes } from "./staff/periodic-report-routes.ts";
import { registerReportRoutes } from "./staff/report-routes.ts";
import { registerSearchRoutes } from "./staff/search-routes.ts";
import { registerSentMailRoutes } from "./staff/sent-mail-routes.ts";
import { registerOidcRoutes } from "./staff/oidc-routes.ts";
import { registerSignInRoutes } from "./staff/sign-in-routes.ts";
import { registerUploads } from "./uploads.ts";
import { createViewEnvironment, GOVUK_DIST } from "./views.ts";
import type { TrustedProxies } from "../config.ts";

export interface WebOptions {
  /** Signs the session cookie. Random per process when not given (sessions then end on restart). */
  cookieSecret?: string;
  /** Send cookies only over HTTPS (on in production behind TLS). */
  secureCookies?: boolean;
  /** Sign-in attempts allowed per minute from one address (password-guessing throttle). */
  signInAttemptsPerMinute?: number;
  /** Sign-in with an organisation account (OpenID Connect), when configured. */
  openId?: OpenIdRelyingParty;
  logger?: boolean;
  /** API requests allowed per minute for one token. */
  apiRequestsPerMinute?: number;
  /** The public address of Redress, for links emailed to residents (REDRESS_PUBLIC_URL). */
  publicUrl?: string;
  /** Proxies believed about a visitor's address (REDRESS_TRUST_PROXY); by default none. */
  trustProxy?: TrustedProxies;
  /** Requests allowed per minute from one address to each resident portal page. */
  portalRequestsPerMinute?: number;
}

/**
 * The web tier: thin routes over the use cases, GOV.UK Design System pages rendered on the server (they
 * work with JavaScript off), CSRF on every form, security headers, and sign-in throttling.
 */
export async function buildApp(services: Services, options: WebOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false });
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    // style-src 'self': with nonces on, Helmet would otherwise allow only nonced styles, and browsers that
    // enforce the policy would refuse govuk-frontend's stylesheet (every page unstyled).
    contentSecurityPolicy: {
      directives: { "script-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'", "data:"] },
    },
  });
  await app.register(fastifyCookie, { secret: options.cookieSecret ?? randomBytes(32).toString("hex") });
  await app.register(fastifyCsrf, {
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: options.secureCookies ?? false,
    },
  });
  await app.register(fastifyFormbody);
  await registerUploads(app);
  await app.register(fastifyRateLimit, { global: false });
  // Pages render through one Nunjucks environment: autoescaped, with govuk-frontend's templates on its path.
  const env = createViewEnvironment();
  app.decorateReply(
    "page",
    function (this: import("fastify").FastifyReply, template: string, context: object = {}) {
      const html = env.render(template, {
        // Every page may carry a form (sign out, at least), so every page gets a CSRF token.
        csrfToken: this.generateCsrf(),
        ...context,
        user: this.request.user,
        canAdminister: this.request.user ? can(this.request.user.role, "administer") : false,
        canOverseeMessages: this.request.user ? can(this.request.user.role, "oversee-messages") : false,
        canReadGovernance: this.request.user ? can(this.request.user.role, "read-governance") : false,
        cspNonce: (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script,
        currentPath: this.request.url,
      });
      return this.type("text/html; charset=utf-8").send(html);
    },
  );
  await app.register(fastifyStatic, { root: join(GOVUK_DIST, "govuk", "assets"), prefix: "/assets/" });
  await app.register(fastifyStatic, {
    root: join(GOVUK_DIST, "govuk"),
    prefix: "/govuk/",
    decorateReply: false,
  });

  app.decorateRequest("user", null);
  // Before the body is read, so an upload refused while it is read still knows who sent it.
  app.addHook("onRequest", loadUser(services));
  app.setErrorHandler((error, request, reply) => renderError(error, request, reply));
  app.setNotFoundHandler((request, reply) => renderError({ statusCode: 404 }, request, reply));

  app.get("/", async (request, reply) => reply.redirect(request.user ? "/caseload" : "/sign-in", 303));
  app.get("/health", async () => ({ status: "ok" }));
  await registerSignInRoutes(app, services, options);
  await registerOidcRoutes(app, services, options);
  await registerCaseloadRoutes(app, services);
  // Before the case routes, so "/complaints/new" is never read as a reference.
  await registerLogComplaintRoutes(app, services);
  await registerAttachmentRoutes(app, services);
  await registerPortalCaseRoutes(app, services, portalOptions(options));
  await registerLetterRoutes(app, services);
  await registerCaseRoutes(app, services);
  await registerSearchRoutes(app, services);
  await registerContactListRoutes(app, services);
  await registerLogContactRoutes(app, services);
  await registerContactRoutes(app, services);
  await registerAdminRoutes(app, services);
  await registerSentMailRoutes(app, services);
  await registerGovernanceRoutes(app, services);
  await registerReportRoutes(app, services);
  await registerPeriodicReportRoutes(app, services);
  // The resident portal (/o/{organisationId}/...): no account, its own layout, throttled per address.
  await registerPortal(app, services, portalOptions(options));
  // The JSON API: bearer tokens only (no session cookie, no CSRF), its own validation and OpenAPI document.
  await app.register(apiPlugin(services, { requestsPerMinute: options.apiRequestsPerMinute }), {
    prefix: "/api/v1",
  });
  return app;
}

function portalOptions(options: WebOptions) {
  return {
    publicUrl: options.publicUrl ?? "http://localhost:3000",
    secureCookies: options.secureCookies ?? false,
    ...(options.portalRequestsPerMinute ? { requestsPerMinute: options.portalRequestsPerMinute } : {}),
  };
}

declare module "fastify" {
  interface FastifyReply {
    /** Renders a page with the signed-in user, the CSP nonce and the current path in its context. */
    page(template: string, context?: object): FastifyReply;
  }
}
