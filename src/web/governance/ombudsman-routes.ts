import type { FastifyInstance, FastifyReply } from "fastify";
import { isUuid } from "../../app/ids.ts";
import type { Services } from "../../app/services.ts";
import { viewOmbudsmanCase, viewOmbudsmanFindings } from "../../app/view-ombudsman-findings.ts";
import { OMBUDSMAN_FINDINGS } from "../../domain/governance/ombudsman.ts";
import type { FormValues } from "../actions/action.ts";
import {
  FINDING_ROWS,
  OMBUDSMAN_CASE_ACTIONS,
  RECORD_OMBUDSMAN_CASE,
  RECORD_OMBUDSMAN_PUBLICATION,
  type OmbudsmanCaseActionName,
} from "../actions/ombudsman-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requireUser } from "../session.ts";
import { governanceAbilities, governanceContext } from "./governance-context.ts";

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  openAction?: string;
  done?: string;
}

const DONE: Record<string, string> = {
  recorded: "Recorded. Add its orders and recommendations below.",
  publication: "The Ombudsman's publication is recorded.",
  "add-order": "Added.",
  comply: "Compliance recorded.",
};
const doneOf = (query: unknown) => DONE[(query as { done?: string }).done ?? ""];

/**
 * Ombudsman findings against the landlord: determinations with a finding per element, Complaint Handling
 * Failure Orders, their orders and recommendations (overdue ones flagged) and the Ombudsman's letters and
 * reports, for the annual report (8.1 c, e, f) and the governing body (9.7).
 */
export async function registerOmbudsmanRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const showList = async (reply: FastifyReply, shown: Shown = {}) => {
    const ctx = governanceContext(services, reply.request);
    const page = await viewOmbudsmanFindings(services, ctx.organisationId);
    return reply.page("governance/ombudsman.njk", {
      ...page,
      findingChoices: OMBUDSMAN_FINDINGS,
      findingRows: FINDING_ROWS,
      ...governanceAbilities(reply.request),
      values: {},
      ...shown,
    });
  };

  app.get("/governance/ombudsman", { preHandler: requireUser }, async (request, reply) => {
    const done = doneOf(request.query);
    return showList(reply, done ? { done } : {});
  });

  app.post(
    "/governance/ombudsman",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const ctx = governanceContext(services, request, RECORD_OMBUDSMAN_CASE.permission(null));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(RECORD_OMBUDSMAN_CASE, values, null, ctx);
      if (!submitted.ok)
        return showList(reply.status(submitted.status), {
          errors: submitted.errors,
          values,
          openAction: "case",
        });
      return reply.redirect(`/governance/ombudsman/${submitted.result.id}?done=recorded`, 303);
    },
  );

  app.post(
    "/governance/ombudsman/publications",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const ctx = governanceContext(services, request, RECORD_OMBUDSMAN_PUBLICATION.permission(null));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(RECORD_OMBUDSMAN_PUBLICATION, values, null, ctx);
      if (!submitted.ok)
        return showList(reply.status(submitted.status), {
          errors: submitted.errors,
          values,
          openAction: "publication",
        });
      return reply.redirect("/governance/ombudsman?done=publication", 303);
    },
  );

  const showCase = async (reply: FastifyReply, id: string, shown: Shown = {}) => {
    const ctx = governanceContext(services, reply.request);
    const page = await viewOmbudsmanCase(services, ctx.organisationId, id);
    return reply.page("governance/ombudsman-case.njk", {
      ...page,
      ...governanceAbilities(reply.request),
      values: {},
      ...shown,
    });
  };

  app.get<{ Params: { id: string } }>(
    "/governance/ombudsman/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const done = doneOf(request.query);
      return showCase(reply, request.params.id, done ? { done } : {});
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    "/governance/ombudsman/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const { id, action: name } = request.params;
      if (!isUuid(id) || !Object.hasOwn(OMBUDSMAN_CASE_ACTIONS, name)) return reply.callNotFound();
      const action = OMBUDSMAN_CASE_ACTIONS[name as OmbudsmanCaseActionName];
      const ctx = governanceContext(services, request, action.permission({ id }));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(
        action as (typeof OMBUDSMAN_CASE_ACTIONS)["comply"],
        values,
        { id },
        ctx,
      );
      if (!submitted.ok)
        return showCase(reply.status(submitted.status), id, {
          errors: submitted.errors,
          values,
          openAction: name,
        });
      return reply.redirect(`/governance/ombudsman/${id}?done=${name}`, 303);
    },
  );
}
