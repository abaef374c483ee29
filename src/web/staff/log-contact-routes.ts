import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { CONTACT_KINDS, LOG_CONTACT } from "../actions/contact-actions.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { KIND_LABELS } from "./contact-view.ts";

const choices = {
  kinds: CONTACT_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind] })),
  channels: channelSchema.options,
};

/** Logging any contact: service request, complaint, feedback or compliment (Code 1.4: every one is recorded). */
export async function registerLogContactRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/contacts/new", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, LOG_CONTACT.permission(null));
    return reply.page("log-contact.njk", { values: {}, ...choices });
  });

  app.post("/contacts/new", { preHandler: [app.csrfProtection, requireUser] }, async (request, reply) => {
    requirePermission(request, LOG_CONTACT.permission(null));
    const user = userOf(request);
    const values = (request.body ?? {}) as FormValues;
    const show = (status: number, errors: Record<string, string>) =>
      reply.status(status).page("log-contact.njk", { values, errors, ...choices });
    const ctx = {
      services,
      organisationId: user.organisationId,
      on: londonDateOf(services.clock()),
      actor: user.email,
    };
    const submitted = await submitForm(LOG_CONTACT, values, null, ctx);
    if (!submitted.ok) return show(submitted.status, submitted.errors);
    return reply.redirect(`/contacts/${submitted.result.contactId}?done=logged`, 303);
  });
}
