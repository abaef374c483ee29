import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewPortalOrganisation, type PortalOrganisation } from "../../app/view-portal-organisation.ts";
import { statusOf } from "../errors.ts";
import { registerComplainRoutes } from "./complain-routes.ts";
import { registerFollowRoutes } from "./follow-routes.ts";
import { registerPolicyRoutes } from "./policy-routes.ts";

export interface PortalOptions {
  /** The public address of this Redress: the start of every link emailed to residents. */
  publicUrl: string;
  /** Requests allowed per minute from one address to each portal page (the portal is open to anyone). */
  requestsPerMinute?: number;
  /** Send cookies only over HTTPS. */
  secureCookies?: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The landlord a portal address names (`/o/{organisationId}/...`), loaded before anything else. */
    portalOrganisation: PortalOrganisation | null;
  }
}

/** The landlord of a portal request: its routes run only once it is known. */
export function organisationOf(request: FastifyRequest): PortalOrganisation {
  if (!request.portalOrganisation) throw new Error("the portal's organisation is loaded on every request");
  return request.portalOrganisation;
}

/** A portal page: its own layout (the landlord's name, no staff navigation), with the landlord in context. */
export function portalPage(reply: FastifyReply, template: string, context: object = {}): FastifyReply {
  const org = organisationOf(reply.request);
  return reply.page(template, { org, base: `/o/${encodeURIComponent(org.id)}`, ...context });
}

/** Every portal route: throttled per address, like sign-in. */
export const throttled = (options: PortalOptions) => ({
  rateLimit: { max: options.requestsPerMinute ?? 60, timeWindow: "1 minute" },
});

/** What went wrong, in words for a resident; nothing about any complaint or organisation is revealed. */
const PROBLEMS: Record<number, { title: string; message: string }> = {
  400: {
    title: "There is a problem",
    message: "Something in the request was not right. Go back and try again.",
  },
  403: {
    title: "The form could not be sent",
    message:
      "This can happen when a page has been open for a long time. Go back, reload the page and send the form again.",
  },
  404: { title: "Page not found", message: "If you typed the web address, check it is correct." },
  413: { title: "Too much was sent", message: "Go back and choose fewer or smaller files." },
  429: {
    title: "Too many requests",
    message: "There have been too many requests from your connection. Wait a minute, then try again.",
  },
  500: {
    title: "Sorry, there is a problem with the service",
    message: "Try again later. If you were sending a complaint or a message, it may not have been sent.",
  },
};

async function showProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const status = statusOf(error);
  if (status >= 500) request.log.error(error);
  const problem = PROBLEMS[status] ?? (status >= 500 ? PROBLEMS[500] : PROBLEMS[400]);
  return reply.status(status).page("portal/problem.njk", {
    ...problem,
    org: request.portalOrganisation,
    base: request.portalOrganisation ? `/o/${encodeURIComponent(request.portalOrganisation.id)}` : null,
  });
}

/**
 * The resident portal, under `/o/{organisationId}`: making a complaint, following it through an emailed link,
 * and the landlord's complaints policy. No account or password. An unknown organisation is a plain 404.
 */
export async function registerPortal(
  app: FastifyInstance,
  services: Services,
  options: PortalOptions,
): Promise<void> {
  await app.register(
    async (portal) => {
      portal.decorateRequest("portalOrganisation", null);
      portal.addHook("onRequest", async (request) => {
        const { organisationId } = request.params as { organisationId?: string };
        request.portalOrganisation = await viewPortalOrganisation(services, organisationId ?? "");
      });
      portal.setErrorHandler(showProblem);
      portal.setNotFoundHandler((request, reply) => showProblem({ statusCode: 404 }, request, reply));
      await registerComplainRoutes(portal, services, options);
      await registerFollowRoutes(portal, services, options);
      await registerPolicyRoutes(portal, options);
    },
    { prefix: "/o/:organisationId" },
  );
}
