import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addResidentMessage, portalActor } from "../../app/add-resident-message.ts";
import { holdPortalFiles, listHeldFiles } from "../../app/hold-portal-files.ts";
import { openFollowLink } from "../../app/open-follow-link.ts";
import { renewFollowLink } from "../../app/renew-follow-link.ts";
import type { Services } from "../../app/services.ts";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { FOLLOW_LINK_DAYS } from "../../app/follow-links.ts";
import { parseForm, str, type FormValues } from "../actions/action.ts";
import { CASE_ACTIONS } from "../actions/case-actions.ts";
import type { ComplaintAction } from "../actions/complaint-action.ts";
import { STAGE_ACTIONS } from "../actions/stage-actions.ts";
import { ruleBroken } from "../rule-errors.ts";
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

type Params = { organisationId: string; token: string };
type Opened = Extract<Awaited<ReturnType<typeof openFollowLink>>, { status: "open" }>;

/** Broken rules of the escalation and survey forms, in words for the resident. */
const RESIDENT_WORDS: Record<string, string> = {
  ALREADY_AT_STAGE2: "You have already asked for Stage 2. Stage 2 is our final stage.",
  ESCALATION_BEFORE_STAGE1_RESPONSE: "You can ask for Stage 2 once we have sent you our Stage 1 answer.",
  COMPLAINT_NOT_RUNNING: "This complaint was withdrawn or not taken forward, so it cannot go to Stage 2.",
  SURVEY_BEFORE_CLOSURE: "You can answer these questions once your complaint is closed.",
};
const SURVEY_ERROR = "Choose how satisfied you are, from 1 to 5";

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
      const pathOf = (request: FastifyRequest<{ Params: Params }>) =>
        `/o/${encodeURIComponent(organisationOf(request).id)}/follow/${request.params.token}`;

      /** The link's complaint, or the page saying why the link opens nothing. */
      const open = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
        const opened = await openFollowLink(services, organisationOf(request).id, request.params.token);
        if (opened.status === "open") return opened;
        await portalPage(reply.status(opened.status === "unknown" ? 404 : 410), "portal/link-problem.njk", {
          problem: opened.status,
          followPath: pathOf(request),
          linkDays: FOLLOW_LINK_DAYS,
        });
        return null;
      };

      const showFollow = async (
        request: FastifyRequest<{ Params: Params }>,
        reply: FastifyReply,
        opened: Opened,
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
          // Issued letters to download: filled in by the letters part (see docs/portal.md).
          letters: [],
        });
      };

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

      /** A page with one form through a complaint action: escalation and the closing survey. */
      const actionPage = (
        name: "escalate" | "survey",
        action: ComplaintAction,
        offered: (view: ReturnType<typeof followView>) => boolean,
      ) => {
        const template = `portal/${name}.njk`;
        follow.get<{ Params: Params }>(`/${name}`, { config }, async (request, reply) => {
          const opened = await open(request, reply);
          if (!opened) return reply;
          const view = followView(opened.page);
          if (!offered(view)) return reply.redirect(pathOf(request), 303);
          return portalPage(reply, template, {
            view,
            followPath: pathOf(request),
            values: {},
            errors: {},
            errorList: [],
          });
        });
        follow.post<{ Params: Params }>(
          `/${name}`,
          { preHandler: follow.csrfProtection, config },
          async (request, reply) => {
            const opened = await open(request, reply);
            if (!opened) return reply;
            const values = (request.body ?? {}) as FormValues;
            const ctx = {
              services,
              organisationId: organisationOf(request).id,
              reference: opened.link.reference,
              on: opened.page.today,
              actor: portalActor(opened.link.sentTo),
            };
            let errors: Record<string, string>;
            const parsed = parseForm(action, values, opened.page);
            if (parsed.ok) {
              try {
                await action.run(ctx, parsed.data, opened.page);
                return reply.redirect(`${pathOf(request)}?done=${name}`, 303);
              } catch (error) {
                const rule = ruleBroken(error);
                if (!rule) throw error;
                errors = { form: RESIDENT_WORDS[rule.code] ?? rule.message };
              }
            } else {
              errors =
                name === "survey" && parsed.errors.satisfaction
                  ? { ...parsed.errors, satisfaction: SURVEY_ERROR }
                  : parsed.errors;
            }
            const errorList = errorListOf(errors, [
              ["satisfaction", "satisfaction"],
              ["whatIsStillWrong", "whatIsStillWrong"],
              ["comment", "comment"],
            ]);
            return portalPage(reply.status(parsed.ok ? 422 : 400), template, {
              view: followView(opened.page),
              followPath: pathOf(request),
              values,
              errors,
              errorList,
            });
          },
        );
      };
      actionPage("escalate", STAGE_ACTIONS.escalate, (view) => view.canEscalate);
      actionPage(
        "survey",
        CASE_ACTIONS["record-survey-answer"] as ComplaintAction,
        (view) => view.canAnswerSurvey,
      );

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
