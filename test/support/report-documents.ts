import type { Chart, ReportDocument, TableBlock } from "../../src/domain/reporting/report-document.ts";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"].map(
  (month, index) => `${month} ${index < 9 ? 2026 : 2027}`,
);

/** Stage 1 complaints by category: one series, with a zero, a missing figure and a very long category name. */
export function aCategoryChart(overrides: Partial<Chart> = {}): Chart {
  return {
    kind: "bar",
    title: "Stage 1 complaints by category",
    description: "Repairs had the most Stage 1 complaints, more than twice damp and mould.",
    categoryAxis: {
      label: "Category",
      categories: [
        "Repairs",
        "Damp and mould",
        "Anti-social behaviour and neighbour disputes that went on for a very long time",
        "Leaks",
        "Staff conduct",
        "Other",
      ],
    },
    valueAxis: { label: "Stage 1 complaints received", unit: "count" },
    series: [
      {
        label: "2026/27",
        values: [42, 17, 5, 0, null, 1],
        hrefs: [
          "/reports/complaints?category=repairs",
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ],
      },
    ],
    ...overrides,
  };
}

/** Complaints by stage within each category: three series side by side. */
export function aGroupedChart(overrides: Partial<Chart> = {}): Chart {
  return {
    kind: "grouped-bar",
    title: "Complaints by stage and category",
    description: "Most complaints were settled at Stage 1.",
    categoryAxis: { label: "Category", categories: ["Repairs", "Damp and mould", "Leaks"] },
    valueAxis: { label: "Complaints received", unit: "count" },
    series: [
      { label: "Stage 1", values: [42, 17, 3] },
      { label: "Stage 2", values: [8, null, 0] },
      { label: "Referred to the Ombudsman", values: [2, 1, 0] },
    ],
    ...overrides,
  };
}

/** Outcomes at each stage: parts of a whole. */
export function aStackedChart(overrides: Partial<Chart> = {}): Chart {
  return {
    kind: "stacked-bar",
    title: "Outcomes by stage",
    description: "Almost half of Stage 1 responses upheld the complaint.",
    categoryAxis: { label: "Stage", categories: ["Stage 1", "Stage 2"] },
    valueAxis: { label: "Responses", unit: "count" },
    series: [
      { label: "Upheld", values: [20, 3] },
      { label: "Partially upheld", values: [12, 2] },
      { label: "Not upheld", values: [10, 3] },
    ],
    ...overrides,
  };
}

/** Timeliness month by month, two series, each with a month with no figure. */
export function aTrendChart(overrides: Partial<Chart> = {}): Chart {
  return {
    kind: "line",
    title: "Responses within the Code's timescales",
    description: "Stage 1 timeliness rose through the year, from 70% in April to 97% in March.",
    categoryAxis: { label: "Month", categories: MONTHS },
    valueAxis: { label: "Responses within the Code's timescales", unit: "percent" },
    series: [
      { label: "Stage 1", values: [70, 72, 80, null, 85, 88, 90, 91, 93, 95, 96, 97] },
      { label: "Stage 2", values: [50, null, 60, 75, 80, 100, 100, 90, 95, 100, 100, 100] },
    ],
    ...overrides,
  };
}

export function aHandlerTable(rows = 4): TableBlock {
  return {
    kind: "table",
    caption: "Stage 1 responses by handler",
    firstCellIsHeader: true,
    columns: [
      { header: "Handler", type: "text" },
      { header: "Responses", type: "number", unit: "count" },
      { header: "Within the Code's timescales", type: "number", unit: "percent" },
      { header: "Last response", type: "date" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `Handler ${i + 1}`,
      { value: 10 + i, href: `/reports/complaints?handler=${i + 1}` },
      i === 1 ? null : 80 + i,
      "2027-03-01",
    ]),
  };
}

/** A report with every kind of block. Overrides replace whole fields. */
export function aReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    language: "en-GB",
    title: "Complaints report: 2026/27",
    organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
    period: { from: "2026-04-01", to: "2027-03-31", label: "2026/27" },
    producedOn: "2027-04-15",
    blocks: [
      { kind: "heading", level: 2, text: "Headlines" },
      { kind: "paragraph", text: "Complaints rose slightly; responses were quicker." },
      {
        kind: "figures",
        figures: [
          {
            label: "Stage 1 complaints per 1,000 homes",
            value: 12.3456,
            unit: "per-1000-homes",
            note: "49 complaints, 3,970 homes",
          },
          { label: "Stage 2 responses within the Code's timescales", value: null, unit: "percent" },
        ],
      },
      { kind: "heading", level: 2, text: "What complaints were about" },
      { kind: "chart", chart: aCategoryChart() },
      { kind: "chart", chart: aGroupedChart() },
      { kind: "heading", level: 2, text: "Timeliness" },
      { kind: "chart", chart: aTrendChart() },
      { kind: "heading", level: 3, text: "By handler" },
      aHandlerTable(),
    ],
    ...overrides,
  };
}
