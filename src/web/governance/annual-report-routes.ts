import type { FastifyInstance, FastifyReply } from "fastify";
import { renderReportPdf } from "../../adapters/report-render/pdf.ts";
import { assembleAnnualReportNow } from "../../app/assemble-annual-report.ts";
import type { Services } from "../../app/services.ts";
import { viewAnnualReport, viewAnnualReportVersion } from "../../app/view-annual-report.ts";
import { reportingYearOf } from "../../app/view-learning-log.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { annualReportDocument } from "../../domain/governance/annual-report-document.ts";
import type { FormValues } from "../actions/action.ts";
import { ISSUE_ANNUAL_REPORT, RECORD_GOVERNING_BODY_RESPONSE } from "../actions/self-assessment-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { sendReportPdf } from "../report-downloads.ts";
import { requireUser } from "../session.ts";
import { governanceAbilities, governanceContext, yearParam } from "./governance-context.ts";

type VersionParams = { year: string; version: string };
const versionOf = (p: VersionParams) => {
  const year = yearParam(p.year);
  const version = /^\d{1,6}$/.test(p.version) ? Number(p.version) : 0;
  return year && version ? { year, version } : null;
};

/**
 * The annual complaints performance and service improvement report (Code 8.1) per reporting year: as it
 * stands today, issued to the governing body as versions, each with the governing body's response (8.2).
 * Printable, and downloadable as a PDF made by the report renderer.
 */
export async function registerAnnualReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/governance/annual-report", { preHandler: requireUser }, async (request, reply) => {
    governanceContext(services, request);
    return reply.redirect(
      `/governance/annual-report/${reportingYearOf(londonDateOf(services.clock()))}`,
      303,
    );
  });

  app.get<{ Params: { year: string } }>(
    "/governance/annual-report/:year",
    { preHandler: requireUser },
    async (request, reply) => {
      const year = yearParam(request.params.year);
      if (!year) return reply.callNotFound();
      const ctx = governanceContext(services, request);
      const page = await viewAnnualReport(services, { organisationId: ctx.organisationId, year });
      return reply.page("governance/annual-report.njk", {
        ...page,
        report: page.draft,
        ...governanceAbilities(request),
      });
    },
  );

  app.get<{ Params: { year: string } }>(
    "/governance/annual-report/:year/pdf",
    { preHandler: requireUser },
    async (request, reply) => {
      const year = yearParam(request.params.year);
      if (!year) return reply.callNotFound();
      const ctx = governanceContext(services, request);
      const draft = await assembleAnnualReportNow(services, { organisationId: ctx.organisationId, year });
      const document = annualReportDocument(draft);
      return sendReportPdf(reply, await renderReportPdf(document), `${document.title} draft`);
    },
  );

  app.post<{ Params: { year: string } }>(
    "/governance/annual-report/:year/issue",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const year = yearParam(request.params.year);
      if (!year) return reply.callNotFound();
      const ctx = governanceContext(services, request, ISSUE_ANNUAL_REPORT.permission({ year }));
      const submitted = await submitForm(ISSUE_ANNUAL_REPORT, {}, { year }, ctx);
      if (!submitted.ok) return reply.callNotFound();
      return reply.redirect(
        `/governance/annual-report/${year}/versions/${submitted.result.version}?done=issued`,
        303,
      );
    },
  );

  const showVersion = async (
    reply: FastifyReply,
    at: { year: number; version: number },
    shown: { errors?: Record<string, string>; values?: FormValues; done?: string } = {},
  ) => {
    const ctx = governanceContext(services, reply.request);
    const version = await viewAnnualReportVersion(services, { organisationId: ctx.organisationId, ...at });
    return reply.page("governance/annual-report-version.njk", {
      version,
      report: version.content,
      ...governanceAbilities(reply.request),
      values: {},
      ...shown,
    });
  };

  app.get<{ Params: VersionParams }>(
    "/governance/annual-report/:year/versions/:version",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = versionOf(request.params);
      if (!at) return reply.callNotFound();
      const done = (request.query as { done?: string }).done;
      const message =
        done === "issued"
          ? "Issued to the governing body. Record its response here when it is given."
          : done === "response"
            ? "The governing body's response is recorded with this version."
            : undefined;
      return showVersion(reply, at, message ? { done: message } : {});
    },
  );

  app.get<{ Params: VersionParams }>(
    "/governance/annual-report/:year/versions/:version/pdf",
    { preHandler: requireUser },
    async (request, reply) => {
      const at = versionOf(request.params);
      if (!at) return reply.callNotFound();
      const ctx = governanceContext(services, request);
      const version = await viewAnnualReportVersion(services, { organisationId: ctx.organisationId, ...at });
      const document = annualReportDocument(version.content, version);
      return sendReportPdf(reply, await renderReportPdf(document), `${document.title} version ${at.version}`);
    },
  );

  app.post<{ Params: VersionParams }>(
    "/governance/annual-report/:year/versions/:version/response",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const at = versionOf(request.params);
      if (!at) return reply.callNotFound();
      const ctx = governanceContext(services, request, RECORD_GOVERNING_BODY_RESPONSE.permission(at));
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(RECORD_GOVERNING_BODY_RESPONSE, values, at, ctx);
      if (!submitted.ok)
        return showVersion(reply.status(submitted.status), at, { errors: submitted.errors, values });
      return reply.redirect(`/governance/annual-report/${at.year}/versions/${at.version}?done=response`, 303);
    },
  );
}
