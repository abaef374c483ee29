import { describe, expect, it } from "vitest";
import { chartProblems, chartSummary, chartTable, InvalidChartError } from "./chart-data.ts";
import type { Chart } from "./report-document.ts";
import { cellHref, cellValue } from "./table-cells.ts";

const byCategory: Chart = {
  kind: "grouped-bar",
  title: "Complaints by category",
  description: "Repairs had the most complaints at both stages.",
  categoryAxis: { label: "Category", categories: ["Repairs", "Damp and mould", "Leaks"] },
  valueAxis: { label: "Complaints received", unit: "count" },
  series: [
    { label: "Stage 1", values: [12, 0, null], hrefs: ["/r?c=repairs&s=1", undefined, undefined] },
    { label: "Stage 2", values: [3, 1, 2] },
  ],
};

describe("chartTable", () => {
  it("is the chart's own data: a row per category named in its first cell, a column per series", () => {
    const table = chartTable(byCategory);
    expect(table.caption).toBe("Complaints by category");
    expect(table.firstCellIsHeader).toBe(true);
    expect(table.columns).toEqual([
      { header: "Category", type: "text" },
      { header: "Stage 1", type: "number", unit: "count" },
      { header: "Stage 2", type: "number", unit: "count" },
    ]);
    expect(table.rows.map((row) => row.map(cellValue))).toEqual([
      ["Repairs", 12, 3],
      ["Damp and mould", 0, 1],
      ["Leaks", null, 2],
    ]);
    // Read back column by column, the table gives the series exactly.
    byCategory.series.forEach((series, s) => {
      expect(table.rows.map((row) => cellValue(row[s + 1]!))).toEqual(series.values);
    });
    expect(cellHref(table.rows[0]![1]!)).toBe("/r?c=repairs&s=1");
    expect(cellHref(table.rows[1]![1]!)).toBeUndefined();
  });
});

describe("chartProblems", () => {
  it("accepts a drawable chart and names what is wrong with one that is not", () => {
    expect(chartProblems(byCategory)).toEqual([]);
    const bad: Chart = {
      ...byCategory,
      kind: "bar",
      series: [
        { label: "Stage 1", values: [1, 2] },
        { label: "Stage 2", values: [1, Number.POSITIVE_INFINITY, 3] },
      ],
    };
    expect(chartProblems(bad)).toEqual([
      '"Complaints by category" is a bar chart with 2 series: use grouped-bar or stacked-bar.',
      'Series "Stage 1" has 2 values for 3 categories.',
      'Series "Stage 2" has a value that is not a number.',
    ]);
    expect(() => chartTable(bad)).toThrow(InvalidChartError);
    const many = {
      ...byCategory,
      series: Array.from({ length: 9 }, (_, i) => ({ label: `S${i}`, values: [1, 2, 3] })),
    };
    expect(chartProblems(many)).toEqual([
      '"Complaints by category" has 9 series; at most 8 can be told apart.',
    ]);
    expect(
      chartProblems({ ...byCategory, categoryAxis: { label: "Category", categories: [] }, series: [] }),
    ).toEqual(['"Complaints by category" has no categories.', '"Complaints by category" has no series.']);
  });
});

describe("chartSummary", () => {
  it("gives every figure in words, with the unit, and says where there is none", () => {
    expect(chartSummary(byCategory)).toBe(
      "Complaints received. Repairs: Stage 1 12, Stage 2 3; Damp and mould: Stage 1 0, Stage 2 1; Leaks: Stage 1 no figure, Stage 2 2.",
    );
    const rate: Chart = {
      ...byCategory,
      kind: "bar",
      valueAxis: { label: "Stage 1 complaints per 1,000 homes", unit: "per-1000-homes" },
      series: [{ label: "2026/27", values: [1.5, 0, null] }],
    };
    expect(chartSummary(rate)).toBe(
      "Stage 1 complaints per 1,000 homes. Repairs: 1.50 per 1,000 homes; Damp and mould: 0.00 per 1,000 homes; Leaks: no figure.",
    );
  });

  it("names the highest and lowest of each series when there are too many categories to list", () => {
    const months = Array.from({ length: 24 }, (_, i) => `Month ${i + 1}`);
    const trend: Chart = {
      kind: "line",
      title: "Stage 1 responses within the Code",
      description: "Most responses were on time.",
      categoryAxis: { label: "Month", categories: months },
      valueAxis: { label: "Responses within the Code's timescales", unit: "percent" },
      series: [
        {
          label: "Stage 1",
          values: months.map((_, i) => (i === 5 ? 40 : i === 9 ? 100 : i === 0 ? null : 80)),
        },
        { label: "Stage 2", values: months.map(() => null) },
      ],
    };
    expect(chartSummary(trend)).toBe(
      "Responses within the Code's timescales (24 month values, Month 1 to Month 24): Stage 1: highest Month 10 (100.0%), lowest Month 6 (40.0%); Stage 2: no figures. Every figure is in the table.",
    );
  });
});
