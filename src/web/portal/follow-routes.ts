import type { FastifyInstance, FastifyReply } from "fastify";
import { renderLetter } from "../../adapters/letter-renderer.ts";
import { addResidentMessage } from "../../app/add-resident-message.ts";
import { issuedLetterPdf } from "../../app/letter-pdf.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { sendDownload } from "../downloads.ts";
import { holdPortalFiles, listHeldFiles } from "../../app/hold-portal-files.ts";
import { renewFollowLink } from "../../app/renew-follow-link.ts";
import type { Services } from "../../app/services.ts";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { FOLLOW_LINK_DAYS } from "../../app/follow-links.ts";
import { str, type FormValues } from "../actions/action.ts";
import { registerFollowActionRoutes } from "./follow-action-routes.ts";
import {
  followPathOf,
  openOrExplain,
  type FollowParams,
  type FollowRequest,
  type OpenedLink,
} from "./follow-link.ts";
import { followView } from "./follow-view.ts";
import {
  checkChosenFiles,
  draftOf,
  endDraft,
  keptFiles,
  MAX_PORTAL_FILES,
  portalMultipart,
  startDraft,
} from "./portal-files.ts";
import { errorListOf } from "./portal-errors.ts";
import { organisationOf, portalPage, throttled, type PortalOptions } from "./portal-plugin.ts";

type Params = FollowParams;

/**
 * Following a complaint through the link emailed to the resident: the follow page, adding information, asking
 * for Stage 2 and the closing survey. Everything happens to the link's own complaint, whatever else is sent.
 */
export async function registerFollowRoutes(
  portal: FastifyInstance,
  services: Services,
  options: PortalOptions,
): Promise<void> {
  await portal.register(
    async (follow) => {
      // The address is the key to the complaint: never cached, never indexed, never sent on as a referrer.
      follow.addHook("onSend", async (_request, reply) => {
        reply.header("cache-control", "no-store");
        reply.header("x-robots-tag", "noindex, nofollow");
      });
      const config = throttled(options);
      const pathOf = followPathOf;
      const open = (request: FollowRequest, reply: FastifyReply) => openOrExplain(services, request, reply);

      const showFollow = async (
        request: FollowRequest,
        reply: FastifyReply,
        opened: OpenedLink,
        shown: { values?: object; errors?: Record<string, string>; fileErrors?: string[] } = {},
      ) => {
        const draft = draftOf(request);
        const held = draft ? await listHeldFiles(services, organisationOf(request).id, draft) : [];
        return portalPage(reply, "portal/follow.njk", {
          view: followView(opened.page),
          followPath: pathOf(request),
          done: (request.query as { done?: string }).done,
          held,
          values: shown.values ?? {},
          errors: shown.errors ?? {},
          errorList: errorListOf(
            shown.errors ?? {},
            [
              ["message", "message"],
              ["files", "files"],
            ],
            shown.fileErrors,
          ),
          attachmentTypes: [...new Set(Object.values(ATTACHMENT_TYPES))].join(", "),
          maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
          maxFiles: MAX_PORTAL_FILES,
          // Issued letters only (a draft is not the resident's yet), each reachable only under this link.
          letters: opened.page.letters
            .filter((l) => l.status === "issued" && l.issuedAt)
            .map((l) => ({
              title: l.document.title,
              issuedOn: londonDateOf(l.issuedAt as Date),
              href: `${pathOf(request)}/letters/${l.id}/pdf`,
              largePrintHref: `${pathOf(request)}/letters/${l.id}/pdf?large-print=yes`,
            })),
        });
      };

      follow.get<{ Params: Params & { letterId: string }; Querystring: { "large-print"?: string } }>(
        "/letters/:letterId/pdf",
        { config },
        async (request, reply) => {
          const opened = await open(request, reply);
          if (!opened) return reply;
          const large = request.query["large-print"];
          const file = await issuedLetterPdf(services, renderLetter, {
            organisationId: organisationOf(request).id,
            // The link's own complaint: a letter of any other complaint is not found.
            reference: opened.page.complaint.reference,
            letterId: request.params.letterId,
            ...(large ? { largePrint: large === "yes" } : {}),
          });
          return sendDownload(reply, {
            fileName: file.fileName,
            contentType: "application/pdf",
            body: file.pdf,
          });
        },
      );

      follow.get<{ Params: Params }>("/", { config }, async (request, reply) => {
        const opened = await open(request, reply);
        return opened ? showFollow(request, reply, opened) : reply;
      });

      follow.post<{ Params: Params }>(
        "/messages",
        { preHandler: follow.csrfProtection, config: { ...config, ...portalMultipart } },
        async (request, reply) => {
          const opened = await open(request, reply);
          if (!opened) return reply;
          const org = organisationOf(request);
          const body = (request.body ?? {}) as FormValues;
          const message = str(body.message);
          let draft = draftOf(request);
          const held = draft ? await listHeldFiles(services, org.id, draft) : [];
          const keep = keptFiles(body, held);
          const chosen = await checkChosenFiles(body.files, MAX_PORTAL_FILES - keep.length);
          const errors: Record<string, string> = {};
          if (!message && keep.length + chosen.accepted.length === 0 && chosen.refused.length === 0)
            errors.message = "Write a message or choose a file to send";
          if (message.length > 10_000) errors.message = "Your message must be 10,000 characters or fewer";
          if (Object.keys(errors).length > 0 || chosen.refused.length > 0) {
            if (chosen.accepted.length > 0 && !draft)
              draft = startDraft(reply, pathOf(request), options.secureCookies ?? false);
            if (draft)
              await holdPortalFiles(services, {
                organisationId: org.id,
                draftId: draft,
                files: chosen.accepted,
                keep,
              });
            return showFollow(request, reply.status(400), opened, {
              values: { message },
              errors,
              fileErrors: chosen.refused,
            });
          }
          const { link } = opened;
          await addResidentMessage(services, {
            organisationId: org.id,
            link: {
              id: link.id,
              complaintId: link.complaintId,
              reference: link.reference,
              sentTo: link.sentTo,
            },
            body: message,
            files: chosen.accepted,
            ...(draft ? { held: { draftId: draft, ids: keep } } : {}),
          });
          if (draft) endDraft(reply, pathOf(request));
          return reply.redirect(`${pathOf(request)}?done=message#messages`, 303);
        },
      );

      await registerFollowActionRoutes(follow, services, config);

      follow.post<{ Params: Params }>(
        "/renew",
        { preHandler: follow.csrfProtection, config },
        async (request, reply) => {
          const email = str((request.body as FormValues | undefined)?.email);
          if (!email) {
            return portalPage(reply.status(400), "portal/link-problem.njk", {
              problem: "expired",
              followPath: pathOf(request),
              linkDays: FOLLOW_LINK_DAYS,
              errors: { email: "Enter the email address the link was sent to" },
              errorList: [{ text: "Enter the email address the link was sent to", href: "#email" }],
            });
          }
          await renewFollowLink(services, {
            organisationId: organisationOf(request).id,
            token: request.params.token,
            email,
            publicUrl: options.publicUrl,
          });
          // The same answer whether or not a link was sent: nothing is revealed about the address.
          return portalPage(reply, "portal/link-renewed.njk", { email });
        },
      );
    },
    { prefix: "/follow/:token" },
  );
}
