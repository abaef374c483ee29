import { z } from "zod";
import { revokeFollowLink } from "../../app/revoke-follow-link.ts";
import { sendFollowLink } from "../../app/send-follow-link.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import { writeToResident } from "../../app/write-to-resident.ts";
import { optionalText, requiredText, type Action } from "./action.ts";
import type { ComplaintActionContext } from "./complaint-action.ts";

/** What staff do on the case page about the resident portal: the public address goes into links. */
export interface PortalActionContext extends ComplaintActionContext {
  publicUrl: string;
}

const complaintOf = (ctx: PortalActionContext) => ({
  organisationId: ctx.organisationId,
  reference: ctx.reference,
});

type PortalAction<S extends z.ZodType> = Action<ComplaintPage, PortalActionContext, S>;
const portalAction = <S extends z.ZodType>(a: PortalAction<S>): PortalAction<S> => a;

/** Staff actions about the resident portal (not yet in the JSON API). */
export const PORTAL_ACTIONS = {
  "send-portal-link": portalAction({
    summary: "Email a link to follow the complaint on the resident portal (a new link each time)",
    permission: () => "log-complaint",
    input: z.object({
      /** Where to send it; the representative's email, else the resident's, when not given. */
      to: optionalText.pipe(z.email("Enter an email address like name@example.com").optional()),
    }),
    run: (ctx, d) =>
      sendFollowLink(
        ctx.services,
        { ...complaintOf(ctx), ...(d.to ? { to: d.to } : {}), publicUrl: ctx.publicUrl },
        ctx.actor,
      ),
  }),
  "revoke-portal-link": portalAction({
    summary: "Stop a follow link working",
    permission: () => "log-complaint",
    input: z.object({ linkId: z.uuid({ error: "Choose a link to stop" }) }),
    run: (ctx, d) => revokeFollowLink(ctx.services, { ...complaintOf(ctx), linkId: d.linkId }, ctx.actor),
  }),
  "write-to-resident": portalAction({
    summary: "Write to the resident on the portal (emailed to them with a link, when there is an address)",
    permission: () => "log-complaint",
    input: z.object({
      body: requiredText("Write the message to the resident").pipe(
        z.string().max(10_000, "The message must be 10,000 characters or fewer"),
      ),
    }),
    run: (ctx, d) =>
      writeToResident(
        ctx.services,
        { ...complaintOf(ctx), body: d.body, publicUrl: ctx.publicUrl },
        ctx.actor,
      ),
  }),
};
