import { describe, expect, it } from "vitest";
import {
  aCategoryChart,
  aHandlerTable,
  aReport,
  aTrendChart,
} from "../../../test/support/report-documents.ts";
import {
  expectInOrder,
  inflatedPdf,
  pdfCatalog,
  pdfFonts,
  pdfImageCount,
  pdfInfo,
  pdfStructure,
  pdfStructureText,
  pdfText,
  pdfWords,
  popplerAvailable,
  readingText,
} from "../../../test/support/pdf-tools.ts";
import { chartSummary } from "../../domain/reporting/chart-data.ts";
import type { ReportDocument } from "../../domain/reporting/report-document.ts";
import { renderReportPdf } from "./pdf.ts";

// poppler-utils reads the PDFs; .ci/run installs it, so in CI these tests always run.
const run = popplerAvailable || process.env.CI ? describe : describe.skip;

run("renderReportPdf", () => {
  it("is tagged, titled, A4 portrait, PDF 1.7, in British English, with its fonts embedded", async () => {
    const report = aReport();
    const pdf = await renderReportPdf(report);
    expect(pdfInfo(pdf)).toMatchObject({
      Title: report.title,
      Author: "Bright Crescent Housing Group",
      Tagged: "yes",
      "PDF version": "1.7",
      "Page size": "595.28 x 841.89 pts (A4)",
    });
    expect(pdfCatalog(pdf)).toContain("/Lang (en-GB)");
    expect(inflatedPdf(pdf)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const fonts = pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "DejaVuSans",
      "DejaVuSans-Bold",
    ]);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it("has a structure tree in reading order: H1, then each block (headings, lists, figures, tables)", async () => {
    const structure = pdfStructure(await renderReportPdf(aReport()));
    const outline = structure.filter((node) => node.depth === 1).map((node) => node.type.replace(/:$/, ""));
    expect(outline).toEqual([
      "H1",
      "P",
      "H2",
      "P",
      "L",
      "H2",
      ...["P", "P", "Figure", "Table"], // category chart: title, description, the chart, its data
      ...["P", "P", "Figure", "Table"], // grouped chart
      "H2",
      ...["P", "P", "Figure", "Table"], // trend
      "H3",
      "Table",
    ]);
    expect(structure.filter((node) => node.type === "LI")).toHaveLength(2);
  });

  it("tags tables with a caption, column headers and row headers with their scope", async () => {
    const report = aReport({ blocks: [aHandlerTable(3)] });
    const tree = pdfStructureText(await renderReportPdf(report));
    const lines = tree
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    expect(lines.slice(lines.indexOf("Table (block)"))).toEqual([
      "Table (block)",
      "Caption",
      '"Stage 1 responses by handler"',
      "THead",
      "TR",
      ...["Handler", "Responses", "Within the Code's timescales", "Last response"].flatMap((header) => [
        "TH:",
        "/Scope /Column",
        `"${header}"`,
      ]),
      "TBody",
      ...["TR", "TH:", "/Scope /Row", '"Handler 1"', "TD", '"10"', "TD", '"80.0%"', "TD", '"1 March 2027"'],
      ...[
        "TR",
        "TH:",
        "/Scope /Row",
        '"Handler 2"',
        "TD",
        '"11"',
        "TD",
        '"No figure"',
        "TD",
        '"1 March 2027"',
      ],
      ...["TR", "TH:", "/Scope /Row", '"Handler 3"', "TD", '"12"', "TD", '"82.0%"', "TD", '"1 March 2027"'],
    ]);
  });

  it("draws each chart as vector graphics in a Figure whose alternative text is its description and data", async () => {
    const chart = aCategoryChart();
    const pdf = await renderReportPdf(aReport({ blocks: [{ kind: "chart", chart }] }));
    expect(pdfImageCount(pdf)).toBe(0);
    const alt = `${chart.title}. ${chart.description} ${chartSummary(chart)}`;
    expect(pdf.toString("latin1")).toContain(`/Alt (${alt})`);
    const tree = pdfStructureText(pdf);
    expect(tree).toMatch(/Figure:\s+\/Placement \/Block\s+\/BBox \[[\d. ]+\]/);
    // The data table follows the chart, with every figure, a missing one as "No figure".
    expectInOrder(readingText(pdf), [
      chart.title,
      chart.description,
      "Stage 1 complaints received",
      chart.title,
      "Category 2026/27",
      "Repairs 42",
      "Damp and mould 17",
      chart.categoryAxis.categories[2]!,
      "Staff conduct No figure",
      "Other 1",
    ]);
  });

  it("reads, in pdftotext, every part of the report in order", async () => {
    const report = aReport();
    const text = readingText(await renderReportPdf(report));
    expectInOrder(text, [
      report.title,
      "Bright Crescent Housing Group. 2026/27: Wednesday 1 April 2026 to Wednesday 31 March 2027. Produced on Thursday 15 April 2027.",
      "Headlines",
      "Complaints rose slightly; responses were quicker.",
      "Stage 1 complaints per 1,000 homes: 12.35 per 1,000 homes. 49 complaints, 3,970 homes",
      "Stage 2 responses within the Code's timescales: No figure",
      "What complaints were about",
      "Stage 1 complaints by category",
      "Complaints by stage and category",
      "Timeliness",
      aTrendChart().title,
      "By handler",
      "Stage 1 responses by handler",
      "Handler 4 13 83.0% 1 March 2027",
    ]);
  });

  it("never leaves a heading and its introduction at the foot of a page with their chart on the next", async () => {
    const chart = aTrendChart();
    // However much comes before, "Trends" and its paragraph go on the page their chart is on.
    for (let filler = 8; filler <= 26; filler += 2) {
      const blocks: ReportDocument["blocks"] = [
        ...Array.from({ length: filler }, (_, i) => ({
          kind: "paragraph" as const,
          text: `Filler line ${i + 1}.`,
        })),
        { kind: "heading", level: 2, text: "Trends" },
        { kind: "paragraph", text: "The last six months, oldest first." },
        { kind: "chart", chart },
      ];
      const pages = pdfText(await renderReportPdf(aReport({ blocks }))).split("\f");
      const pageOf = (text: string) => pages.findIndex((page) => page.includes(text));
      expect(pageOf("Trends"), `${filler} lines before`).toBe(pageOf(chart.title));
      expect(pageOf("The last six months"), `${filler} lines before`).toBe(pageOf(chart.title));
    }
  });

  it("runs a long table over pages, the header row repeated on each as an artifact, and numbers every page", async () => {
    const pdf = await renderReportPdf(aReport({ blocks: [aHandlerTable(120)] }));
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(2);
    const pageTexts = pdfText(pdf).split("\f").slice(0, pages);
    pageTexts.forEach((text, index) => {
      const lines = text.split("\n").filter((line) => line.trim() !== "");
      expect(lines).toContain("Handler");
      expect(lines.at(-1)).toBe(`Page ${index + 1} of ${pages}`);
    });
    const structure = pdfStructure(pdf);
    // One table, one header row: the repeats are not read again.
    expect(structure.filter((node) => node.type === "Table")).toHaveLength(1);
    expect(structure.filter((node) => node.type === "THead")).toHaveLength(1);
    expect(structure.filter((node) => node.type === "TR")).toHaveLength(121);
    // The repeated header rows and the page numbers: pagination artifacts.
    const pagination = inflatedPdf(pdf).match(/\/Artifact <<\s*\/Type \/Pagination/g) ?? [];
    expect(pagination.length).toBe(pages + (pages - 1));
  });

  it("keeps short columns as wide as their words beside columns of long text, so no text overlaps", async () => {
    const long = (what: string, words: number) =>
      Array.from({ length: words }, (_, i) => `${what}${i}`).join(" ");
    const table: ReportDocument["blocks"][number] = {
      kind: "table",
      caption: "The self-assessment, provision by provision",
      columns: ["Provision", "Requirement", "Comply", "Evidence", "Commentary"].map((header) => ({
        header,
        type: "text" as const,
      })),
      rows: [
        ["1.4–1.5–5.2", long("requirement", 60), "Not answered", long("evidence", 150), ""],
        ["4.3", long("requirement", 20), "No", `${long("evidence", 40)}\n${long("more", 40)}`, ""],
        // A complaint reference and a year: a hyphen or slash before a digit is no place to break a line.
        ["BCHG-2026-000001", long("requirement", 20), "2026/27", long("evidence", 40), ""],
      ],
      firstCellIsHeader: true,
    };
    const words = pdfWords(await renderReportPdf(aReport({ blocks: [table] })));
    const overlapping = words.flatMap((a, i) =>
      words
        .slice(i + 1)
        .filter(
          (b) =>
            a.page === b.page &&
            a.xMin < b.xMax - 0.5 &&
            b.xMin < a.xMax - 0.5 &&
            a.yMin < b.yMax - 0.5 &&
            b.yMin < a.yMax - 0.5,
        )
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlapping).toEqual([]);
    // No word is broken over two lines.
    for (const word of [
      "Provision",
      "Requirement",
      "Comply",
      "Evidence",
      "Commentary",
      "1.4–1.5–5.2",
      "answered",
      "BCHG-2026-000001",
      "2026/27",
    ])
      expect(words.map((w) => w.text)).toContain(word);
  });

  it("turns the pages to landscape when a table has too many columns for portrait", async () => {
    const wide: ReportDocument["blocks"][number] = {
      ...aHandlerTable(2),
      columns: Array.from({ length: 8 }, (_, i) => ({
        header: `Column ${i + 1}`,
        type: "number" as const,
        unit: "count" as const,
      })),
      rows: [Array.from({ length: 8 }, (_, i) => i), Array.from({ length: 8 }, (_, i) => i * 2)],
    };
    const pdf = await renderReportPdf(aReport({ blocks: [wide] }));
    expect(pdfInfo(pdf)["Page size"]).toBe("841.89 x 595.28 pts (A4)");
  });

  it("shows markup typed into a name as text, and escapes it in the metadata", async () => {
    const report = aReport({
      title: "Complaints <b>report</b> & more",
      organisation: { id: "x", name: "Smith & Sons <Housing>" },
      blocks: [
        {
          kind: "chart",
          chart: aCategoryChart({
            categoryAxis: {
              label: "Category",
              categories: ["<script>alert(1)</script>", "Leaks", "A", "B", "C", "D"],
            },
          }),
        },
      ],
    });
    const pdf = await renderReportPdf(report);
    expect(readingText(pdf)).toContain("<script>alert(1)</script> 42");
    const metadata = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(inflatedPdf(pdf))![0];
    expect(metadata).toContain("Complaints &lt;b&gt;report&lt;/b&gt; &amp; more");
    expect(metadata).not.toMatch(/<b>|<Housing>/);
  });

  it("gives the same bytes for the same report, dated the day it was produced", async () => {
    const first = await renderReportPdf(aReport());
    const second = await renderReportPdf(structuredClone(aReport()));
    expect(first.equals(second)).toBe(true);
    expect(pdfInfo(first).CreationDate).toMatch(/Apr 15 .*2027/);
  });
});
