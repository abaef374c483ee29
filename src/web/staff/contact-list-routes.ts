import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Services } from "../../app/services.ts";
import { viewContacts } from "../../app/view-contacts.ts";
import { CONTACT_KINDS } from "../actions/contact-actions.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { KIND_LABELS } from "./contact-view.ts";

const contactsQuery = z.object({
  kind: z.enum(["all", ...CONTACT_KINDS]).catch("all"),
  status: z.enum(["open", "closed", "all"]).catch("open"),
  page: z.coerce.number().int().min(1).catch(1),
});

/** Every contact of the organisation, still-open oldest first, filtered by kind and status, with counts. */
export async function registerContactListRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/contacts", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, "read");
    const { kind, status, page } = contactsQuery.parse(request.query ?? {});
    const contacts = await viewContacts(services, {
      organisationId: userOf(request).organisationId,
      ...(kind === "all" ? {} : { kind }),
      status,
      page,
    });
    return reply.page("contacts.njk", { ...contacts, kind, status, kindLabels: KIND_LABELS });
  });
}
