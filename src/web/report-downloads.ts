import type { FastifyReply } from "fastify";
import { tableCsv } from "../adapters/report-render/csv.ts";
import type { TableBlock } from "../domain/reporting/report-document.ts";
import { sendDownload } from "./downloads.ts";

/**
 * A file name people can read and every system can save: "Complaints report: 2026/27" as
 * "complaints-report-2026-27.csv". Only ASCII letters, digits and hyphens, so the header needs no encoding.
 */
export function downloadFileName(title: string, extension: "csv" | "pdf"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${slug || "report"}.${extension}`;
}

/** A table block (a report's table, a chart's data, the complaints behind a figure) as a CSV download. */
export function sendTableCsv(reply: FastifyReply, table: TableBlock, title = table.caption): FastifyReply {
  return sendDownload(reply, {
    fileName: downloadFileName(title, "csv"),
    contentType: "text/csv; charset=utf-8",
    body: tableCsv(table),
  });
}

/** A rendered report PDF (renderReportPdf) as a download. */
export function sendReportPdf(reply: FastifyReply, pdf: Buffer, title: string): FastifyReply {
  return sendDownload(reply, {
    fileName: downloadFileName(title, "pdf"),
    contentType: "application/pdf",
    body: pdf,
  });
}
