import type { Chart } from "../../domain/reporting/report-document.ts";
import { formatTick, formatValue, NO_FIGURE } from "../../domain/reporting/report-format.ts";
import { layoutLegend, linearScale, textBlock, valueTicks } from "./axis-and-legend.ts";
import { LINE_HEIGHT, round, type ChartLayout, type LayoutOptions, type Shape } from "./geometry.ts";
import { AXIS_COLOUR, GRID_COLOUR, SECONDARY_TEXT_COLOUR, seriesStyle, TEXT_COLOUR } from "./palette.ts";
import { textWidth, wrapText } from "./text-measure.ts";

/** The most a category's name may take of the width, on up to two lines; longer names are cut (full name on hover). */
const LABEL_SHARE = 0.3;
const LABEL_LINES = 2;

/**
 * Bars run across the page: category names, however long, sit on the left where they read naturally,
 * and many categories make the chart taller rather than cramped. Each bar ends in its value; a missing
 * figure says "No figure" where its bar would be. Negative values run left of a zero line.
 */
export function layoutBarChart(chart: Chart, options: LayoutOptions): ChartLayout {
  const { width, fontSize: f } = options;
  const pad = f * 0.5;
  const stacked = chart.kind === "stacked-bar";
  const grouped = chart.kind === "grouped-bar";
  const { categories } = chart.categoryAxis;
  const unit = chart.valueAxis.unit;
  const shapes: Shape[] = [];
  let top = 0;

  if (chart.series.length > 1) {
    const legend = layoutLegend(chart.series, "bar", { top, width, fontSize: f });
    shapes.push(...legend.shapes);
    top += legend.height + f * 0.5;
  }
  const heading = textBlock(
    chart.categoryAxis.label,
    { x: 0, y: top, width, size: f, maxLines: 1 },
    { role: "axis-label", weight: "bold", anchor: "start" },
  );
  shapes.push(heading.shape);
  top += heading.height + pad / 2;

  // What each bar (or stack) reaches, and the label at its end.
  const ends = categories.map((_, c) => barEnds(chart, c, stacked));
  const ticks = valueTicks(
    ends.flatMap((e) => e.flatMap((end) => (end.value === null ? [] : [end.low, end.high]))),
    unit,
  );
  const labels = ends.flat().filter((end) => end.label !== null);
  const room = (negative: boolean) =>
    Math.max(
      0,
      ...labels
        .filter((end) => (end.value ?? 0) < 0 === negative)
        .map((end) => textWidth(end.label ?? "", f) + pad),
    );

  const names = categories.map((name) => wrapText(name, width * LABEL_SHARE, f, LABEL_LINES));
  const nameWidth = Math.max(...names.flatMap((name) => name.lines.map((line) => textWidth(line, f))));
  const lastTickHalf = textWidth(formatTick(ticks.at(-1) ?? 0, unit), f) / 2;
  const plotLeft = nameWidth + pad * 2 + room(true);
  const plotRight = width - Math.max(room(false), lastTickHalf);
  const x = linearScale(ticks, plotLeft, plotRight);

  const barHeight = f * 1.5;
  const inner = grouped ? barHeight * chart.series.length : barHeight;
  const gap = f * 0.75;
  const plotTop = top;
  let y = plotTop + gap / 2;
  const marks: Shape[] = [];
  categories.forEach((category, c) => {
    const name = names[c] ?? { lines: [category], truncated: false };
    const band = Math.max(inner, name.lines.length * f * LINE_HEIGHT);
    const middle = y + band / 2;
    marks.push({
      type: "text",
      role: "tick-label",
      x: round(nameWidth + pad / 2),
      y: round(middle - ((name.lines.length - 1) * f * LINE_HEIGHT) / 2 + f * 0.35),
      lines: name.lines,
      size: f,
      weight: "regular",
      anchor: "end",
      colour: TEXT_COLOUR,
      ...(name.truncated ? { title: category } : {}),
    });
    const innerTop = middle - inner / 2;
    (ends[c] ?? []).forEach((end, slot) => {
      const slotTop = innerTop + (grouped ? slot * barHeight : 0);
      const slotMiddle = slotTop + barHeight / 2;
      for (const segment of end.segments) {
        const [from, to] = [x(segment.low), x(segment.high)];
        // Stacked segments are parted by a sliver of background, so neighbours never rely on their colours' contrast.
        const inset = stacked && to - from > 3 ? 1 : 0;
        marks.push({
          type: "bar",
          role: "mark",
          x: round(from + inset),
          y: round(slotTop + 1),
          width: round(to - from - 2 * inset),
          height: round(barHeight - 2),
          style: seriesStyle(segment.series),
          title: markTitle(chart, c, segment.series, segment.value),
          of: { series: segment.series, category: c },
        });
      }
      const baseline = round(slotMiddle + f * 0.35);
      if (end.value === null) {
        marks.push({
          type: "text",
          role: "no-figure",
          x: round(x(0) + pad),
          y: baseline,
          lines: [NO_FIGURE],
          size: f,
          weight: "regular",
          anchor: "start",
          colour: SECONDARY_TEXT_COLOUR,
          title: markTitle(chart, c, end.series, null),
        });
      } else if (end.label !== null) {
        const negative = end.value < 0;
        marks.push({
          type: "text",
          role: "value-label",
          x: round(negative ? x(end.low) - pad / 2 : x(end.high) + pad / 2),
          y: baseline,
          lines: [end.label],
          size: f,
          weight: "regular",
          anchor: negative ? "end" : "start",
          colour: TEXT_COLOUR,
        });
      }
    });
    y += band + gap;
  });
  const axisY = round(y - gap / 2);

  for (const tick of ticks) {
    if (tick !== 0)
      shapes.push({
        type: "line",
        role: "grid",
        x1: x(tick),
        y1: round(plotTop),
        x2: x(tick),
        y2: axisY,
        colour: GRID_COLOUR,
        strokeWidth: 1,
      });
  }
  shapes.push(...marks);
  const tickLength = f * 0.4;
  shapes.push(
    {
      type: "line",
      role: "axis",
      x1: x(0),
      y1: round(plotTop),
      x2: x(0),
      y2: axisY,
      colour: AXIS_COLOUR,
      strokeWidth: 1.5,
    },
    {
      type: "line",
      role: "axis",
      x1: round(plotLeft),
      y1: axisY,
      x2: round(plotRight),
      y2: axisY,
      colour: AXIS_COLOUR,
      strokeWidth: 1.5,
    },
  );
  for (const tick of ticks) {
    shapes.push(
      {
        type: "line",
        role: "axis",
        x1: x(tick),
        y1: axisY,
        x2: x(tick),
        y2: round(axisY + tickLength),
        colour: AXIS_COLOUR,
        strokeWidth: 1.5,
      },
      {
        type: "text",
        role: "tick-label",
        x: x(tick),
        y: round(axisY + tickLength + f),
        lines: [formatTick(tick, unit)],
        size: f,
        weight: "regular",
        anchor: "middle",
        colour: TEXT_COLOUR,
      },
    );
  }
  const axisLabel = textBlock(
    chart.valueAxis.label,
    {
      x: (plotLeft + plotRight) / 2,
      y: axisY + tickLength + f * LINE_HEIGHT + pad,
      width,
      size: f,
      maxLines: 2,
    },
    { role: "axis-label", weight: "bold", anchor: "middle" },
  );
  shapes.push(axisLabel.shape);
  return {
    width,
    height: round(axisY + tickLength + f * LINE_HEIGHT + pad + axisLabel.height + pad),
    shapes,
  };
}

interface BarEnd {
  /** The series this slot draws (for a stack, the first). */
  series: number;
  /** The bar's value (a stack's total of its figures), null when there is no figure at all. */
  value: number | null;
  low: number;
  high: number;
  /** What is written at its end: the value, or a stack's total. */
  label: string | null;
  segments: { series: number; value: number; low: number; high: number }[];
}

/** A category's bars: one per series side by side (grouped or single), or one stack of every series. */
function barEnds(chart: Chart, category: number, stacked: boolean): BarEnd[] {
  const unit = chart.valueAxis.unit;
  if (!stacked) {
    return chart.series.map((series, s) => {
      const value = series.values[category] ?? null;
      if (value === null) return { series: s, value, low: 0, high: 0, label: null, segments: [] };
      const [low, high] = value < 0 ? [value, 0] : [0, value];
      return {
        series: s,
        value,
        low,
        high,
        label: formatValue(value, unit),
        segments: [{ series: s, value, low, high }],
      };
    });
  }
  let [above, below] = [0, 0];
  const segments: BarEnd["segments"] = [];
  chart.series.forEach((series, s) => {
    const value = series.values[category] ?? null;
    if (value === null) return;
    if (value >= 0) {
      segments.push({ series: s, value, low: above, high: above + value });
      above += value;
    } else {
      segments.push({ series: s, value, low: below + value, high: below });
      below += value;
    }
  });
  if (segments.length === 0) return [{ series: 0, value: null, low: 0, high: 0, label: null, segments }];
  const total = above + below;
  return [{ series: 0, value: total, low: below, high: above, label: formatValue(total, unit), segments }];
}

/** "Repairs: 12" for a single series, "Repairs, Stage 1: 12" for several. */
export function markTitle(chart: Chart, category: number, series: number, value: number | null): string {
  const name = chart.categoryAxis.categories[category] ?? "";
  const of = chart.series.length > 1 ? `${name}, ${chart.series[series]?.label ?? ""}` : name;
  return `${of}: ${value === null ? "no figure" : formatValue(value, chart.valueAxis.unit)}`;
}
