import type { Chart, TableBlock, TableCell } from "./report-document.ts";
import { formatFigure } from "./report-format.ts";

/** More series than this cannot be told apart by pattern or marker as well as colour: use a table. */
export const MAX_SERIES = 8;
/** Beyond this many categories the text summary names the extremes instead of every figure. */
const LISTED_CATEGORIES = 20;

/**
 * What is wrong with a chart's data, in words for whoever built it (empty when it can be drawn). A chart
 * is built by code, not typed by a person, so the renderers refuse a bad one rather than guess.
 */
export function chartProblems(chart: Chart): string[] {
  const problems: string[] = [];
  const count = chart.categoryAxis.categories.length;
  if (count === 0) problems.push(`"${chart.title}" has no categories.`);
  if (chart.series.length === 0) problems.push(`"${chart.title}" has no series.`);
  if (chart.series.length > MAX_SERIES)
    problems.push(
      `"${chart.title}" has ${chart.series.length} series; at most ${MAX_SERIES} can be told apart.`,
    );
  if (chart.kind === "bar" && chart.series.length > 1)
    problems.push(
      `"${chart.title}" is a bar chart with ${chart.series.length} series: use grouped-bar or stacked-bar.`,
    );
  for (const series of chart.series) {
    if (series.values.length !== count)
      problems.push(`Series "${series.label}" has ${series.values.length} values for ${count} categories.`);
    if (series.hrefs && series.hrefs.length !== count)
      problems.push(`Series "${series.label}" has ${series.hrefs.length} links for ${count} categories.`);
    if (series.values.some((value) => value !== null && !Number.isFinite(value)))
      problems.push(`Series "${series.label}" has a value that is not a number.`);
  }
  return problems;
}

export class InvalidChartError extends Error {
  constructor(readonly problems: string[]) {
    super(`The chart cannot be drawn: ${problems.join(" ")}`);
    this.name = "InvalidChartError";
  }
}

export function assertDrawable(chart: Chart): void {
  const problems = chartProblems(chart);
  if (problems.length > 0) throw new InvalidChartError(problems);
}

/**
 * The chart's data as a table, made from the same series: a row per category (named in the first cell),
 * a column per series, each value with its drill-down link when the series has one. This is the table
 * shown beside the chart, written to CSV and printed after it in the PDF.
 */
export function chartTable(chart: Chart): TableBlock {
  assertDrawable(chart);
  const { categories, label } = chart.categoryAxis;
  return {
    kind: "table",
    caption: chart.title,
    columns: [
      { header: label, type: "text" },
      ...chart.series.map((series) => ({
        header: series.label,
        type: "number" as const,
        unit: chart.valueAxis.unit,
      })),
    ],
    rows: categories.map((category, index) => [
      category,
      ...chart.series.map((series): TableCell => {
        const value = series.values[index] ?? null;
        const href = series.hrefs?.[index];
        return href ? { value, href } : value;
      }),
    ]),
    firstCellIsHeader: true,
  };
}

/**
 * The chart's data in words, for its SVG <desc> and its PDF alternative text after the description: every
 * figure for up to 20 categories ("Repairs: 12; Damp and mould: no figure."), otherwise the number of
 * categories and the highest and lowest of each series, pointing to the table.
 */
export function chartSummary(chart: Chart): string {
  assertDrawable(chart);
  const { categories } = chart.categoryAxis;
  const unit = chart.valueAxis.unit;
  const shown = (value: number | null | undefined) =>
    value === null || value === undefined ? "no figure" : formatFigure(value, unit);
  const single = chart.series.length === 1;
  if (categories.length <= LISTED_CATEGORIES) {
    const parts = categories.map((category, index) => {
      const values = chart.series.map((series) =>
        single ? shown(series.values[index]) : `${series.label} ${shown(series.values[index])}`,
      );
      return `${category}: ${values.join(", ")}`;
    });
    return `${chart.valueAxis.label}. ${parts.join("; ")}.`;
  }
  const extremes = chart.series.map((series) => {
    const figures = series.values
      .map((value, index) => ({ value, category: categories[index] ?? "" }))
      .filter((entry): entry is { value: number; category: string } => entry.value !== null);
    const name = single ? "" : `${series.label}: `;
    if (figures.length === 0) return `${name}no figures`;
    const highest = figures.reduce((a, b) => (b.value > a.value ? b : a));
    const lowest = figures.reduce((a, b) => (b.value < a.value ? b : a));
    return `${name}highest ${highest.category} (${shown(highest.value)}), lowest ${lowest.category} (${shown(lowest.value)})`;
  });
  const span = `${categories.length} ${chart.categoryAxis.label.toLowerCase()} values, ${categories[0]} to ${categories.at(-1)}`;
  return `${chart.valueAxis.label} (${span}): ${extremes.join("; ")}. Every figure is in the table.`;
}
