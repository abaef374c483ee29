import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { renderReportPdf } from "../../adapters/report-render/pdf.ts";
import type { Services } from "../../app/services.ts";
import { reportingYearOf } from "../../app/view-learning-log.ts";
import {
  selfAssessmentSectionRows,
  viewSelfAssessment,
  type SelfAssessmentPage,
} from "../../app/view-self-assessment.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import {
  selfAssessmentCsvTable,
  selfAssessmentDocument,
  selfAssessmentTitle,
} from "../../domain/governance/self-assessment-document.ts";
import { fieldOf, type FormValues } from "../actions/action.ts";
import {
  APPROVE_ASSESSMENT,
  assessmentField,
  SAVE_ASSESSMENT_SECTION,
} from "../actions/self-assessment-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { sendReportPdf, sendTableCsv } from "../report-downloads.ts";
import { requireUser } from "../session.ts";
import { governanceAbilities, governanceContext, yearParam } from "./governance-context.ts";

type YearParams = { year: string };
type SectionParams = YearParams & { section: string };

/** The year from the address and the version from `?version=`; anything malformed names nothing (404). */
function assessmentAt(request: FastifyRequest<{ Params: YearParams }>) {
  const year = yearParam(request.params.year);
  const raw = (request.query as { version?: string }).version;
  const version = /^\d{1,6}$/.test(raw ?? "") ? Number(raw) : undefined;
  if (!year || (raw !== undefined && !version)) return null;
  return { year, ...(version ? { version } : {}) };
}

/**
 * The Code self-assessment per reporting year: the Code's sections 1-9 as rows with the evidence Redress
 * can show, completed section by section by the complaints officer (each save a new version), and the
 * governing body's approval recorded. The version shown downloads as a PDF, and as CSV a row per provision.
 */
export async function registerSelfAssessmentRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/governance/self-assessment", { preHandler: requireUser }, async (request, reply) => {
    governanceContext(services, request);
    return reply.redirect(
      `/governance/self-assessment/${reportingYearOf(londonDateOf(services.clock()))}`,
      303,
    );
  });

  const showAssessment = async (
    reply: FastifyReply,
    year: number,
    shown: { version?: number; errors?: Record<string, string>; values?: FormValues; done?: string } = {},
  ) => {
    const ctx = governanceContext(services, reply.request);
    const { version, ...rest } = shown;
    const page = await viewSelfAssessment(services, {
      organisationId: ctx.organisationId,
      year,
      ...(version ? { version } : {}),
    });
    return reply.page("governance/self-assessment.njk", {
      ...page,
      ...governanceAbilities(reply.request),
      values: {},
      ...rest,
    });
  };

  app.get<{ Params: YearParams }>(
    "/governance/self-assessment/:year",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = assessmentAt(request);
      if (!at) return reply.callNotFound();
      const query = request.query as { done?: string };
      const done =
        query.done === "saved"
          ? "Saved as a new version."
          : query.done === "approved"
            ? "The governing body's approval is recorded."
            : undefined;
      const { year, ...version } = at;
      return showAssessment(reply, year, { ...version, ...(done ? { done } : {}) });
    },
  );

  /** The assessment as the page shows it, for a download: the version asked for, else the latest. */
  const contentOf = async (request: FastifyRequest, at: { year: number; version?: number }) => {
    const ctx = governanceContext(services, request);
    return viewSelfAssessment(services, { organisationId: ctx.organisationId, ...at });
  };
  /** The download's name: the title, with the version when it is an earlier one. */
  const fileTitle = (page: SelfAssessmentPage) =>
    page.shown && page.shown.version !== page.latestVersion
      ? `${selfAssessmentTitle(page.period)} version ${page.shown.version}`
      : selfAssessmentTitle(page.period);

  app.get<{ Params: YearParams }>(
    "/governance/self-assessment/:year/pdf",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = assessmentAt(request);
      if (!at) return reply.callNotFound();
      const page = await contentOf(request, at);
      return sendReportPdf(reply, await renderReportPdf(selfAssessmentDocument(page)), fileTitle(page));
    },
  );

  app.get<{ Params: YearParams }>(
    "/governance/self-assessment/:year/csv",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = assessmentAt(request);
      if (!at) return reply.callNotFound();
      const page = await contentOf(request, at);
      return sendTableCsv(reply, selfAssessmentCsvTable(page), fileTitle(page));
    },
  );

  app.post<{ Params: YearParams }>(
    "/governance/self-assessment/:year/approve",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const year = yearParam(request.params.year);
      if (!year) return reply.callNotFound();
      const ctx = governanceContext(services, request, APPROVE_ASSESSMENT.permission({ year }));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(APPROVE_ASSESSMENT, values, { year }, ctx);
      if (!submitted.ok)
        return showAssessment(reply.status(submitted.status), year, { errors: submitted.errors, values });
      return reply.redirect(`/governance/self-assessment/${year}?done=approved`, 303);
    },
  );

  const showSection = async (
    reply: FastifyReply,
    year: number,
    sectionNumber: number,
    shown: { errors?: Record<string, string>; values?: FormValues } = {},
  ) => {
    const ctx = governanceContext(
      services,
      reply.request,
      SAVE_ASSESSMENT_SECTION.permission({ year, section: sectionNumber, rowIds: [] }),
    );
    const page = await viewSelfAssessment(services, { organisationId: ctx.organisationId, year });
    const section = page.provisions.sections.find((s) => s.number === sectionNumber);
    if (!section) return reply.callNotFound();
    const rows = page.provisions.rows.filter((r) => r.section === sectionNumber);
    // Each row's fields, as typed (after an error) or as last saved.
    const fields = rows.map((row) => {
      const saved = page.answers[row.id];
      const value = (part: string, fallback: unknown) =>
        shown.values ? shown.values[fieldOf(["answers", row.id, part])] : fallback;
      return {
        row,
        name: (part: string) => fieldOf(["answers", row.id, part]),
        comply: value("comply", saved?.comply ?? ""),
        evidence: value("evidence", saved?.evidence ?? ""),
        commentary: value("commentary", saved?.commentary ?? ""),
        actions: value("actions", saved?.actions ?? ""),
        complianceBy: value("complianceBy", saved?.complianceBy ?? ""),
        meetsIntentOtherwise: shown.values
          ? value("meetsIntentOtherwise", "") === "yes"
          : (saved?.meetsIntentOtherwise ?? false),
        prefill: page.prefill[row.id] ?? [],
      };
    });
    const basedOnVersion = shown.values?.basedOnVersion ?? page.latestVersion;
    return reply.page("governance/self-assessment-section.njk", {
      ...page,
      section,
      fields,
      basedOnVersion,
      errors: shown.errors,
    });
  };

  const sectionOf = (p: SectionParams) => {
    const year = yearParam(p.year);
    const section = /^[1-9]$/.test(p.section) ? Number(p.section) : null;
    return year && section ? { year, section } : null;
  };

  app.get<{ Params: SectionParams }>(
    "/governance/self-assessment/:year/sections/:section",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = sectionOf(request.params);
      if (!at) return reply.callNotFound();
      return showSection(reply, at.year, at.section);
    },
  );

  app.post<{ Params: SectionParams }>(
    "/governance/self-assessment/:year/sections/:section",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const at = sectionOf(request.params);
      if (!at) return reply.callNotFound();
      const ctx = governanceContext(
        services,
        request,
        SAVE_ASSESSMENT_SECTION.permission({ ...at, rowIds: [] }),
      );
      const values = (request.body ?? {}) as FormValues;
      const rowIds = selfAssessmentSectionRows(at.section);
      const submitted = await submitForm(
        SAVE_ASSESSMENT_SECTION,
        values,
        { ...at, rowIds },
        ctx,
        assessmentField,
      );
      if (!submitted.ok)
        return showSection(reply.status(submitted.status), at.year, at.section, {
          errors: submitted.errors,
          values,
        });
      return reply.redirect(`/governance/self-assessment/${at.year}?done=saved#section-${at.section}`, 303);
    },
  );
}
