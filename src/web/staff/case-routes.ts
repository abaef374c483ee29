import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewComplaint, type ComplaintPage } from "../../app/view-complaint.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";
import { ACTION_ROWS, currentIssues, REMEDY_ROWS } from "../actions/response-actions.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { caseView } from "./case-view.ts";

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  openAction?: string;
}

export function renderCase(
  request: FastifyRequest,
  reply: FastifyReply,
  page: ComplaintPage,
  shown: Shown = {},
) {
  const done = (request.query as { done?: string } | undefined)?.done;
  return reply.page("case.njk", {
    ...page,
    ...caseView(page, userOf(request).role),
    ...shown,
    values: shown.values ?? {},
    done,
    issues: currentIssues(page),
    remedyRows: REMEDY_ROWS,
    actionRows: ACTION_ROWS,
    categories: COMPLAINT_CATEGORIES,
  });
}

export async function registerCaseRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { reference: string } }>(
    "/complaints/:reference",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      const page = await viewComplaint(services, userOf(request).organisationId, request.params.reference);
      return renderCase(request, reply, page);
    },
  );

  app.post<{ Params: { reference: string; action: string } }>(
    "/complaints/:reference/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const name = request.params.action;
      const action = Object.hasOwn(COMPLAINT_ACTIONS, name) ? COMPLAINT_ACTIONS[name] : undefined;
      if (!action) return reply.callNotFound();
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
      };
      const submitted = await submitForm(action, values, page, ctx);
      if (!submitted.ok) {
        const { status, errors } = submitted;
        return renderCase(request, reply.status(status), page, { errors, values, openAction: name });
      }
      return reply.redirect(`/complaints/${encodeURIComponent(page.complaint.reference)}?done=${name}`, 303);
    },
  );
}
