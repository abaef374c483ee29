import type { FastifyInstance, FastifyRequest } from "fastify";
import { buildPeriodicReport, UnknownReportPeriodError } from "../../app/build-periodic-report.ts";
import type { Services } from "../../app/services.ts";
import { renderReportPdf } from "../../adapters/report-render/pdf.ts";
import { chartTable } from "../../domain/reporting/chart-data.ts";
import type { PeriodicReportLinks } from "../../domain/reporting/periodic/context.ts";
import { isPeriodicReportKind, PERIODIC_REPORTS } from "../../domain/reporting/periodic/kinds.ts";
import type { ReportDocument, TableBlock } from "../../domain/reporting/report-document.ts";
import { reportingYearOf } from "../../domain/reporting/reporting-year.ts";
import { sendReportPdf, sendTableCsv } from "../report-downloads.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

type Params = { kind: string };
type Query = { period?: unknown; table?: unknown };

const query = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.join("&");
};

/** Where a periodic report's figures link to: the complaints behind them, a complaint, the learning log. */
export const PERIODIC_LINKS: PeriodicReportLinks = {
  drill: (period, measure, group) =>
    `/reports/drill?${query({ from: period.from, to: period.to, measure, group })}`,
  complaint: (reference) => `/complaints/${encodeURIComponent(reference)}`,
  learningTheme: (period, theme) =>
    `/governance/learning?${query({ year: String(reportingYearOf(period.from)), theme })}`,
};

/** Every table of a report in reading order, a chart's being its data table: what `?table=N` numbers from 1. */
export function documentTables(document: ReportDocument): TableBlock[] {
  return document.blocks.flatMap((block) =>
    block.kind === "table" ? [block] : block.kind === "chart" ? [chartTable(block.chart)] : [],
  );
}

/** Per block, its table's CSV download (or ""), for the page's "Download the data (CSV)" links. */
function csvHrefs(document: ReportDocument, base: string): string[] {
  let n = 0;
  return document.blocks.map((block) =>
    block.kind === "table" || block.kind === "chart" ? `${base}table=${++n}` : "",
  );
}

/**
 * The periodic reports: the monthly executive report, the quarterly board Customer Voice report and the MRC
 * pack, each as a page, a tagged PDF and a CSV of each of its tables; for the signed-in user's organisation
 * only, and for anyone who may read reports (executives and the MRC included).
 */
export async function registerPeriodicReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const build = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>) => {
    requirePermission(request, "read");
    const { kind } = request.params;
    if (!isPeriodicReportKind(kind)) return null;
    const period = typeof request.query.period === "string" ? request.query.period.trim() : "";
    const view = await buildPeriodicReport(services, {
      organisationId: userOf(request).organisationId,
      kind,
      ...(period ? { periodKey: period } : {}),
      links: PERIODIC_LINKS,
    });
    return { kind, view };
  };

  app.get<{ Params: Params; Querystring: Query }>(
    "/reports/periodic/:kind",
    { preHandler: requireUser },
    async (request, reply) => {
      try {
        const built = await build(request);
        if (!built) return reply.callNotFound();
        const { kind, view } = built;
        const self = `/reports/periodic/${kind}`;
        const at = `period=${view.period.key}`;
        return reply.page("reports/periodic.njk", {
          spec: PERIODIC_REPORTS[kind],
          self,
          ...view,
          pdfHref: `${self}/pdf?${at}`,
          csvHrefs: csvHrefs(view.document, `${self}/csv?${at}&`),
        });
      } catch (error) {
        if (!(error instanceof UnknownReportPeriodError)) throw error;
        const { kind } = request.params;
        if (!isPeriodicReportKind(kind)) return reply.callNotFound();
        return reply.status(400).page("reports/periodic.njk", {
          spec: PERIODIC_REPORTS[kind],
          self: `/reports/periodic/${kind}`,
          errors: { period: error.message },
          choices: [],
        });
      }
    },
  );

  app.get<{ Params: Params; Querystring: Query }>(
    "/reports/periodic/:kind/pdf",
    { preHandler: requireUser },
    async (request, reply) => {
      const built = await build(request);
      if (!built) return reply.callNotFound();
      const pdf = await renderReportPdf(built.view.document);
      return sendReportPdf(reply, pdf, built.view.document.title);
    },
  );

  app.get<{ Params: Params; Querystring: Query }>(
    "/reports/periodic/:kind/csv",
    { preHandler: requireUser },
    async (request, reply) => {
      const built = await build(request);
      if (!built) return reply.callNotFound();
      const tables = documentTables(built.view.document);
      const n = typeof request.query.table === "string" ? Number(request.query.table) : NaN;
      const table = Number.isInteger(n) ? tables[n - 1] : undefined;
      if (!table) return reply.callNotFound();
      return sendTableCsv(reply, table, `${built.view.document.title} ${table.caption}`);
    },
  );
}
