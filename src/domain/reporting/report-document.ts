import type { LocalDate } from "../calendar/day-number.ts";
import type { ReportingPeriod } from "./reporting-year.ts";

/**
 * A report ready to be shown, downloaded or printed: every figure worked out, every word decided. The
 * measures and the periodic reports build one; the presentation toolkit renders it (GOV.UK HTML with
 * charts as accessible SVG, CSV of every table, a tagged PDF) and reads nothing else, so a report says the
 * same wherever it is opened. Numbers stay raw here (formatted per locale when shown, written as they are
 * in CSV). See docs/reporting.md, "Presentation".
 */
export interface ReportDocument {
  /** The document language (PDF /Lang, HTML lang). */
  language: "en-GB";
  /** "Complaints report: 2026/27". */
  title: string;
  organisation: { id: string; name: string };
  period: ReportingPeriod;
  /** The London date the report was produced: shown on it, and the PDF's date (same report, same bytes). */
  producedOn: LocalDate;
  /** In reading order. */
  blocks: ReportBlock[];
}

export type ReportBlock = HeadingBlock | ParagraphBlock | FigureListBlock | TableBlock | ChartBlock;

/** H2 for a part of the report, H3 within it (the report's title is its only H1). */
export interface HeadingBlock {
  kind: "heading";
  level: 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
}

/**
 * What a number means, which decides how it is shown. `percent` is a percentage (85.5 means 85.5%, as
 * `measure(…, 100)` gives it), `per-1000-homes` a rate (TSM CH01), `pounds` an amount in pounds (not
 * pence), `working-days` a duration, `count` a whole number of things.
 */
export type ValueUnit = "count" | "percent" | "per-1000-homes" | "working-days" | "pounds";

/** A headline figure: "Stage 1 responses within the Code's timescales: 85.5%". */
export interface Figure {
  label: string;
  /** null when there is no figure (nothing to divide by): shown as "No figure", never as 0. */
  value: number | null;
  unit: ValueUnit;
  /** What it is worked out from, or a caveat: "120 of 140 responses". */
  note?: string;
  /** The complaints behind the figure (a list, or its CSV). */
  href?: string;
}

export interface FigureListBlock {
  kind: "figures";
  figures: Figure[];
}

/** A column's kind decides alignment and formatting: numbers right-aligned and formatted by unit, dates long. */
export type TableColumn =
  | { header: string; type: "text" }
  | { header: string; type: "date" }
  | { header: string; type: "number"; unit: ValueUnit };

/** A cell's raw value: text, a number, a London date (YYYY-MM-DD) in a date column, or null (no figure). */
export type CellValue = string | number | null;

/** A cell with a drill-down link (to the complaints behind it, or a complaint's page). */
export interface LinkedCell {
  value: CellValue;
  href: string;
}

export type TableCell = CellValue | LinkedCell;

export interface TableBlock {
  kind: "table";
  caption: string;
  columns: TableColumn[];
  /** Each row has one cell per column. */
  rows: TableCell[][];
  /** The first cell of each row names the row (a row header: `<th scope="row">`, PDF TH with Row scope). */
  firstCellIsHeader: boolean;
}

/**
 * `bar` has one series; `grouped-bar` sets the series side by side within each category, `stacked-bar` end
 * to end (a part-of-a-whole); `line` is a trend, categories being periods in order.
 */
export type ChartKind = "bar" | "grouped-bar" | "stacked-bar" | "line";

export interface ChartSeries {
  label: string;
  /** One per category, in the same order; null where there is no figure. */
  values: (number | null)[];
  /** Optional drill-down per value (the complaints behind it), one per category; carried into the data table. */
  hrefs?: (string | undefined)[];
}

/**
 * A chart and its data in one: the data table shown beside it is made from these series
 * (`chartTable`), so the picture and the table can never disagree.
 */
export interface Chart {
  kind: ChartKind;
  title: string;
  /** One sentence saying what the chart shows and what to notice: read first by a screen reader. */
  description: string;
  /** The category axis: periods for a line, categories for bars. */
  categoryAxis: { label: string; categories: string[] };
  /** The value axis: one unit for every series. */
  valueAxis: { label: string; unit: ValueUnit };
  series: ChartSeries[];
}

export interface ChartBlock {
  kind: "chart";
  chart: Chart;
}
