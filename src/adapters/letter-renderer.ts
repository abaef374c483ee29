import type { RenderLetter } from "../app/letter-contracts.ts";
import { renderLetterHtml } from "./letter-render/html.ts";
import { renderLetterPdf } from "./letter-render/pdf.ts";
import { renderLetterText } from "./letter-render/text.ts";

/**
 * Renders a letter for people: HTML (email body and screen), plain text (mail clients without HTML) and
 * a tagged, accessible PDF with an embedded font; `largePrint` sets the HTML and PDF in 18 pt. Reads
 * only the LetterDocument, so a letter looks the same wherever it is opened. See docs/letters.md.
 */
export const renderLetter: RenderLetter = async (document, options) => ({
  html: renderLetterHtml(document, options),
  text: renderLetterText(document),
  pdf: await renderLetterPdf(document, options),
});
