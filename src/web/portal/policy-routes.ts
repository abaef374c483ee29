import type { FastifyInstance } from "fastify";
import { organisationOf, portalPage, throttled, type PortalOptions } from "./portal-plugin.ts";
import { complaintsPolicyView } from "./policy-view.ts";

/** The landlord's complaints policy as a page residents can read (Code 3.4, 3.5), from its pack in force. */
export async function registerPolicyRoutes(portal: FastifyInstance, options: PortalOptions): Promise<void> {
  portal.get("/complaints-policy", { config: throttled(options) }, async (request, reply) =>
    portalPage(reply, "portal/complaints-policy.njk", {
      policy: complaintsPolicyView(organisationOf(request)),
    }),
  );
}
