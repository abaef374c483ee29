import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { tableCsv, tablesCsv, toCsv } from "../../adapters/report-csv.ts";
import { renderReportPdf } from "../../adapters/report-render/pdf.ts";
import { drillReport, reportTables, type DrillDown, type ReportSource } from "../../app/drill-report.ts";
import type { Services } from "../../app/services.ts";
import { londonDateOf, type LocalDate } from "../../domain/calendar/day-number.ts";
import { labelOfKey } from "../../domain/reporting/format.ts";
import { PERIODIC_REPORT_KINDS, PERIODIC_REPORTS } from "../../domain/reporting/periodic/kinds.ts";
import { MEASURES_SECTIONS } from "../../domain/reporting/measures-tables.ts";
import type { ReportTable } from "../../domain/reporting/report-tables.ts";
import { tablesDocument } from "../../domain/reporting/tables-document.ts";
import { sendReportPdf } from "../report-downloads.ts";
import { reportPeriodChoices } from "./report-periods.ts";
import { drillFromQuery, periodFromQuery, yearFromQuery } from "./report-query.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

type Query = Record<string, unknown>;

class BadReportRequest extends Error {
  readonly statusCode = 400;
}

/** The signed-in user's organisation: every report is of it, and of no other. */
function reader(services: Services, request: FastifyRequest): { organisationId: string; today: LocalDate } {
  requirePermission(request, "read");
  return { organisationId: userOf(request).organisationId, today: londonDateOf(services.clock()) };
}

function sendCsv(reply: FastifyReply, name: string, csv: string): FastifyReply {
  const file = name.replace(/[^a-z0-9.-]+/gi, "-").toLowerCase();
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${file}.csv"`)
    .send(csv);
}

/** One table (`?table=`) or all of them, a figure a line. */
function csvOf(tables: ReportTable[], tableId: unknown): string {
  if (typeof tableId !== "string" || tableId === "") return tablesCsv(tables);
  const table = tables.find((t) => t.id === tableId);
  if (!table) throw new BadReportRequest(`There is no table "${tableId}" in this report.`);
  return tableCsv(table);
}

/** The report a drill-down's figure belongs to: `year` for the TSMs, `from` and `to` for the measures. */
function sourceOf(query: Query, today: LocalDate, measure: string): ReportSource {
  if (/^(alternatives\.)?ch0[12]\./.test(measure)) {
    const year = yearFromQuery(query, today);
    if (year === null) throw new BadReportRequest("The year is not a year like 2026.");
    return { kind: "tsm", year };
  }
  const period = periodFromQuery(query, today);
  if (!period.ok) throw new BadReportRequest(Object.values(period.errors).join(". "));
  return { kind: "measures", from: period.from, to: period.to };
}

const sourceQuery = (source: ReportSource) =>
  source.kind === "tsm" ? `year=${source.year}` : `from=${source.from}&to=${source.to}`;

/**
 * Reports for executives, the Member Responsible for Complaints and every member of staff (permission `read`):
 * TSM CH01/CH02, the measures of any period, and the complaints behind any figure, each also as CSV. Only ever
 * the user's own organisation's.
 */
export async function registerReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/reports", { preHandler: requireUser }, async (request, reply) => {
    const { today } = reader(services, request);
    return reply.page("reports/index.njk", {
      choices: reportPeriodChoices(today),
      periodicReports: PERIODIC_REPORT_KINDS.map((kind) => PERIODIC_REPORTS[kind]),
    });
  });

  app.get("/reports/tsm", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const query = (request.query ?? {}) as Query;
    const year = yearFromQuery(query, today);
    if (year === null)
      return reply.status(400).page("reports/tsm.njk", {
        errors: {
          year: "Enter the reporting year as four digits, for example 2026 for 1 April 2026 to 31 March 2027",
        },
        yearTyped: query.year,
      });
    const { period, tables } = await reportTables(services, organisationId, { kind: "tsm", year });
    return reply.page("reports/tsm.njk", { year, period, tables, query: `year=${year}` });
  });

  app.get("/reports/tsm.csv", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const query = (request.query ?? {}) as Query;
    const year = yearFromQuery(query, today);
    if (year === null) throw new BadReportRequest("The year is not a year like 2026.");
    const { tables } = await reportTables(services, organisationId, { kind: "tsm", year });
    return sendCsv(
      reply,
      `${organisationId}-tsm-${year}-${query.table || "all"}`,
      csvOf(tables, query.table),
    );
  });

  app.get("/reports/tsm.pdf", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const year = yearFromQuery((request.query ?? {}) as Query, today);
    if (year === null) throw new BadReportRequest("The year is not a year like 2026.");
    const report = await reportTables(services, organisationId, { kind: "tsm", year });
    const title = `Tenant Satisfaction Measures, complaints: ${report.period.label}`;
    const document = tablesDocument({
      ...report,
      title,
      producedOn: today,
      intro:
        "TSM CH01 (complaints received per 1,000 homes) and CH02 (responses within the Code's timescales), each under both readings of the points the requirements leave open: whether withdrawn complaints count, and whether a response inside an extension the Code allows is within its timescales.",
      sections: [{ heading: "CH01 and CH02", tables: report.tables }],
    });
    return sendReportPdf(reply, await renderReportPdf(document), `${organisationId} ${title}`);
  });

  app.get("/reports/measures", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const period = periodFromQuery((request.query ?? {}) as Query, today);
    const context = { choices: reportPeriodChoices(today), values: period.values };
    if (!period.ok)
      return reply.status(400).page("reports/measures.njk", { ...context, errors: period.errors });
    const source = { kind: "measures", from: period.from, to: period.to } as const;
    const report = await reportTables(services, organisationId, source);
    const byId = new Map(report.tables.map((t) => [t.id, t]));
    const sections = MEASURES_SECTIONS.map((s) => ({
      heading: s.heading,
      tables: s.tables.map((id) => byId.get(id)),
    }));
    return reply.page("reports/measures.njk", {
      ...context,
      ...report,
      sections,
      query: sourceQuery(source),
    });
  });

  app.get("/reports/measures.csv", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const query = (request.query ?? {}) as Query;
    const period = periodFromQuery(query, today);
    if (!period.ok) throw new BadReportRequest(Object.values(period.errors).join(". "));
    const { tables } = await reportTables(services, organisationId, { kind: "measures", ...period });
    const name = `${organisationId}-measures-${period.from}-to-${period.to}-${query.table || "all"}`;
    return sendCsv(reply, name, csvOf(tables, query.table));
  });

  app.get("/reports/measures.pdf", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const period = periodFromQuery((request.query ?? {}) as Query, today);
    if (!period.ok) throw new BadReportRequest(Object.values(period.errors).join(". "));
    const report = await reportTables(services, organisationId, { kind: "measures", ...period });
    const byId = new Map(report.tables.map((t) => [t.id, t]));
    const title = `Complaint handling measures: ${report.period.label}`;
    const document = tablesDocument({
      ...report,
      title,
      producedOn: today,
      intro:
        "Timeliness against your own targets and the Code's limits, complaints received, outcomes, refusals, escalation, remedies and compensation, hazards, contacts and survey satisfaction for the period.",
      sections: MEASURES_SECTIONS.map((s) => ({
        heading: s.heading,
        tables: s.tables.flatMap((id) => byId.get(id) ?? []),
      })),
    });
    return sendReportPdf(reply, await renderReportPdf(document), `${organisationId} ${title}`);
  });

  app.get("/reports/drill", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const query = (request.query ?? {}) as Query;
    const figure = drillFromQuery(query);
    if (!figure) return reply.callNotFound();
    const source = sourceOf(query, today, figure.measure);
    const drill = await drillReport(services, { organisationId, source, ...figure });
    const back =
      source.kind === "tsm"
        ? `/reports/tsm?${sourceQuery(source)}`
        : `/reports/measures?${sourceQuery(source)}`;
    const self = `/reports/drill?${sourceQuery(source)}&${figureQuery(drill)}`;
    return reply.page("reports/drill.njk", {
      drill,
      back,
      self,
      csv: self.replace("/reports/drill?", "/reports/drill.csv?"),
    });
  });

  app.get("/reports/drill.csv", { preHandler: requireUser }, async (request, reply) => {
    const { organisationId, today } = reader(services, request);
    const query = (request.query ?? {}) as Query;
    const figure = drillFromQuery(query);
    if (!figure) return reply.callNotFound();
    const source = sourceOf(query, today, figure.measure);
    const drill = await drillReport(services, { organisationId, source, ...figure, page: "all" });
    const name = `${organisationId}-${sourceQuery(source).replace(/[=&]/g, "-")}-${figure.measure}${figure.group ? `-${figure.group}` : ""}`;
    return sendCsv(reply, name, drillCsv(drill));
  });
}

function figureQuery(drill: DrillDown): string {
  const group = drill.drill.group !== undefined ? `&group=${encodeURIComponent(drill.drill.group)}` : "";
  return `measure=${encodeURIComponent(drill.drill.measure)}${group}`;
}

/** Every complaint (or contact) behind a figure, as the drill-down page lists them. */
function drillCsv(drill: DrillDown): string {
  if (drill.drill.of === "contacts")
    return toCsv([
      ["Contact", "Logged", "Kind", "Status", "Summary", "Complaints raised", "Times counted"],
      ...drill.contacts.map((c) => [
        c.id,
        c.loggedOn,
        labelOfKey(c.kind),
        labelOfKey(c.status),
        c.summary,
        c.complaintRefs.join(" "),
        c.times,
      ]),
    ]);
  return toCsv([
    ["Reference", "Received", "Stage", "Status", "Category", "Stage 1 handler", "Times counted"],
    ...drill.complaints.map((c) => [
      c.reference,
      c.receivedOn,
      c.stage,
      labelOfKey(c.status),
      c.category === null ? null : labelOfKey(c.category),
      c.handlerStage1,
      c.times,
    ]),
  ]);
}
