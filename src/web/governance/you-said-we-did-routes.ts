import { stringify } from "csv-stringify/sync";
import type { FastifyInstance, FastifyReply } from "fastify";
import { isUuid } from "../../app/ids.ts";
import type { Services } from "../../app/services.ts";
import {
  publishedYouSaidWeDid,
  viewYouSaidWeDid,
  viewYouSaidWeDidList,
} from "../../app/view-you-said-we-did.ts";
import { LESSON_THEMES } from "../../domain/governance/lessons.ts";
import type { FormValues } from "../actions/action.ts";
import { DRAFT_YOU_SAID_WE_DID, ENTRY_ACTIONS, type EntryActionName } from "../actions/learning-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requireUser } from "../session.ts";
import { governanceAbilities, governanceContext } from "./governance-context.ts";

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DONE = {
  edit: "Saved.",
  approve: "Approved for publication.",
  withdraw: "Withdrawn from publication.",
};

/**
 * "You said, we did": entries drafted from lessons (or typed), edited, approved for publication by someone
 * with the right role, and the published list for the landlord's website as a page, CSV and JSON.
 */
export async function registerYouSaidWeDidRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const showList = async (
    reply: FastifyReply,
    shown: { errors?: Record<string, string>; values?: FormValues } = {},
  ) => {
    const ctx = governanceContext(services, reply.request);
    const entries = await viewYouSaidWeDidList(services, ctx.organisationId);
    return reply.page("governance/you-said-we-did.njk", {
      entries,
      themeChoices: LESSON_THEMES,
      ...governanceAbilities(reply.request),
      values: shown.values ?? {},
      errors: shown.errors,
    });
  };

  app.get("/governance/you-said-we-did", { preHandler: requireUser }, async (_request, reply) =>
    showList(reply),
  );

  app.post(
    "/governance/you-said-we-did",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const ctx = governanceContext(services, request, DRAFT_YOU_SAID_WE_DID.permission(null));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(DRAFT_YOU_SAID_WE_DID, values, null, ctx);
      if (!submitted.ok)
        return showList(reply.status(submitted.status), { errors: submitted.errors, values });
      return reply.redirect(`/governance/you-said-we-did/${submitted.result.id}?done=drafted`, 303);
    },
  );

  // The published list: approved entries only, no one's details and no link to any complaint.
  const published = async (request: Parameters<typeof governanceContext>[1]) =>
    publishedYouSaidWeDid(services, governanceContext(services, request).organisationId);
  app.get("/governance/you-said-we-did/published", { preHandler: requireUser }, async (request, reply) => {
    const list = await published(request);
    const entries = list.entries.map((e) => ({
      ...e,
      month: MONTH.format(new Date(`${e.changedIn}-01T12:00:00Z`)),
    }));
    return reply.page("governance/published.njk", { ...list, entries });
  });
  app.get(
    "/governance/you-said-we-did/published.json",
    { preHandler: requireUser },
    async (request, reply) => {
      const list = await published(request);
      return reply.header("content-disposition", 'attachment; filename="you-said-we-did.json"').send(list);
    },
  );
  app.get(
    "/governance/you-said-we-did/published.csv",
    { preHandler: requireUser },
    async (request, reply) => {
      const { entries } = await published(request);
      const rows = entries.map((e) => [e.changedIn, e.youSaid, e.weDid, e.themes.join("; ")]);
      // A cell starting with = + - @ is escaped (with a quote), so a spreadsheet never runs it as a formula.
      const csv = stringify([["month", "you said", "we did", "themes"], ...rows], { escape_formulas: true });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="you-said-we-did.csv"')
        .send(csv);
    },
  );

  const showEntry = async (
    reply: FastifyReply,
    id: string,
    shown: { errors?: Record<string, string>; values?: FormValues; openAction?: string; done?: string } = {},
  ) => {
    const ctx = governanceContext(services, reply.request);
    const entry = await viewYouSaidWeDid(services, ctx.organisationId, id);
    return reply.page("governance/entry.njk", {
      entry,
      themeChoices: LESSON_THEMES,
      ...governanceAbilities(reply.request),
      ...shown,
    });
  };

  app.get<{ Params: { id: string } }>(
    "/governance/you-said-we-did/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const done = (request.query as { done?: string }).done;
      const message =
        done === "drafted"
          ? "Drafted. Check the words before approving them for publication."
          : DONE[done as EntryActionName];
      return showEntry(reply, request.params.id, { ...(message ? { done: message } : {}) });
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    "/governance/you-said-we-did/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const { id, action: name } = request.params;
      if (!isUuid(id) || !Object.hasOwn(ENTRY_ACTIONS, name)) return reply.callNotFound();
      const action = ENTRY_ACTIONS[name as EntryActionName];
      const ctx = governanceContext(services, request, action.permission({ id }));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(action as (typeof ENTRY_ACTIONS)["edit"], values, { id }, ctx);
      if (!submitted.ok)
        return showEntry(reply.status(submitted.status), id, {
          errors: submitted.errors,
          values,
          openAction: name,
        });
      return reply.redirect(`/governance/you-said-we-did/${id}?done=${name}`, 303);
    },
  );
}
