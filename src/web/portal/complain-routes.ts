import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { holdPortalFiles, listHeldFiles } from "../../app/hold-portal-files.ts";
import { makePortalComplaint } from "../../app/make-portal-complaint.ts";
import type { Services } from "../../app/services.ts";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import {
  AT_RISK_OCCUPANTS,
  HAZARD_RISKS,
  isHazardRisk,
  type HazardSeverity,
} from "../../domain/complaint/hazard-screening.ts";
import type { PortalUpload } from "../../store/portal-uploads.ts";
import { parseForm, type FormValues } from "../actions/action.ts";
import { LOG_COMPLAINT, logComplaintInputOf } from "../actions/log-complaint-action.ts";
import { ruleBroken } from "../rule-errors.ts";
import { CATEGORY_WORDS, portalErrors, readComplaintForm } from "./complain-form.ts";
import { adviceFor, hazardNextSteps } from "./hazard-advice.ts";
import {
  checkChosenFiles,
  draftOf,
  endDraft,
  keptFiles,
  MAX_PORTAL_FILES,
  portalMultipart,
  startDraft,
} from "./portal-files.ts";
import { organisationOf, portalPage, throttled, type PortalOptions } from "./portal-plugin.ts";
import { errorListOf } from "./portal-errors.ts";

/** The order of the form's questions, for the error summary, with where each error's link goes. */
const QUESTIONS: [string, string][] = [
  ["hazardRisks", "hazardRisks"],
  ["hazardOccupants", "hazardOccupants"],
  ["hazardDetails", "hazardDetails"],
  ["raisedBy", "raisedBy"],
  ["representativeName", "representativeName"],
  ["representativeRelationship", "representativeRelationship"],
  ["representativeAuthority", "representativeAuthority"],
  ["representativeEmail", "representativeEmail"],
  ["representativePhone", "representativePhone"],
  ["residentName", "residentName"],
  ["residentEmail", "residentEmail"],
  ["residentPhone", "residentPhone"],
  ["residentAddress", "residentAddress"],
  ["residentPostcode", "residentPostcode"],
  ["category", "category"],
  ["whatHappened", "whatHappened"],
  ["issueOn", "issueOn-day"],
  ["awareOn", "awareOn-day"],
  ["outcomeWanted", "outcomeWanted"],
  ["files", "files"],
  ["residentLetters", "residentLetters"],
  ["residentLanguage", "residentLanguage"],
  ["residentAdjustments", "residentAdjustments"],
];

const choices = {
  risks: HAZARD_RISKS,
  occupants: AT_RISK_OCCUPANTS,
  categories: COMPLAINT_CATEGORIES.map((c) => ({ value: c, text: CATEGORY_WORDS[c] })),
  attachmentTypes: [...new Set(Object.values(ATTACHMENT_TYPES))].join(", "),
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  maxFiles: MAX_PORTAL_FILES,
};

/** What the confirmation page shows, kept in a signed cookie for an hour (so nothing is looked up by reference). */
interface Made {
  reference: string;
  acknowledgementDue: string | null;
  emailedTo: string | null;
  risks: string[];
  severity: HazardSeverity | null;
}
const MADE_COOKIE = "redress_portal_made";

/** Making a complaint online, as the resident or for them, on one page that works without JavaScript. */
export async function registerComplainRoutes(
  portal: FastifyInstance,
  services: Services,
  options: PortalOptions,
): Promise<void> {
  const formPath = (request: FastifyRequest) =>
    `/o/${encodeURIComponent(organisationOf(request).id)}/complain`;
  const show = (
    reply: FastifyReply,
    shown: { values: object; held: PortalUpload[]; errors?: Record<string, string>; fileErrors?: string[] },
  ) => {
    const errorList = errorListOf(shown.errors ?? {}, QUESTIONS, shown.fileErrors ?? []);
    return portalPage(reply, "portal/complain.njk", {
      ...choices,
      ...shown,
      errors: shown.errors ?? {},
      errorList,
    });
  };

  portal.get("/complain", { config: throttled(options) }, async (request, reply) => {
    const draft = draftOf(request);
    const held = draft ? await listHeldFiles(services, organisationOf(request).id, draft) : [];
    return show(reply, { values: {}, held });
  });

  portal.post(
    "/complain",
    { preHandler: portal.csrfProtection, config: { ...throttled(options), ...portalMultipart } },
    async (request, reply) => {
      const org = organisationOf(request);
      const body = (request.body ?? {}) as FormValues;
      const today = londonDateOf(services.clock());
      const form = readComplaintForm(body, today);
      let draft = draftOf(request);
      const held = draft ? await listHeldFiles(services, org.id, draft) : [];
      const keep = keptFiles(body, held);
      const chosen = await checkChosenFiles(body.files, MAX_PORTAL_FILES - keep.length);
      const parsed = parseForm(LOG_COMPLAINT, form.logValues, null);
      const representing = form.values.raisedBy === "representative";

      const showAgain = async (errors: Record<string, string>) => {
        if (chosen.accepted.length > 0 && !draft)
          draft = startDraft(reply, formPath(request), options.secureCookies ?? false);
        const nowHeld = draft
          ? await holdPortalFiles(services, {
              organisationId: org.id,
              draftId: draft,
              files: chosen.accepted,
              keep,
            })
          : [];
        const fileErrors = chosen.refused;
        return show(reply.status(400), { values: form.values, held: nowHeld, errors, fileErrors });
      };

      const errors = { ...(parsed.ok ? {} : portalErrors(parsed.errors, representing)), ...form.errors };
      if (!parsed.ok || Object.keys(errors).length > 0 || chosen.refused.length > 0) return showAgain(errors);

      const actor = `portal (${representing ? "representative" : "resident"})`;
      let made;
      try {
        made = await makePortalComplaint(
          services,
          {
            complaint: logComplaintInputOf(
              { services, organisationId: org.id, on: today, actor },
              parsed.data,
            ),
            files: chosen.accepted,
            ...(draft ? { held: { draftId: draft, ids: keep } } : {}),
            publicUrl: options.publicUrl,
          },
          actor,
        );
      } catch (error) {
        const rule = ruleBroken(error);
        if (!rule) throw error;
        return showAgain(portalErrors({ [rule.field ?? "form"]: rule.message }, representing));
      }
      if (draft) endDraft(reply, formPath(request));
      const shown: Made = {
        ...made,
        risks: form.risks,
        severity: form.hazard?.severity ?? null,
      };
      reply.setCookie(MADE_COOKIE, JSON.stringify(shown), {
        signed: true,
        httpOnly: true,
        sameSite: "lax",
        secure: options.secureCookies ?? false,
        path: formPath(request),
        maxAge: 60 * 60,
      });
      return reply.redirect(`${formPath(request)}/made`, 303);
    },
  );

  portal.get("/complain/made", { config: throttled(options) }, async (request, reply) => {
    const org = organisationOf(request);
    const made = madeOf(request);
    if (!made) return reply.redirect(formPath(request), 303);
    const risks = made.risks.filter(isHazardRisk);
    return portalPage(reply, "portal/complaint-made.njk", {
      made,
      advice: adviceFor(org, risks),
      nextSteps: made.severity ? hazardNextSteps(org, made.severity) : null,
    });
  });
}

function madeOf(request: FastifyRequest): Made | null {
  const cookie = request.cookies[MADE_COOKIE];
  const unsigned = cookie ? request.unsignCookie(cookie) : null;
  if (!unsigned?.valid || !unsigned.value) return null;
  try {
    const made = JSON.parse(unsigned.value) as Made;
    return typeof made.reference === "string" ? made : null;
  } catch {
    return null;
  }
}
