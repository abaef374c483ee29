import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { aHandlerTable } from "../../test/support/report-documents.ts";
import { downloadFileName, sendReportPdf, sendTableCsv } from "./report-downloads.ts";

describe("downloadFileName", () => {
  it("makes a short, safe name from a title", () => {
    expect(downloadFileName("Complaints report: 2026/27", "csv")).toBe("complaints-report-2026-27.csv");
    expect(downloadFileName('Wŷn\'s "team" <script>', "pdf")).toBe("wyn-s-team-script.pdf");
    expect(downloadFileName("///", "csv")).toBe("report.csv");
    expect(downloadFileName("a ".repeat(100), "csv")).toMatch(/^(a-){39}a\.csv$/);
  });
});

describe("sending downloads", () => {
  it("sends a table as a CSV attachment, uncached, and a PDF likewise", async () => {
    const app = Fastify();
    app.get("/csv", (_request, reply) => sendTableCsv(reply, aHandlerTable(1)));
    app.get("/pdf", (_request, reply) =>
      sendReportPdf(reply, Buffer.from("%PDF-1.7"), "Complaints report: 2026/27"),
    );
    const csv = await app.inject({ url: "/csv" });
    expect(csv.headers).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": expect.stringMatching(
        /^attachment; filename="stage-1-responses-by-handler\.csv"/,
      ),
      "cache-control": "private, no-store",
    });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain("Handler 1,10,80,2027-03-01\r\n");
    const pdf = await app.inject({ url: "/pdf" });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(
      /^attachment; filename="complaints-report-2026-27\.pdf"/,
    );
    await app.close();
  });
});
