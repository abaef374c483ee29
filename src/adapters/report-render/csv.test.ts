import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aCategoryChart, aHandlerTable } from "../../../test/support/report-documents.ts";
import { chartTable } from "../../domain/reporting/chart-data.ts";
import { aComplaintFacts, aStageFacts } from "../../domain/reporting/test-builders.ts";
import { complaintListTable } from "../../domain/reporting/complaint-list-table.ts";
import type { TableBlock } from "../../domain/reporting/report-document.ts";
import { tableCsv } from "./csv.ts";

/** Reads the CSV back as a spreadsheet importer would (csv-parse: RFC 4180, the byte-order mark removed). */
const read = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false });

function textTable(values: string[]): TableBlock {
  return {
    kind: "table",
    caption: "Lessons",
    firstCellIsHeader: false,
    columns: [{ header: "Lesson", type: "text" }],
    rows: values.map((value) => [value]),
  };
}

describe("tableCsv", () => {
  it("starts with a UTF-8 byte-order mark, ends records with CRLF and reads back to the same values", () => {
    const csv = tableCsv(aHandlerTable(3));
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split("\r\n")).toHaveLength(5); // header, 3 rows, and the empty string after the last CRLF
    expect(read(csv)).toEqual([
      ["Handler", "Responses", "Within the Code's timescales (%)", "Last response"],
      ["Handler 1", "10", "80", "2027-03-01"],
      ["Handler 2", "11", "", "2027-03-01"],
      ["Handler 3", "12", "82", "2027-03-01"],
    ]);
  });

  it("writes a chart's data exactly as its table has it: raw numbers, no figure as an empty field", () => {
    const chart = aCategoryChart();
    expect(read(tableCsv(chartTable(chart)))).toEqual([
      ["Category", "2026/27"],
      ...chart.categoryAxis.categories.map((category, i) => [
        category,
        String(chart.series[0]!.values[i] ?? ""),
      ]),
    ]);
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and keeps every character", () => {
    const values = ['Said "no", then left', "Line one\nline two", "Café £20 Wŷn Ŵyn, Дмитрий", "plain"];
    const csv = tableCsv(textTable(values));
    expect(csv).toContain('"Said ""no"", then left"');
    expect(csv).toContain('"Line one\nline two"');
    expect(
      read(csv)
        .slice(1)
        .map(([value]) => value),
    ).toEqual(values);
  });

  it("stops text being read as a formula: = + - @ tab, carriage return (and full-width forms) get an apostrophe", () => {
    const values = [
      '=HYPERLINK("http://evil.example","Click")',
      "+44 121 000 0000",
      "-1+2",
      "@SUM(A1:A2)",
      "\tTabbed",
      "\rReturned",
      "＝1+1",
      "Fine = fine",
    ];
    expect(
      read(tableCsv(textTable(values)))
        .slice(1)
        .map(([value]) => value),
    ).toEqual([
      '\'=HYPERLINK("http://evil.example","Click")',
      "'+44 121 000 0000",
      "'-1+2",
      "'@SUM(A1:A2)",
      "'\tTabbed",
      "'\rReturned",
      "'＝1+1",
      "Fine = fine",
    ]);
  });

  it("leaves numbers as numbers, negative ones too, and guards headers (series may be named by people)", () => {
    const table: TableBlock = {
      kind: "table",
      caption: "Change",
      firstCellIsHeader: true,
      columns: [
        { header: "Handler", type: "text" },
        { header: "=cmd|' /C calc'!A0", type: "number", unit: "count" },
        { header: "Compensation", type: "number", unit: "pounds" },
      ],
      rows: [["-Asha", -3, 1234.5]],
    };
    expect(read(tableCsv(table))).toEqual([
      ["Handler", "'=cmd|' /C calc'!A0", "Compensation (£)"],
      ["'-Asha", "-3", "1234.5"],
    ]);
  });

  it("writes the complaints behind a figure, one per line, with the handler's name guarded", () => {
    const facts = aComplaintFacts("BCHG-2026-000001", {
      stage1: aStageFacts({
        stage: 1,
        startedOn: "2026-06-01",
        acknowledgedOn: "2026-06-03",
        acknowledgementDue: "2026-06-08",
        acknowledgementCodeLimit: "2026-06-08",
        responseDue: "2026-06-17",
        responseCodeLimit: "2026-06-17",
        responseCodeLimitBeforeExtensions: "2026-06-17",
        handler: "=Asha, Patel",
      }),
    });
    const csv = tableCsv(
      complaintListTable([facts], { caption: "Open complaints", complaintHref: (r) => `/complaints/${r}` }),
    );
    const [header, row] = read(csv);
    expect(header).toHaveLength(19);
    expect(row).toEqual([
      "BCHG-2026-000001",
      "2026-06-01",
      "repairs",
      "Low cost rental",
      "investigating",
      "2026-06-01",
      "2026-06-03",
      "2026-06-17",
      "",
      "",
      "",
      "'=Asha, Patel",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
  });
});
