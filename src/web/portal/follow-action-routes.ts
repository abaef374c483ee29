import type { FastifyInstance } from "fastify";
import { portalActor } from "../../app/add-resident-message.ts";
import type { Services } from "../../app/services.ts";
import { parseForm, type FormValues } from "../actions/action.ts";
import { CASE_ACTIONS } from "../actions/case-actions.ts";
import type { ComplaintAction } from "../actions/complaint-action.ts";
import { STAGE_ACTIONS } from "../actions/stage-actions.ts";
import { ruleBroken } from "../rule-errors.ts";
import { followPathOf, openOrExplain, type FollowParams } from "./follow-link.ts";
import { followView, type FollowView } from "./follow-view.ts";
import { errorListOf } from "./portal-errors.ts";
import { organisationOf, portalPage } from "./portal-plugin.ts";

/** Broken rules of these forms, in words for the resident. */
const RESIDENT_WORDS: Record<string, string> = {
  ALREADY_AT_STAGE2: "You have already asked for Stage 2. Stage 2 is our final stage.",
  ESCALATION_BEFORE_STAGE1_RESPONSE: "You can ask for Stage 2 once we have sent you our Stage 1 answer.",
  COMPLAINT_NOT_RUNNING: "This complaint was withdrawn or not taken forward, so it cannot go to Stage 2.",
  SURVEY_BEFORE_CLOSURE: "You can answer these questions once your complaint is closed.",
};
const FIELD_WORDS: Record<string, string> = { satisfaction: "Choose how satisfied you are, from 1 to 5" };
const QUESTIONS: [string, string][] = [
  ["satisfaction", "satisfaction"],
  ["whatIsStillWrong", "whatIsStillWrong"],
  ["comment", "comment"],
];

/**
 * Asking for Stage 2 (no reason needed, Code 6.12; a late request is recorded, never refused) and the closing
 * survey, each a page with one form, run through the same actions as the staff pages with the link's holder as
 * the actor. A page not offered yet sends the person back to the follow page; the domain still decides.
 */
export async function registerFollowActionRoutes(
  follow: FastifyInstance,
  services: Services,
  config: object,
): Promise<void> {
  const actionPage = (name: string, action: ComplaintAction, offered: (view: FollowView) => boolean) => {
    const template = `portal/${name}.njk`;
    follow.get<{ Params: FollowParams }>(`/${name}`, { config }, async (request, reply) => {
      const opened = await openOrExplain(services, request, reply);
      if (!opened) return reply;
      const view = followView(opened.page);
      if (!offered(view)) return reply.redirect(followPathOf(request), 303);
      const followPath = followPathOf(request);
      return portalPage(reply, template, { view, followPath, values: {}, errors: {}, errorList: [] });
    });

    follow.post<{ Params: FollowParams }>(
      `/${name}`,
      { preHandler: follow.csrfProtection, config },
      async (request, reply) => {
        const opened = await openOrExplain(services, request, reply);
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
            return reply.redirect(`${followPathOf(request)}?done=${name}`, 303);
          } catch (error) {
            const rule = ruleBroken(error);
            if (!rule) throw error;
            errors = { form: RESIDENT_WORDS[rule.code] ?? rule.message };
          }
        } else {
          errors = Object.fromEntries(
            Object.entries(parsed.errors).map(([field, message]) => [field, FIELD_WORDS[field] ?? message]),
          );
        }
        return portalPage(reply.status(parsed.ok ? 422 : 400), template, {
          view: followView(opened.page),
          followPath: followPathOf(request),
          values,
          errors,
          errorList: errorListOf(errors, QUESTIONS),
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
}
