import { assertDrawable } from "../../domain/reporting/chart-data.ts";
import type { Chart } from "../../domain/reporting/report-document.ts";
import { layoutBarChart } from "./bar-layout.ts";
import type { ChartLayout, LayoutOptions } from "./geometry.ts";
import { layoutLineChart } from "./line-layout.ts";

/** Lays a chart out for a given width and text size; refuses a chart whose data cannot be drawn. */
export function layoutChart(chart: Chart, options: LayoutOptions): ChartLayout {
  assertDrawable(chart);
  return chart.kind === "line" ? layoutLineChart(chart, options) : layoutBarChart(chart, options);
}
