import type { Chart } from "../../domain/reporting/report-document.ts";
import { formatTick } from "../../domain/reporting/report-format.ts";
import { layoutLegend, linearScale, textBlock, valueTicks } from "./axis-and-legend.ts";
import { markTitle } from "./bar-layout.ts";
import { LINE_HEIGHT, round, type ChartLayout, type LayoutOptions, type Shape } from "./geometry.ts";
import { AXIS_COLOUR, GRID_COLOUR, SECONDARY_TEXT_COLOUR, seriesStyle, TEXT_COLOUR } from "./palette.ts";
import { textWidth, truncateText } from "./text-measure.ts";

/** A period's name never takes more than this many times the font size; longer ones are cut (full name on hover). */
const MAX_PERIOD_LABEL = 8;

/**
 * A trend: periods along the bottom in order, values up the left from zero. Each series is a line with its
 * own dash and a marker of its own shape at every figure; a period with no figure leaves a gap in the line
 * rather than a fall to zero. With many periods, every period keeps its tick but only every few are named.
 */
export function layoutLineChart(chart: Chart, options: LayoutOptions): ChartLayout {
  const { width, fontSize: f } = options;
  const pad = f * 0.5;
  const { categories } = chart.categoryAxis;
  const unit = chart.valueAxis.unit;
  const shapes: Shape[] = [];
  let top = 0;

  if (chart.series.length > 1) {
    const legend = layoutLegend(chart.series, "line", { top, width, fontSize: f });
    shapes.push(...legend.shapes);
    top += legend.height + f * 0.5;
  }
  // The value axis is named above it, read across like any other text.
  const heading = textBlock(
    chart.valueAxis.label,
    { x: 0, y: top, width, size: f, maxLines: 2 },
    { role: "axis-label", weight: "bold", anchor: "start" },
  );
  shapes.push(heading.shape);
  top += heading.height + f;

  const values = chart.series.flatMap((series) =>
    series.values.filter((value): value is number => value !== null),
  );
  const ticks = valueTicks(values, unit);
  const tickLength = f * 0.4;
  const plotLeft = Math.max(...ticks.map((tick) => textWidth(formatTick(tick, unit), f))) + tickLength + pad;
  const plotRight = width - pad;
  const plotTop = top;
  const plotBottom = round(plotTop + Math.max(f * 10, width * 0.4));
  const y = linearScale(ticks, plotBottom, plotTop);
  const step = (plotRight - plotLeft) / categories.length;
  const x = (index: number) => round(plotLeft + (index + 0.5) * step);

  for (const tick of ticks) {
    const isZero = tick === 0 && ticks[0] !== 0;
    shapes.push(
      {
        type: "line",
        role: isZero ? "axis" : "grid",
        x1: round(plotLeft),
        y1: y(tick),
        x2: round(plotRight),
        y2: y(tick),
        colour: isZero ? AXIS_COLOUR : GRID_COLOUR,
        strokeWidth: isZero ? 1.5 : 1,
      },
      {
        type: "line",
        role: "axis",
        x1: round(plotLeft - tickLength),
        y1: y(tick),
        x2: round(plotLeft),
        y2: y(tick),
        colour: AXIS_COLOUR,
        strokeWidth: 1.5,
      },
      {
        type: "text",
        role: "tick-label",
        x: round(plotLeft - tickLength - pad / 2),
        y: round(y(tick) + f * 0.35),
        lines: [formatTick(tick, unit)],
        size: f,
        weight: "regular",
        anchor: "end",
        colour: TEXT_COLOUR,
      },
    );
  }
  shapes.push(
    {
      type: "line",
      role: "axis",
      x1: round(plotLeft),
      y1: round(plotTop),
      x2: round(plotLeft),
      y2: plotBottom,
      colour: AXIS_COLOUR,
      strokeWidth: 1.5,
    },
    {
      type: "line",
      role: "axis",
      x1: round(plotLeft),
      y1: plotBottom,
      x2: round(plotRight),
      y2: plotBottom,
      colour: AXIS_COLOUR,
      strokeWidth: 1.5,
    },
  );

  // Name every `every`th period, each in the room of `every` periods.
  const longest = Math.min(Math.max(...categories.map((name) => textWidth(name, f))), f * MAX_PERIOD_LABEL);
  const every = Math.max(1, Math.ceil((longest + pad) / step));
  categories.forEach((name, index) => {
    shapes.push({
      type: "line",
      role: "axis",
      x1: x(index),
      y1: plotBottom,
      x2: x(index),
      y2: round(plotBottom + tickLength),
      colour: AXIS_COLOUR,
      strokeWidth: 1.5,
    });
    if (index % every !== 0) return;
    const label = truncateText(name, Math.min(every * step - pad, f * MAX_PERIOD_LABEL), f);
    shapes.push({
      type: "text",
      role: "tick-label",
      x: x(index),
      y: round(plotBottom + tickLength + f),
      lines: [label.text],
      size: f,
      weight: "regular",
      anchor: "middle",
      colour: TEXT_COLOUR,
      ...(label.truncated ? { title: name } : {}),
    });
  });
  const axisLabel = textBlock(
    chart.categoryAxis.label,
    {
      x: (plotLeft + plotRight) / 2,
      y: plotBottom + tickLength + f * LINE_HEIGHT + pad,
      width,
      size: f,
      maxLines: 2,
    },
    { role: "axis-label", weight: "bold", anchor: "middle" },
  );
  shapes.push(axisLabel.shape);
  let bottom = plotBottom + tickLength + f * LINE_HEIGHT + pad + axisLabel.height;
  if (chart.series.some((series) => series.values.includes(null))) {
    const note = textBlock(
      "A gap in a line is a period with no figure.",
      { x: 0, y: bottom, width, size: f, maxLines: 2 },
      { role: "no-figure", weight: "regular", anchor: "start", colour: SECONDARY_TEXT_COLOUR },
    );
    shapes.push(note.shape);
    bottom += note.height;
  }

  chart.series.forEach((series, s) => {
    const style = seriesStyle(s);
    let run: [number, number][] = [];
    const endRun = () => {
      if (run.length > 1)
        shapes.push({
          type: "path",
          role: "mark",
          points: run,
          colour: style.colour,
          strokeWidth: round(f / 6),
          dash: style.dash,
          series: s,
        });
      run = [];
    };
    series.values.forEach((value, c) => (value === null ? endRun() : run.push([x(c), y(value)])));
    endRun();
  });
  chart.series.forEach((series, s) => {
    const style = seriesStyle(s);
    series.values.forEach((value, c) => {
      if (value === null) return;
      shapes.push({
        type: "marker",
        role: "mark",
        shape: style.marker,
        x: x(c),
        y: y(value),
        radius: round(f * 0.3),
        colour: style.colour,
        title: markTitle(chart, c, s, value),
        of: { series: s, category: c },
      });
    });
  });
  return { width, height: round(bottom + pad), shapes };
}
