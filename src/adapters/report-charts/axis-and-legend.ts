import type { ChartSeries, ValueUnit } from "../../domain/reporting/report-document.ts";
import { LINE_HEIGHT, niceTicks, round, type Shape } from "./geometry.ts";
import { seriesStyle, TEXT_COLOUR } from "./palette.ts";
import { textWidth, truncateText, wrapText } from "./text-measure.ts";

/**
 * The value axis's ticks for the values a chart draws: always including zero (a bar's length, and a
 * trend's height, are read from zero), a percentage axis up to 100%, counts in whole numbers.
 */
export function valueTicks(values: readonly number[], unit: ValueUnit): number[] {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (unit === "percent" && low >= 0 && high <= 100) [low, high] = [0, 100];
  return niceTicks(low, high, { whole: unit === "count" });
}

/** Positions a value between the first and last tick onto [from, to]. */
export function linearScale(ticks: readonly number[], from: number, to: number): (value: number) => number {
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 1;
  return (value) => round(from + ((value - low) / (high - low)) * (to - from));
}

/** A text shape: words wrapped to `width` on up to `maxLines` lines, the full text as its title if cut. */
export function textBlock(
  text: string,
  at: { x: number; y: number; width: number; size: number; maxLines?: number },
  options: Pick<Extract<Shape, { type: "text" }>, "role" | "weight" | "anchor"> & { colour?: string },
): { shape: Shape; height: number } {
  const wrapped = wrapText(text, at.width, at.size, at.maxLines ?? 3, options.weight);
  return {
    shape: {
      type: "text",
      x: round(at.x),
      y: round(at.y + at.size * 0.8),
      lines: wrapped.lines,
      size: at.size,
      colour: options.colour ?? TEXT_COLOUR,
      ...options,
      ...(wrapped.truncated ? { title: text } : {}),
    },
    height: wrapped.lines.length * at.size * LINE_HEIGHT,
  };
}

/**
 * The key to the series, across the top, flowing onto more rows as needed: each series' swatch (a bar
 * filled with its pattern, or a stretch of its line with its marker) beside its name, so no series is
 * told apart by colour alone.
 */
export function layoutLegend(
  series: readonly ChartSeries[],
  kind: "bar" | "line",
  at: { top: number; width: number; fontSize: number },
): { shapes: Shape[]; height: number } {
  const f = at.fontSize;
  const swatch = kind === "bar" ? f : f * 2;
  const gap = f * 0.5;
  const rowHeight = f * LINE_HEIGHT + gap;
  const shapes: Shape[] = [];
  let x = 0;
  let row = 0;
  series.forEach((one, index) => {
    const style = seriesStyle(index);
    const label = truncateText(one.label, at.width - swatch - gap, f);
    const itemWidth = swatch + gap + textWidth(label.text, f);
    if (x > 0 && x + itemWidth > at.width) {
      x = 0;
      row++;
    }
    const top = at.top + row * rowHeight;
    const middle = top + (f * LINE_HEIGHT) / 2;
    if (kind === "bar") {
      shapes.push({
        type: "bar",
        role: "legend",
        x: round(x),
        y: round(middle - f / 2),
        width: f,
        height: f,
        style,
      });
    } else {
      shapes.push(
        {
          type: "line",
          role: "legend",
          x1: round(x),
          y1: round(middle),
          x2: round(x + swatch),
          y2: round(middle),
          colour: style.colour,
          strokeWidth: round(f / 6),
          dash: style.dash,
        },
        {
          type: "marker",
          role: "legend",
          shape: style.marker,
          x: round(x + swatch / 2),
          y: round(middle),
          radius: round(f * 0.3),
          colour: style.colour,
        },
      );
    }
    shapes.push({
      type: "text",
      role: "legend",
      x: round(x + swatch + gap),
      y: round(middle + f * 0.35),
      lines: [label.text],
      size: f,
      weight: "regular",
      anchor: "start",
      colour: TEXT_COLOUR,
      ...(label.truncated ? { title: one.label } : {}),
    });
    x += itemWidth + f * 1.5;
  });
  return { shapes, height: (row + 1) * rowHeight };
}
