import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { isUuid } from "../../app/ids.ts";
import type { Services } from "../../app/services.ts";
import { renderReportPdf } from "../../adapters/report-render/pdf.ts";
import { viewLearningLog, type LearningLog } from "../../app/view-learning-log.ts";
import { viewLesson } from "../../app/view-lesson.ts";
import {
  learningLogDocument,
  learningLogTitle,
  lessonsTable,
} from "../../domain/governance/learning-log-document.ts";
import { LESSON_THEMES, type LessonKey } from "../../domain/governance/lessons.ts";
import type { FormValues } from "../actions/action.ts";
import { RECORD_LESSON_ACTION } from "../actions/learning-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { sendReportPdf, sendTableCsv } from "../report-downloads.ts";
import { requireUser } from "../session.ts";
import { governanceAbilities, governanceContext, yearParam } from "./governance-context.ts";

const STATUSES = ["open", "to-do", "planned", "overdue", "done", "no-action", "nothing-to-learn"] as const;
const logQuery = z.object({
  year: z.string().optional().catch(undefined),
  theme: z.enum(LESSON_THEMES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});

/** The page's year and filter, for its download links: the files hold what the page shows. */
function downloadQuery(log: LearningLog): string {
  const params = new URLSearchParams({ year: String(log.year) });
  if (log.filter.theme) params.set("theme", log.filter.theme);
  if (log.filter.status) params.set("status", log.filter.status);
  return params.toString();
}

type LessonParams = { complaintId: string; seq: string; index: string };

/** A lesson's key from the address; anything malformed names no lesson (a plain 404). */
function lessonKey(p: LessonParams): LessonKey | null {
  if (!isUuid(p.complaintId) || !/^\d{1,9}$/.test(p.seq) || !/^\d{1,4}$/.test(p.index)) return null;
  return { complaintId: p.complaintId, eventSeq: Number(p.seq), lessonIndex: Number(p.index) };
}

/**
 * The learning log (Code 9.1-9.4): every lesson recorded at a response, what is done about it, and themes;
 * downloadable as a PDF and its lessons as CSV, for the same year and filter as the page.
 */
export async function registerLearningRoutes(app: FastifyInstance, services: Services): Promise<void> {
  /** The log the page's query asks for (year, theme, status), or null for a year that is not one (404). */
  const logOf = async (request: FastifyRequest) => {
    const ctx = governanceContext(services, request);
    const q = logQuery.parse(request.query ?? {});
    const year = q.year ? yearParam(q.year) : undefined;
    if (year === null) return null;
    return viewLearningLog(services, {
      organisationId: ctx.organisationId,
      ...(year ? { year } : {}),
      ...(q.theme ? { theme: q.theme } : {}),
      ...(q.status ? { status: q.status } : {}),
    });
  };
  /** The download's name: the title, with the filter when there is one ("learning-log-2026-27-repairs"). */
  const fileTitle = (log: LearningLog) =>
    [learningLogTitle(log.period), log.filter.theme, log.filter.status].filter(Boolean).join(" ");

  app.get("/governance/learning", { preHandler: requireUser }, async (request, reply) => {
    const log = await logOf(request);
    if (!log) return reply.callNotFound();
    return reply.page("governance/learning.njk", {
      ...log,
      themeChoices: LESSON_THEMES,
      statuses: STATUSES,
      downloadQuery: downloadQuery(log),
    });
  });

  app.get("/governance/learning/pdf", { preHandler: requireUser }, async (request, reply) => {
    const log = await logOf(request);
    if (!log) return reply.callNotFound();
    return sendReportPdf(reply, await renderReportPdf(learningLogDocument(log)), fileTitle(log));
  });

  app.get("/governance/learning/csv", { preHandler: requireUser }, async (request, reply) => {
    const log = await logOf(request);
    if (!log) return reply.callNotFound();
    return sendTableCsv(reply, lessonsTable(log.lessons), fileTitle(log));
  });

  const showLesson = async (
    reply: FastifyReply,
    organisationId: string,
    key: LessonKey,
    shown: { errors?: Record<string, string>; values?: FormValues; done?: boolean } = {},
  ) => {
    const page = await viewLesson(services, organisationId, key);
    return reply.page("governance/lesson.njk", {
      ...page,
      ...governanceAbilities(reply.request),
      themeChoices: LESSON_THEMES,
      values: shown.values ?? null,
      errors: shown.errors,
      done: shown.done,
    });
  };

  app.get<{ Params: LessonParams }>(
    "/governance/learning/:complaintId/:seq/:index",
    { preHandler: requireUser },
    async (request, reply) => {
      const ctx = governanceContext(services, request);
      const key = lessonKey(request.params);
      if (!key) return reply.callNotFound();
      const done = (request.query as { done?: string }).done === "saved";
      return showLesson(reply, ctx.organisationId, key, { done });
    },
  );

  app.post<{ Params: LessonParams }>(
    "/governance/learning/:complaintId/:seq/:index",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const key = lessonKey(request.params);
      if (!key) return reply.callNotFound();
      const ctx = governanceContext(services, request, RECORD_LESSON_ACTION.permission(key));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(RECORD_LESSON_ACTION, values, key, ctx);
      if (!submitted.ok)
        return showLesson(reply.status(submitted.status), ctx.organisationId, key, {
          errors: submitted.errors,
          values,
        });
      const { complaintId, eventSeq, lessonIndex } = key;
      return reply.redirect(`/governance/learning/${complaintId}/${eventSeq}/${lessonIndex}?done=saved`, 303);
    },
  );
}
