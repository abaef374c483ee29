import { z } from "zod";
import { requeueMessage } from "../../app/manage-outbox.ts";
import { markLetterPosted } from "../../app/mark-posted.ts";
import type { SentMessage } from "../../store/sent-mail-list.ts";
import type { Action, ActionContext } from "./action.ts";

export type MessageAction<S extends z.ZodType = z.ZodType> = Action<SentMessage, ActionContext, S>;
const messageAction = <S extends z.ZodType>(a: MessageAction<S>): MessageAction<S> => a;

/** What the complaints team can do to a message on the sent mail page, by the name used in the form URLs. */
export const MESSAGE_ACTIONS = {
  "send-again": messageAction({
    summary: "Send a dead message again, with a fresh set of attempts (as `redress outbox requeue`)",
    permission: () => "oversee-messages",
    input: z.object({}),
    run: (ctx, _d, message) => requeueMessage(ctx.services, ctx.organisationId, message.id),
  }),
  "mark-posted": messageAction({
    summary: "Record that a letter in the print queue has been printed and posted",
    permission: () => "oversee-messages",
    input: z.object({}),
    run: (ctx, _d, message) =>
      markLetterPosted(ctx.services, { organisationId: ctx.organisationId, id: message.id }, ctx.actor),
  }),
};

export type MessageActionName = keyof typeof MESSAGE_ACTIONS;
