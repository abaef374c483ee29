import type { FontWeight } from "../pdf/fonts.ts";
import type { MarkerShape, SeriesStyle } from "./palette.ts";

/**
 * A chart laid out: shapes in painting order, in a coordinate space `width` × `height` with y downwards.
 * One layout is painted twice, as SVG (for pages) and on a PDF page, so both show the same chart. What a
 * shape is for (`role`) lets the painters group and name them, and tests find the data marks.
 */
export interface ChartLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

export type ShapeRole =
  "mark" | "value-label" | "no-figure" | "axis" | "tick-label" | "axis-label" | "grid" | "legend";

/** Which value a data mark draws: the series and category it comes from. */
export interface MarkOf {
  series: number;
  category: number;
}

export type Shape = BarShape | LineShape | PathShape | MarkerShapeItem | TextShape;

/** A rectangle filled with a series' colour and pattern, outlined in its colour (a bar, a legend swatch). */
export interface BarShape {
  type: "bar";
  role: "mark" | "legend";
  x: number;
  y: number;
  width: number;
  height: number;
  style: SeriesStyle;
  /** Shown on hover (SVG <title>): "Repairs, Stage 1: 12". */
  title?: string;
  of?: MarkOf;
}

export interface LineShape {
  type: "line";
  role: "axis" | "grid" | "legend";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  strokeWidth: number;
  dash?: number[];
}

/** A series' line through consecutive points that have a figure (a gap where one has none). */
export interface PathShape {
  type: "path";
  role: "mark";
  points: [number, number][];
  colour: string;
  strokeWidth: number;
  dash: number[];
  series: number;
}

export interface MarkerShapeItem {
  type: "marker";
  role: "mark" | "legend";
  shape: MarkerShape;
  x: number;
  y: number;
  /** The marker's radius (half its width). */
  radius: number;
  colour: string;
  title?: string;
  of?: MarkOf;
}

/** Text, one or more lines; `y` is the first line's baseline. */
export interface TextShape {
  type: "text";
  role: ShapeRole;
  x: number;
  y: number;
  lines: string[];
  size: number;
  weight: FontWeight;
  anchor: "start" | "middle" | "end";
  colour: string;
  /** The full text when what is shown was shortened. */
  title?: string;
}

export interface LayoutOptions {
  /** The width to lay out in (SVG user units, or PDF points). */
  width: number;
  /** The size of every text in the chart. */
  fontSize: number;
}

/** Line spacing of chart text as a multiple of its size. */
export const LINE_HEIGHT = 1.25;

/**
 * Values for an axis: round steps (1, 2, 2.5 or 5 times a power of ten; whole numbers for counts) from
 * at or below `low` to at or above `high`, about `target` of them. A range with nothing in it (all zero,
 * or no figures) still gets an axis: 0 to 1.
 */
export function niceTicks(low: number, high: number, options: { whole: boolean; target?: number }): number[] {
  let [lo, hi] = [Math.min(low, high), Math.max(low, high)];
  if (hi - lo === 0) hi = lo + 1;
  const raw = (hi - lo) / (options.target ?? 5);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multiples = options.whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = magnitude * (multiples.find((m) => m * magnitude >= raw) ?? 10);
  if (options.whole) step = Math.max(1, Math.round(step));
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return ticks;
}

/** A marker's outline as a polygon (every shape but the circle), centred on x, y. */
export function markerPoints(shape: MarkerShape, x: number, y: number, r: number): [number, number][] {
  const polygon = (n: number, rotation: number, radius = r) =>
    Array.from({ length: n }, (_, i): [number, number] => {
      const angle = rotation + (i * 2 * Math.PI) / n;
      return [round(x + radius * Math.cos(angle)), round(y + radius * Math.sin(angle))];
    });
  switch (shape) {
    case "square":
      return polygon(4, Math.PI / 4, r * Math.SQRT2 * 0.9);
    case "triangle":
      return polygon(3, -Math.PI / 2, r * 1.2);
    case "triangle-down":
      return polygon(3, Math.PI / 2, r * 1.2);
    case "diamond":
      return polygon(4, 0, r * 1.15);
    case "hexagon":
      return polygon(6, 0);
    case "circle":
      return polygon(24, 0);
  }
}

/** Coordinates to two decimals: enough for any screen or printer, and the output stays short and stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
