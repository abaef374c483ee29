import type { PatternName } from "./palette.ts";

/**
 * Each fill pattern as one square tile of white lines and dots drawn over the series' colour, shared by
 * the SVG (a <pattern>) and the PDF (the tile repeated inside the bar), so a series looks the same in both.
 */
export interface PatternTile {
  size: number;
  lines: [number, number, number, number][];
  dots: [number, number, number][];
  lineWidth: number;
}

const SIZE = 8;
const DIAGONAL: PatternTile["lines"] = [
  [-2, 2, 2, -2],
  [0, 8, 8, 0],
  [6, 10, 10, 6],
];
const REVERSE: PatternTile["lines"] = [
  [-2, 6, 2, 10],
  [0, 0, 8, 8],
  [6, -2, 10, 2],
];
const HORIZONTAL: PatternTile["lines"] = [[0, 4, 8, 4]];
const VERTICAL: PatternTile["lines"] = [[4, 0, 4, 8]];

/** The tile for a pattern, or null for a solid fill. */
export function patternTile(name: PatternName): PatternTile | null {
  const tile = (lines: PatternTile["lines"], dots: PatternTile["dots"] = []) => ({
    size: SIZE,
    lines,
    dots,
    lineWidth: 1.5,
  });
  switch (name) {
    case "solid":
      return null;
    case "diagonal":
      return tile(DIAGONAL);
    case "reverse-diagonal":
      return tile(REVERSE);
    case "crosshatch":
      return tile([...DIAGONAL, ...REVERSE]);
    case "horizontal":
      return tile(HORIZONTAL);
    case "vertical":
      return tile(VERTICAL);
    case "grid":
      return tile([...HORIZONTAL, ...VERTICAL]);
    case "dots":
      return tile([], [[4, 4, 1.75]]);
  }
}
