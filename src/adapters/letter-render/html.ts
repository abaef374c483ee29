import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { formatLongDate } from "../../domain/calendar/day-number.ts";
import type { LetterDocument } from "../../domain/letters/letter-document.ts";
import { typeScaleFor, type TypeScale } from "./type-scale.ts";

// Autoescaping on, and a missing value is a bug rather than a blank in a resident's letter.
const templates = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(dirname(fileURLToPath(import.meta.url))),
  {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  },
);

/** The letter as a complete HTML document (see letter.njk), standard or large print. */
export function renderLetterHtml(letter: LetterDocument, options: { largePrint: boolean }): string {
  return templates.render("letter.njk", {
    letter,
    date: formatLongDate(letter.date),
    style: inlineStyles(typeScaleFor(options)),
  });
}

/**
 * Inline CSS for each element. Sizes are in points, like the PDF's, so that large print is at least 16 pt
 * however the letter is opened; fonts are ones every mail client has, since nothing may be fetched.
 */
function inlineStyles(scale: TypeScale): Record<string, string> {
  const text = `font-size:${scale.body}pt;line-height:${scale.lineHeight};`;
  const gap = "margin:0 0 1em;";
  return {
    body: `margin:0;padding:0;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;${text}`,
    page: "max-width:42em;margin:0 auto;padding:24px 16px;",
    letterhead: `font-style:normal;text-align:right;margin:0 0 1.5em;${text}`,
    recipient: `margin:0 0 1.5em;${text}`,
    tight: `margin:0;${text}`,
    paragraph: `${gap}${text}`,
    title: `font-size:${scale.title}pt;line-height:1.25;font-weight:bold;margin:0.75em 0 0.5em;`,
    heading: `font-size:${scale.heading}pt;line-height:1.25;font-weight:bold;margin:1.25em 0 0.4em;`,
    list: `${gap}padding:0 0 0 1.5em;${text}`,
    item: `margin:0 0 0.4em;${text}`,
    closing: `margin:1.5em 0 2.5em;${text}`,
  };
}
