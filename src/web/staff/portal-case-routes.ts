import type { FastifyInstance } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewComplaint } from "../../app/view-complaint.ts";
import type { FormValues } from "../actions/action.ts";
import { PORTAL_ACTIONS } from "../actions/portal-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { renderCase } from "./case-routes.ts";

/** The case page's resident portal forms: email a follow link, stop one, write to the resident. */
export async function registerPortalCaseRoutes(
  app: FastifyInstance,
  services: Services,
  options: { publicUrl: string },
): Promise<void> {
  for (const [name, action] of Object.entries(PORTAL_ACTIONS)) {
    app.post<{ Params: { reference: string } }>(
      `/complaints/:reference/${name}`,
      { preHandler: [app.csrfProtection, requireUser] },
      async (request, reply) => {
        const user = userOf(request);
        // The complaint must exist in the user's own organisation before anything else is said about it.
        const page = await viewComplaint(services, user.organisationId, request.params.reference);
        requirePermission(request, action.permission(page));
        const values = (request.body ?? {}) as FormValues;
        const ctx = {
          services,
          organisationId: user.organisationId,
          reference: page.complaint.reference,
          on: page.today,
          actor: user.email,
          publicUrl: options.publicUrl,
        };
        const submitted = await submitForm(
          action as (typeof PORTAL_ACTIONS)["send-portal-link"],
          values,
          page,
          ctx,
        );
        if (!submitted.ok) {
          const { status, errors } = submitted;
          return renderCase(request, reply.status(status), page, { errors, values, openAction: name });
        }
        const reference = encodeURIComponent(page.complaint.reference);
        return reply.redirect(`/complaints/${reference}?done=${name}#resident-portal`, 303);
      },
    );
  }
}
