import nunjucks from "nunjucks";
import { renderChartSvg } from "../adapters/report-charts/svg.ts";
import { chartTable } from "../domain/reporting/chart-data.ts";
import type { Chart, TableCell, TableColumn, ValueUnit } from "../domain/reporting/report-document.ts";
import { formatFigure } from "../domain/reporting/report-format.ts";
import { cellHref, formatCell } from "../domain/reporting/table-cells.ts";

/**
 * The filters the report macros (views/report/macros.njk) use, so a page shows a report document the way
 * the PDF and CSV do: `chartSvg` (the chart's SVG, trusted markup: every label in it is escaped by the
 * renderer), `chartTable` (its data table, from the same series), `reportCell` / `reportCellHref` (a
 * table cell formatted by its column, and its drill-down link), `reportFigure` (a figure with its unit).
 */
export function addReportFilters(env: nunjucks.Environment): void {
  env.addFilter(
    "chartSvg",
    (chart: Chart, id?: string) => new nunjucks.runtime.SafeString(renderChartSvg(chart, id ? { id } : {})),
  );
  env.addFilter("chartTable", (chart: Chart) => chartTable(chart));
  env.addFilter("reportCell", (cell: TableCell | undefined, column: TableColumn) =>
    formatCell(cell ?? null, column),
  );
  env.addFilter("reportCellHref", (cell: TableCell | undefined) => cellHref(cell ?? null) ?? "");
  env.addFilter("reportFigure", (value: number | null, unit: ValueUnit) => formatFigure(value ?? null, unit));
}
