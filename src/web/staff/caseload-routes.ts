import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Services } from "../../app/services.ts";
import { viewCaseload } from "../../app/view-caseload.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

const caseloadQuery = z.object({
  view: z.enum(["mine", "team"]).catch("team"),
  filter: z.enum(["all", "overdue", "due-soon", "extended", "stage2", "hazard"]).catch("all"),
});

export async function registerCaseloadRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/caseload", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, "read");
    const user = userOf(request);
    const { view, filter } = caseloadQuery.parse(request.query ?? {});
    const caseload = await viewCaseload(services, {
      organisationId: user.organisationId,
      filter,
      ...(view === "mine" ? { handler: { name: user.name, email: user.email } } : {}),
    });
    return reply.page("caseload.njk", { ...caseload, view, filter });
  });
}
