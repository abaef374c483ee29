import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import {
  aCategoryChart,
  aGroupedChart,
  aStackedChart,
  aTrendChart,
} from "../../../test/support/report-documents.ts";
import { chartSummary, chartTable } from "../../domain/reporting/chart-data.ts";
import type { Chart } from "../../domain/reporting/report-document.ts";
import { formatValue } from "../../domain/reporting/report-format.ts";
import { cellValue } from "../../domain/reporting/table-cells.ts";
import { renderChartSvg } from "./svg.ts";

/** Parses the SVG with a real XML parser that refuses anything not well-formed (warnings included). */
function parse(svg: string): XmlElement {
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, "image/svg+xml");
  return document.documentElement!;
}

const all = (root: XmlElement, name: string) => Array.from(root.getElementsByTagName(name));
const titleOf = (element: XmlElement) =>
  Array.from(element.childNodes).find((node) => node.nodeName === "title")?.textContent ?? null;
const marks = (root: XmlElement) =>
  ["rect", "circle", "polygon"].flatMap((name) =>
    all(root, name).filter((element) => element.getAttribute("class") === "redress-chart__mark"),
  );

const CHARTS: [string, Chart][] = [
  ["bar", aCategoryChart()],
  ["grouped bar", aGroupedChart()],
  ["stacked bar", aStackedChart()],
  ["line", aTrendChart()],
];

describe("renderChartSvg", () => {
  for (const [kind, chart] of CHARTS) {
    it(`${kind}: is well-formed SVG, an image named by its title and described by its description and data`, () => {
      const root = parse(renderChartSvg(chart, { id: "figure-1" }));
      expect(root.namespaceURI).toBe("http://www.w3.org/2000/svg");
      expect(root.getAttribute("role")).toBe("img");
      const title = root.ownerDocument!.getElementById(root.getAttribute("aria-labelledby")!)!;
      expect(title.nodeName).toBe("title");
      expect(title.textContent).toBe(chart.title);
      const desc = root.ownerDocument!.getElementById(root.getAttribute("aria-describedby")!)!;
      expect(desc.nodeName).toBe("desc");
      expect(desc.textContent).toBe(`${chart.description} ${chartSummary(chart)}`);
      // The title and description come first, so they are what the image is called and about.
      expect(
        Array.from(root.childNodes)
          .filter((n) => n.nodeType === 1)
          .slice(0, 2)
          .map((n) => n.nodeName),
      ).toEqual(["title", "desc"]);
      expect(all(root, "script")).toHaveLength(0);
      expect(all(root, "style")).toHaveLength(0);
      expect(renderChartSvg(chart)).not.toMatch(/ style=|<foreignObject|on[a-z]+=/i);
    });

    it(`${kind}: every data mark is titled with its label and value, and together they are the data table`, () => {
      const root = parse(renderChartSvg(chart));
      const titled = marks(root).map((mark) => ({
        series: Number(mark.getAttribute("data-series")),
        category: Number(mark.getAttribute("data-category")),
        title: titleOf(mark),
      }));
      const table = chartTable(chart);
      const expected = table.rows.flatMap((row, category) =>
        row.slice(1).flatMap((cell, series) => {
          const value = cellValue(cell);
          if (value === null) return [];
          const name = chart.categoryAxis.categories[category];
          const of = chart.series.length > 1 ? `${name}, ${chart.series[series]!.label}` : name;
          return [
            { series, category, title: `${of}: ${formatValue(value as number, chart.valueAxis.unit)}` },
          ];
        }),
      );
      const order = (a: { series: number; category: number }, b: { series: number; category: number }) =>
        a.category - b.category || a.series - b.series;
      expect(titled.sort(order)).toEqual(expected.sort(order));
    });
  }

  it("escapes every label: markup typed into a name is text, never an element", () => {
    const hostile = "<script>alert('x')</script> & \"Repairs\"";
    const chart = aGroupedChart({
      title: "Complaints <b>by</b> handler & stage",
      description: 'Handler "<img src=x onerror=alert(1)>" had most.',
      categoryAxis: { label: "Handler </text><script>", categories: [hostile, "Asha", "Ben"] },
      series: [
        { label: "<i>Stage 1</i>", values: [1, 2, 3] },
        { label: "Stage 2 ]]>", values: [1, 0, null] },
      ],
    });
    const svg = renderChartSvg(chart);
    const root = parse(svg);
    expect(all(root, "script")).toHaveLength(0);
    expect(all(root, "b")).toHaveLength(0);
    expect(all(root, "i")).toHaveLength(0);
    expect(all(root, "img")).toHaveLength(0);
    expect(svg).not.toContain("<script");
    expect(all(root, "title")[0]!.textContent).toBe(chart.title);
    // Each text in full: its title where it was shortened, otherwise its lines read together.
    const texts = all(root, "text").map(
      (text) =>
        titleOf(text) ??
        Array.from(text.getElementsByTagName("tspan"))
          .map((tspan) => tspan.textContent)
          .join(" "),
    );
    expect(texts).toContain(hostile);
    expect(texts).toContain("<i>Stage 1</i>");
    expect(marks(root).map(titleOf)).toContain(`${hostile}, <i>Stage 1</i>: 1`);
  });

  it("keeps the whole of a shortened name in a title on the text", () => {
    const root = parse(renderChartSvg(aCategoryChart()));
    const long = aCategoryChart().categoryAxis.categories[2]!;
    const text = all(root, "text").find((element) => titleOf(element) === long)!;
    expect(Array.from(text.getElementsByTagName("tspan")).map((t) => t.textContent)).toHaveLength(2);
  });

  it("fills each series of bars with its own pattern, defined inside the chart under the chart's id", () => {
    const root = parse(renderChartSvg(aGroupedChart(), { id: "by-stage" }));
    const fills = new Set(marks(root).map((mark) => mark.getAttribute("fill")));
    expect(fills).toEqual(new Set(["#1d70b8", "url(#by-stage-diagonal)", "url(#by-stage-dots)"]));
    expect(all(root, "pattern").map((pattern) => pattern.getAttribute("id"))).toEqual([
      "by-stage-diagonal",
      "by-stage-dots",
    ]);
  });

  it("is the same bytes for the same chart; different charts get different ids, and a given id is made safe", () => {
    expect(renderChartSvg(aTrendChart())).toBe(renderChartSvg(structuredClone(aTrendChart())));
    const id = (svg: string) => parse(svg).getAttribute("id");
    expect(id(renderChartSvg(aTrendChart()))).not.toBe(id(renderChartSvg(aCategoryChart())));
    expect(id(renderChartSvg(aTrendChart(), { id: 'x" onload="alert(1)' }))).toBe("x--onload--alert-1-");
  });
});
