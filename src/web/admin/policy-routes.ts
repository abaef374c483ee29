import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewPolicy } from "../../app/view-policy.ts";
import { requireUser } from "../session.ts";
import { adminContext } from "./admin-context.ts";

/** The policy pack the administrator's organisation runs, checked against the Code. */
export async function registerPolicyAdminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/admin/policy", { preHandler: requireUser }, async (request, reply) => {
    const ctx = adminContext(services, request);
    return reply.page("admin/policy.njk", await viewPolicy(services, ctx.organisationId));
  });
}
