import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { LOG_COMPLAINT } from "../actions/log-complaint-action.ts";
import { LETTER_FORMATS } from "../actions/party-inputs.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

const choices = {
  categories: COMPLAINT_CATEGORIES,
  channels: channelSchema.options,
  letterFormats: LETTER_FORMATS,
};

/** A domain rule about the receipt date is shown at the "date received" field. */
const formField = (field: string | undefined) => (field === "on" ? "receivedOn" : (field ?? "form"));

/** Logging a complaint at Stage 1 from any channel, for the resident or through a representative (Code 1.3, 3.2). */
export async function registerLogComplaintRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/complaints/new", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, LOG_COMPLAINT.permission(null));
    const values = { receivedOn: londonDateOf(services.clock()), raisedBy: "resident" };
    return reply.page("log-complaint.njk", { values, ...choices });
  });

  app.post("/complaints/new", { preHandler: [app.csrfProtection, requireUser] }, async (request, reply) => {
    requirePermission(request, LOG_COMPLAINT.permission(null));
    const user = userOf(request);
    const values = (request.body ?? {}) as FormValues;
    const show = (status: number, errors: Record<string, string>) =>
      reply.status(status).page("log-complaint.njk", { values, errors, ...choices });
    const ctx = {
      services,
      organisationId: user.organisationId,
      on: londonDateOf(services.clock()),
      actor: user.email,
    };
    const submitted = await submitForm(LOG_COMPLAINT, values, null, ctx, formField);
    if (!submitted.ok) return show(submitted.status, submitted.errors);
    return reply.redirect(`/complaints/${encodeURIComponent(submitted.result.reference)}?done=logged`, 303);
  });
}
