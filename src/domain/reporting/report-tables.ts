import type { Amount, Average, Breakdown, Count } from "./figures.ts";
import { formatAverage, formatCount, formatPercent, formatPounds, labelOfKey, rounded } from "./format.ts";
import type { Measure } from "./tsm.ts";

/**
 * Reports as tables: the one place figures are shaped for people, so that pages, CSV files and anything else
 * that shows a report (a chart, a PDF) show the same rows with the same rounding. Every figure that counts
 * complaints (or contacts) carries a drill link naming it, with the references behind it.
 */
export interface DrillLink {
  /** The figure's name: its path in the report, e.g. `timeliness.stage1.acknowledgedByTarget.numerator`. */
  measure: string;
  /** For a breakdown: the row's key (a channel, a category, a handler's name...). */
  group?: string;
  of: "complaints" | "contacts";
  references: string[];
}

export interface ReportCell {
  /** For people: "85.7%", "£1,250.00", "no figure". */
  text: string;
  /** For machines (CSV): the number as rounded for `text`, text for a label, null for no figure. */
  value: string | number | null;
  numeric: boolean;
  drill?: DrillLink;
}

export interface ReportRow {
  /** The row's heading (the first column). */
  header: string;
  cells: ReportCell[];
}

export interface ReportTable {
  /** Stable within its report: names the table in URLs (`?table=`) and CSV file names. */
  id: string;
  caption: string;
  /** What the figures count and on which date, in a sentence. */
  description: string;
  /** Column headings, the row headings' column first. */
  head: string[];
  rows: ReportRow[];
}

export const blank: ReportCell = { text: "", value: null, numeric: true };

export function countCell(c: Count, drill: Omit<DrillLink, "references">): ReportCell {
  return {
    text: formatCount(c.count),
    value: c.count,
    numeric: true,
    drill: { ...drill, references: c.references },
  };
}

export function plainCount(n: number): ReportCell {
  return { text: formatCount(n), value: n, numeric: true };
}

/** A share's row cells: the percentage, what was counted, and what it was counted out of. */
export function shareCells(m: Measure, measure: string, of: DrillLink["of"] = "complaints"): ReportCell[] {
  return [
    { text: formatPercent(m.value), value: m.value === null ? null : rounded(m.value, 1), numeric: true },
    countCell(count(m.numeratorReferences), { measure: `${measure}.numerator`, of }),
    countCell(count(m.denominatorReferences), { measure: `${measure}.denominator`, of }),
  ];
}

/** A count's row cells in a figure table: the figure, and the same things counted (linked). */
export function countCells(
  c: Count,
  measure: string,
  options: { of?: DrillLink["of"]; group?: string } = {},
): ReportCell[] {
  const drill = {
    measure,
    of: options.of ?? "complaints",
    ...(options.group ? { group: options.group } : {}),
  };
  return [plainCount(c.count), countCell(c, drill), blank];
}

export function averageCells(a: Average, measure: string, unit: string): ReportCell[] {
  return [
    {
      text: formatAverage(a.value, unit),
      value: a.value === null ? null : rounded(a.value, 1),
      numeric: true,
    },
    countCell(count(a.references), { measure, of: "complaints" }),
    blank,
  ];
}

export function amountCells(a: Amount, measure: string): ReportCell[] {
  return [
    { text: formatPounds(a.pence), value: rounded(a.pence / 100, 2), numeric: true },
    countCell(count(a.references), { measure, of: "complaints" }),
    blank,
  ];
}

const count = (references: string[]): Count => ({ count: references.length, references });

/** The columns of a figure table: each row a figure, what it counts, and what it is out of. */
export const FIGURE_HEAD = ["Measure", "Figure", "Counted", "Out of"];

/**
 * A breakdown as a table: a row per key with its count (linked) and its share of the total. `labelOf` says how
 * a key is shown (handlers' names as they are; stored keys in words).
 */
export function breakdownTable(
  table: Omit<ReportTable, "rows" | "head"> & { keyHeading: string; countHeading: string },
  b: Breakdown,
  measure: string,
  options: { of?: DrillLink["of"]; labelOf?: (key: string) => string } = {},
): ReportTable {
  const total = b.reduce((sum, row) => sum + row.count, 0);
  const { keyHeading, countHeading, ...rest } = table;
  return {
    ...rest,
    head: [keyHeading, countHeading, "Share"],
    rows: b.map((row) => {
      const part = total > 0 ? (row.count / total) * 100 : null;
      return {
        header: (options.labelOf ?? labelOfKey)(row.key),
        cells: [
          countCell(row, { measure, group: row.key, of: options.of ?? "complaints" }),
          { text: formatPercent(part), value: part === null ? null : rounded(part, 1), numeric: true },
        ],
      };
    }),
  };
}

/** Two breakdowns side by side, Stage 1 and Stage 2 (outcomes, refusals by ground): every key of either. */
export function stagePairTable(
  table: Omit<ReportTable, "rows" | "head"> & { keyHeading: string },
  pair: { stage1: Breakdown; stage2: Breakdown },
  measure: string,
): ReportTable {
  const keys = [...new Set([...pair.stage1, ...pair.stage2].map((row) => row.key))];
  const { keyHeading, ...rest } = table;
  const cell = (b: Breakdown, stage: string, key: string) => {
    const row = b.find((r) => r.key === key) ?? { key, count: 0, references: [] };
    return countCell(row, { measure: `${measure}.${stage}`, group: key, of: "complaints" });
  };
  return {
    ...rest,
    head: [keyHeading, "Stage 1", "Stage 2"],
    rows: keys.map((key) => ({
      header: labelOfKey(key),
      cells: [cell(pair.stage1, "stage1", key), cell(pair.stage2, "stage2", key)],
    })),
  };
}

/** The figure a drill link names in a set of tables, if any cell links to it. */
export function findDrill(
  tables: readonly ReportTable[],
  measure: string,
  group?: string,
): { table: ReportTable; row: ReportRow; column: string; drill: DrillLink } | null {
  for (const table of tables)
    for (const row of table.rows)
      for (const [i, cell] of row.cells.entries())
        if (cell.drill && cell.drill.measure === measure && cell.drill.group === group)
          return { table, row, column: table.head[i + 1] ?? "", drill: cell.drill };
  return null;
}
