import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { aCategoryChart, aHandlerTable, aReport } from "../../test/support/report-documents.ts";
import type { Chart, TableBlock } from "../domain/reporting/report-document.ts";
import { createViewEnvironment } from "./views.ts";

const env = createViewEnvironment();
const IMPORT = `{% from "report/macros.njk" import reportBlocks, reportChart, reportTable, reportFigures %}`;

function render(template: string, context: object): string {
  return env.renderString(`${IMPORT}${template}`, context);
}

/** The markup as a document (parsed leniently as HTML would be) to query. */
function parse(html: string) {
  return new DOMParser({ onError: () => {} }).parseFromString(`<div>${html}</div>`, "text/html");
}

const texts = (elements: ArrayLike<{ textContent: string | null }>) =>
  Array.from(elements).map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim());

describe("reportTable", () => {
  it("is a GOV.UK table: caption, column and row headers with scope, numbers right-aligned and formatted", () => {
    const html = render(`{{ reportTable(table) }}`, { table: aHandlerTable(2) });
    const doc = parse(html);
    expect(texts(doc.getElementsByTagName("caption"))).toEqual(["Stage 1 responses by handler"]);
    const headers = Array.from(doc.getElementsByTagName("th"));
    expect(headers.map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col", "col", "row", "row"]);
    expect(headers[1]!.getAttribute("class")).toContain("govuk-table__header--numeric");
    const cells = Array.from(doc.getElementsByTagName("td"));
    expect(cells.map((td) => td.getAttribute("class")?.includes("govuk-table__cell--numeric"))).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(texts(cells).map((text) => text.replace(/:.*$/, ""))).toEqual([
      "10",
      "80.0%",
      "1 March 2027",
      "11",
      "No figure",
      "1 March 2027",
    ]);
  });

  it("links a cell to the complaints behind it, saying in hidden text which row and column it is", () => {
    const doc = parse(render(`{{ reportTable(table) }}`, { table: aHandlerTable(1) }));
    const [link] = Array.from(doc.getElementsByTagName("a"));
    expect(link!.getAttribute("href")).toBe("/reports/complaints?handler=1");
    expect(texts([link!])).toEqual(["10: Handler 1, Responses"]);
  });

  it("escapes whatever a person typed into a caption, header or cell", () => {
    const table: TableBlock = {
      kind: "table",
      caption: "<script>alert(1)</script>",
      firstCellIsHeader: true,
      columns: [
        { header: "<b>Handler</b>", type: "text" },
        { header: "Lesson", type: "text" },
      ],
      rows: [["<img src=x onerror=alert(1)>", { value: "<i>Learn</i>", href: 'javascript:alert(1)" x="' }]],
    };
    const html = render(`{{ reportTable(table) }}`, { table });
    expect(html).not.toMatch(/<script|<b>|<img|<i>|" x="/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("reportChart", () => {
  it("shows the title and description, the SVG, and 'Show the data' with the table made from the same series", () => {
    const chart: Chart = aCategoryChart();
    const doc = parse(
      render(`{{ reportChart(chart, "by-category", "/reports/by-category.csv") }}`, { chart }),
    );
    expect(texts(doc.getElementsByTagName("figcaption"))).toEqual([`${chart.title} ${chart.description}`]);
    const [svg] = Array.from(doc.getElementsByTagName("svg"));
    expect(svg!.getAttribute("id")).toBe("by-category");
    expect(svg!.getAttribute("role")).toBe("img");
    expect(texts(doc.getElementsByTagName("summary"))).toEqual(["Show the data"]);
    const rows = Array.from(doc.getElementsByTagName("tbody")[0]!.getElementsByTagName("tr"));
    expect(
      rows.map((row) =>
        texts(row.childNodes as unknown as ArrayLike<{ textContent: string }>).filter(Boolean),
      ),
    ).toEqual(
      chart.categoryAxis.categories.map((category, i) => {
        const value = chart.series[0]!.values[i];
        const shown = value === null || value === undefined ? "No figure" : String(value);
        return [category, i === 0 ? `${shown}: ${category}, 2026/27` : shown];
      }),
    );
    expect(texts(doc.getElementsByTagName("a")).at(-1)).toBe(`Download the data (CSV): ${chart.title}`);
  });
});

describe("reportBlocks", () => {
  it("renders every block in order, each chart with its own id", () => {
    const report = aReport();
    const html = render(`{{ reportBlocks(blocks) }}`, { blocks: report.blocks });
    const doc = parse(html);
    expect(texts(doc.getElementsByTagName("h2"))).toEqual([
      "Headlines",
      "What complaints were about",
      "Timeliness",
    ]);
    expect(texts(doc.getElementsByTagName("h3"))).toEqual(["By handler"]);
    expect(Array.from(doc.getElementsByTagName("svg")).map((svg) => svg.getAttribute("id"))).toEqual([
      "report-chart-5",
      "report-chart-6",
      "report-chart-8",
    ]);
    expect(texts(doc.getElementsByTagName("dt"))).toEqual([
      "Stage 1 complaints per 1,000 homes",
      "Stage 2 responses within the Code's timescales",
    ]);
    expect(texts(doc.getElementsByTagName("dd"))[0]).toBe("12.35 per 1,000 homes 49 complaints, 3,970 homes");
  });
});
