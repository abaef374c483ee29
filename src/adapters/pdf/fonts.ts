import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence, DejaVu changes public domain):
 * a TrueType font that pdfkit subsets and embeds, with glyphs for the accented Latin, Greek and Cyrillic
 * letters in residents' names. The standard-14 fonts (Helvetica) are never embedded, so PDF/UA rules
 * them out. Parsing a 700 KB font takes longer than laying out a letter, so each is parsed once, on
 * first use, and shared: pdfkit makes a fresh subset of it for every document.
 */
const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
/** The names the fonts are registered under in every document. */
export const FONT = { regular: "Regular", bold: "Bold" } as const;
export type FontWeight = keyof typeof FONT;
let parsedFonts: Record<FontWeight, fontkit.Font> | undefined;

export function fonts(): Record<FontWeight, fontkit.Font> {
  parsedFonts ??= { regular: parseFont(FONT_FILES.regular), bold: parseFont(FONT_FILES.bold) };
  return parsedFonts;
}

function parseFont(path: string): fontkit.Font {
  const font = fontkit.create(readFileSync(path));
  if (!("layout" in font)) throw new Error(`${path} is a font collection, not a single font`);
  return font;
}

/** Registers both fonts with a document and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  // A parsed font where pdfkit's types say a file name; pdfkit takes either.
  doc.registerFont(FONT.regular, fonts().regular as unknown as string);
  doc.registerFont(FONT.bold, fonts().bold as unknown as string);
  doc.font(FONT.regular);
}
