import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { searchComplaints } from "../../app/search-complaints.ts";
import type { Services } from "../../app/services.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

const searchQuery = z.object({ q: z.string().catch("") });

/** Finding a complaint by reference, resident or words, in the user's own organisation only. */
export async function registerSearchRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/search", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, "read");
    const { q } = searchQuery.parse(request.query ?? {});
    const results = await searchComplaints(services, {
      organisationId: userOf(request).organisationId,
      text: q,
    });
    return reply.page("search.njk", results);
  });
}
