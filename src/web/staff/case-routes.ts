import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewComplaint } from "../../app/view-complaint.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { ComplaintRuleError } from "../../domain/complaint/errors.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import type { Action } from "./actions.ts";
import { ACTION_ROWS, currentIssues, REMEDY_ROWS, RESPONSE_ACTIONS } from "./response-actions.ts";
import { STAGE_ACTIONS } from "./stage-actions.ts";

export const ACTIONS = { ...STAGE_ACTIONS, ...RESPONSE_ACTIONS };
type ActionName = keyof typeof ACTIONS;

async function renderCase(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  extra: { errors?: Record<string, string>; values?: Record<string, unknown>; openAction?: string } = {},
) {
  const user = userOf(request);
  const page = await viewComplaint(services, user.organisationId, reference);
  const done = (request.query as { done?: string } | undefined)?.done;
  return reply.page("case.njk", {
    ...page,
    ...extra,
    done,
    issues: currentIssues(page),
    remedyRows: REMEDY_ROWS,
    actionRows: ACTION_ROWS,
  });
}

export async function registerCaseRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { reference: string } }>(
    "/complaints/:reference",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      return renderCase(services, request, reply, request.params.reference);
    },
  );

  app.post<{ Params: { reference: string; action: string } }>(
    "/complaints/:reference/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const { reference } = request.params;
      const name = request.params.action as ActionName;
      const chosen = ACTIONS[name] as Action<unknown> | undefined;
      if (!chosen) return reply.callNotFound();
      const user = userOf(request);
      // The complaint must exist in the user's own organisation before anything else is said about it.
      const page = await viewComplaint(services, user.organisationId, reference);
      requirePermission(request, chosen.permission(page.complaint.stage ?? 1));
      const values = (request.body ?? {}) as Record<string, unknown>;
      const parsed = chosen.parse(values, page);
      if (!parsed.ok) {
        return renderCase(services, request, reply.status(400), reference, {
          errors: parsed.errors,
          values,
          openAction: name,
        });
      }
      try {
        const ctx = {
          services,
          organisationId: user.organisationId,
          reference,
          on: londonDateOf(services.clock()),
          actor: user.email,
        };
        await chosen.run(ctx, parsed.data);
      } catch (error) {
        if (!(error instanceof ComplaintRuleError)) throw error;
        const errors = { [error.field ?? "form"]: error.message };
        return renderCase(services, request, reply.status(422), reference, {
          errors,
          values,
          openAction: name,
        });
      }
      return reply.redirect(`/complaints/${encodeURIComponent(page.complaint.reference)}?done=${name}`, 303);
    },
  );
}
