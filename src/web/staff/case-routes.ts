import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { acknowledgeComplaint } from "../../app/acknowledge-complaint.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { closeComplaint } from "../../app/close-complaint.ts";
import { extendDeadline } from "../../app/extend-deadline.ts";
import { requestEscalation } from "../../app/request-escalation.ts";
import type { Services } from "../../app/services.ts";
import { viewComplaint } from "../../app/view-complaint.ts";
import { withdrawComplaint } from "../../app/withdraw-complaint.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { handlePermission, type Permission } from "../../domain/access/permissions.ts";
import { ComplaintRuleError } from "../../domain/complaint/errors.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

const stage = z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)]));
const text = (message: string) => z.string({ error: message }).trim().min(1, message);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

interface ActionContext {
  services: Services;
  organisationId: string;
  reference: string;
  on: string;
  actor: string;
}

/** One staff action: the permission it needs, the form it reads, the use case it runs. */
interface Action<S extends z.ZodType> {
  permission: (currentStage: 1 | 2) => Permission;
  form: S;
  run: (ctx: ActionContext, data: z.infer<S>) => Promise<unknown>;
}

const action = <S extends z.ZodType>(a: Action<S>) => a;

const base = (ctx: ActionContext) => ({
  organisationId: ctx.organisationId,
  reference: ctx.reference,
  on: ctx.on,
});

export const ACTIONS = {
  acknowledge: action({
    permission: handlePermission,
    form: z.object({ stage }),
    run: (ctx, d) => acknowledgeComplaint(ctx.services, { ...base(ctx), stage: d.stage }, ctx.actor),
  }),
  "assign-handler": action({
    permission: handlePermission,
    form: z.object({ stage, handler: text("Enter the name of the person handling this stage") }),
    run: (ctx, d) =>
      assignHandler(ctx.services, { ...base(ctx), stage: d.stage, handler: d.handler }, ctx.actor),
  }),
  extend: action({
    permission: handlePermission,
    form: z.object({
      stage,
      workingDays: z.coerce
        .number({ error: "Enter the number of working days as a number, like 10" })
        .int("Enter a whole number of working days")
        .min(1, "The extension must be at least 1 working day")
        .max(120, "The extension must be 120 working days or fewer"),
      reason: text("Enter the reason for the extension: it is explained to the resident"),
      goodReason: optionalText,
    }),
    run: (ctx, d) =>
      extendDeadline(
        ctx.services,
        {
          ...base(ctx),
          stage: d.stage,
          workingDays: d.workingDays,
          reason: d.reason,
          ...(d.goodReason ? { goodReason: d.goodReason } : {}),
        },
        ctx.actor,
      ),
  }),
  escalate: action({
    // Any member of staff can record a resident's request: residents may ask anyone (Code 3.2), no reason needed (6.12).
    permission: () => "log-complaint",
    form: z.object({ whatIsStillWrong: optionalText }),
    run: (ctx, d) =>
      requestEscalation(
        ctx.services,
        { ...base(ctx), ...(d.whatIsStillWrong ? { whatIsStillWrong: d.whatIsStillWrong } : {}) },
        ctx.actor,
      ),
  }),
  withdraw: action({
    permission: handlePermission,
    form: z.object({ reason: optionalText }),
    run: (ctx, d) =>
      withdrawComplaint(ctx.services, { ...base(ctx), ...(d.reason ? { reason: d.reason } : {}) }, ctx.actor),
  }),
  close: action({
    permission: handlePermission,
    form: z.object({}),
    run: (ctx) => closeComplaint(ctx.services, base(ctx), ctx.actor),
  }),
};

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
  return reply.page("case.njk", { ...page, ...extra, done });
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
      const chosen = ACTIONS[name] as Action<z.ZodType> | undefined;
      if (!chosen) return reply.callNotFound();
      const user = userOf(request);
      // The complaint must exist in the user's own organisation before anything else is said about it.
      const page = await viewComplaint(services, user.organisationId, reference);
      requirePermission(request, chosen.permission(page.complaint.stage ?? 1));
      const values = (request.body ?? {}) as Record<string, unknown>;
      const parsed = chosen.form.safeParse(values);
      if (!parsed.success) {
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]),
        );
        return renderCase(services, request, reply.status(400), reference, {
          errors,
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
