import { fonts, type FontWeight } from "../pdf/fonts.ts";

/**
 * Widths of text as DejaVu Sans sets it (the PDF's font, so exact there). Browsers draw the SVG in Arial,
 * which is narrower, so text laid out to fit here also fits on screen. Widths come from each character's
 * advance (no kerning, which only narrows text), cached per character so laying out a large report stays
 * cheap and the same text always measures the same.
 */
const advances: Record<FontWeight, Map<number, number>> = { regular: new Map(), bold: new Map() };

function advance(codePoint: number, weight: FontWeight): number {
  const cache = advances[weight];
  let width = cache.get(codePoint);
  if (width === undefined) {
    const font = fonts()[weight];
    width = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    cache.set(codePoint, width);
  }
  return width;
}

/** The width of `text` set at `size`, in the same units as `size`. */
export function textWidth(text: string, size: number, weight: FontWeight = "regular"): number {
  let em = 0;
  for (const character of text) em += advance(character.codePointAt(0) ?? 32, weight);
  return em * size;
}

const ELLIPSIS = "…";

/** `text` cut to fit `width` with an ellipsis, or as it is if it fits. */
export function truncateText(
  text: string,
  width: number,
  size: number,
  weight: FontWeight = "regular",
): { text: string; truncated: boolean } {
  if (textWidth(text, size, weight) <= width) return { text, truncated: false };
  const characters = [...text];
  let kept = characters.length;
  while (kept > 0 && textWidth(characters.slice(0, kept).join("").trimEnd() + ELLIPSIS, size, weight) > width)
    kept--;
  return { text: characters.slice(0, kept).join("").trimEnd() + ELLIPSIS, truncated: true };
}

/**
 * `text` broken at spaces into at most `maxLines` lines no wider than `width`; what does not fit ends the
 * last line with an ellipsis (a single word too long for a line is cut the same way).
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  maxLines: number,
  weight: FontWeight = "regular",
): { lines: string[]; truncated: boolean } {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    let line = words[index] ?? "";
    index++;
    while (index < words.length && textWidth(`${line} ${words[index]}`, size, weight) <= width) {
      line = `${line} ${words[index]}`;
      index++;
    }
    lines.push(line);
  }
  let truncated = index < words.length;
  if (truncated) lines[lines.length - 1] = `${lines.at(-1)} ${words.slice(index).join(" ")}`;
  // The last line takes whatever is left; any line may hold one word too long for it.
  const fitted = lines.map((line) => truncateText(line, width, size, weight));
  truncated ||= fitted.some((line) => line.truncated);
  return { lines: fitted.map((line) => line.text), truncated };
}
