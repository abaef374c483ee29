import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { requireUser } from "../session.ts";
import { adminContext } from "./admin-context.ts";
import { registerCalendarAdminRoutes } from "./calendar-routes.ts";
import { registerLetterTemplateAdminRoutes } from "./letter-template-routes.ts";
import { registerPolicyAdminRoutes } from "./policy-routes.ts";
import { registerUserAdminRoutes } from "./users-routes.ts";

/** The administration pages (permission `administer`): users, the policy pack, the calendar, letter templates. */
export async function registerAdminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/admin", { preHandler: requireUser }, async (request, reply) => {
    adminContext(services, request);
    return reply.redirect("/admin/users", 303);
  });
  await registerUserAdminRoutes(app, services);
  await registerPolicyAdminRoutes(app, services);
  await registerCalendarAdminRoutes(app, services);
  await registerLetterTemplateAdminRoutes(app, services);
}
