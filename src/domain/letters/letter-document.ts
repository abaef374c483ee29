import type { LetterKind } from "../policy/schema.ts";

/**
 * A letter ready to be shown, printed or sent: every word decided, nothing left to look up. It is what
 * a draft becomes when the case's data is put into the organisation's template, what the handler edits,
 * and what an issued letter keeps for ever. Rendering (HTML for email and screen, tagged PDF, large print)
 * reads only this, so a letter looks the same wherever it is opened.
 */
export interface LetterDocument {
  kind: LetterKind;
  /** The document language (PDF /Lang, HTML lang). */
  language: "en-GB";
  /** The document title, e.g. "Complaint BCHG-2026-000012: Stage 1 response". */
  title: string;
  landlord: { name: string; addressLines: string[] };
  recipient: { name: string; addressLines: string[] };
  /** The London date the letter is dated (YYYY-MM-DD). */
  date: string;
  reference: string;
  /** "Dear Ms Okafor," */
  salutation: string;
  /** In reading order; each section has a heading so the letter reads well aloud and in a PDF's outline. */
  sections: LetterSection[];
  signOff: { closing: string; name: string; role: string };
}

export interface LetterSection {
  /** Stable id of the content the Code requires (e.g. "definition", "decision", "ombudsman"). */
  id: string;
  heading: string;
  paragraphs: string[];
  /** A list shown after the paragraphs (issues, remedies, actions with dates). */
  items?: string[];
}
