/**
 * Colours from govuk-frontend's palette (v6 `$govuk-palette`), chosen so every data mark has at least 3:1
 * contrast against the page (WCAG 2.2, 1.4.11 non-text contrast: both white and the template's blue tint)
 * and every text at least 4.5:1 (1.4.3). Colour is never the only difference between series: each also
 * has its own fill pattern (bars) and its own marker and dash (lines), shown the same way in the legend.
 */
export const TEXT_COLOUR = "#0b0c0c"; // black
export const SECONDARY_TEXT_COLOUR = "#484949"; // black tint-25
export const AXIS_COLOUR = "#0b0c0c";
/** Grid lines only help read values off the axis (the axis and labels carry them), so they may be light. */
export const GRID_COLOUR = "#cecece"; // black tint-80 (the GOV.UK border colour)
export const BACKGROUND_COLOUR = "#ffffff";
/** govuk-frontend's template background (blue tint-95): what surrounds the white page body. */
export const TEMPLATE_BACKGROUND_COLOUR = "#f4f8fb";

export type PatternName =
  "solid" | "diagonal" | "dots" | "crosshatch" | "horizontal" | "vertical" | "reverse-diagonal" | "grid";

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangle-down" | "hexagon";

export interface SeriesStyle {
  colour: string;
  /** How a bar of this series is filled (white lines or dots over the colour). */
  pattern: PatternName;
  /** The marker at each point of a line. */
  marker: MarkerShape;
  /** The line's dash pattern ([] is solid). */
  dash: number[];
}

const COLOURS = [
  "#1d70b8", // blue
  "#b7592a", // orange shade-25 (orange itself is below 3:1 on white)
  "#158187", // teal
  "#ca357c", // magenta
  "#54319f", // purple
  "#0f7a52", // green
  "#99704a", // brown
  "#484949", // black tint-25
];
const PATTERNS: PatternName[] = [
  "solid",
  "diagonal",
  "dots",
  "crosshatch",
  "horizontal",
  "vertical",
  "reverse-diagonal",
  "grid",
];
const MARKERS: MarkerShape[] = ["circle", "square", "triangle", "diamond", "triangle-down", "hexagon"];
const DASHES: number[][] = [[], [8, 4], [2, 3], [8, 3, 2, 3]];

/** The style of the nth series (0-based); a chart has at most 8 series (`MAX_SERIES`). */
export function seriesStyle(index: number): SeriesStyle {
  return {
    colour: pick(COLOURS, index),
    pattern: pick(PATTERNS, index),
    marker: pick(MARKERS, index),
    dash: pick(DASHES, index),
  };
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

export const SERIES_COLOURS: readonly string[] = COLOURS;

/** WCAG 2.2 relative luminance of an sRGB colour written "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
