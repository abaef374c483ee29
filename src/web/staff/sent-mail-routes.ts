import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Services } from "../../app/services.ts";
import { viewSentMail, viewSentMessage } from "../../app/view-sent-mail.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import type { ActionContext, FormValues } from "../actions/action.ts";
import { MESSAGE_ACTIONS, type MessageActionName } from "../actions/message-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  done: z.enum(["send-again", "mark-posted"]).optional().catch(undefined),
});

/** A message number from the URL; anything else is a plain 404, like another organisation's message. */
const messageId = (raw: string): number => (/^\d{1,15}$/.test(raw) ? Number(raw) : 0);

/** The complaints team's (and administrators') context: their own organisation only, never another. */
function messagesContext(services: Services, request: FastifyRequest): ActionContext {
  requirePermission(request, "oversee-messages");
  const user = userOf(request);
  return {
    services,
    organisationId: user.organisationId,
    on: londonDateOf(services.clock()),
    actor: user.email,
  };
}

/**
 * The sent mail page: every letter, email and alert the organisation's outbox handed over (or kept, when no
 * mail server is configured), messages not delivered with their last error and "send again", and the
 * print queue with "mark as posted".
 */
export async function registerSentMailRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/sent-mail", { preHandler: requireUser }, async (request, reply) => {
    const ctx = messagesContext(services, request);
    const { page, done } = pageQuery.parse(request.query ?? {});
    return reply.page("sent-mail.njk", { ...(await viewSentMail(services, ctx.organisationId, page)), done });
  });

  app.get<{ Params: { id: string } }>(
    "/sent-mail/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      const ctx = messagesContext(services, request);
      const { done } = pageQuery.parse(request.query ?? {});
      const message = await viewSentMessage(services, ctx.organisationId, messageId(request.params.id));
      return reply.page("sent-mail-message.njk", { message, done });
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    "/sent-mail/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      if (!Object.hasOwn(MESSAGE_ACTIONS, request.params.action)) return reply.callNotFound();
      const name = request.params.action as MessageActionName;
      const ctx = messagesContext(services, request);
      // The message must be one of the user's own organisation before anything else is said about it.
      const message = await viewSentMessage(services, ctx.organisationId, messageId(request.params.id));
      requirePermission(request, MESSAGE_ACTIONS[name].permission(message));
      const submitted = await submitForm(
        MESSAGE_ACTIONS[name],
        (request.body ?? {}) as FormValues,
        message,
        ctx,
      );
      // These actions take no input, so a refusal can only be a broken rule: show it on the message's page.
      if (!submitted.ok) {
        const error = Object.values(submitted.errors)[0];
        return reply.status(submitted.status).page("sent-mail-message.njk", { message, error });
      }
      const back = (request.body as { back?: string } | undefined)?.back === "message";
      return reply.redirect(back ? `/sent-mail/${message.id}?done=${name}` : `/sent-mail?done=${name}`, 303);
    },
  );
}
