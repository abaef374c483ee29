import type { LetterDocument } from "../domain/letters/letter-document.ts";

/**
 * How the parts of letters meet: an issued letter is delivered by the worker (email, or the print queue for
 * post and large print) and downloaded from the case page and the portal; both need the letter as issued
 * and a way to render it.
 */

/** How the resident asked to receive letters (their contact preferences; email when not said and known). */
export type LetterFormat = "email" | "post" | "large-print";

/** The outbox message written in the same transaction as a letter is issued. */
export const LETTER_MESSAGE = "letter";
export interface LetterMessagePayload {
  letterId: string;
  complaintId: string;
  reference: string;
  kind: LetterDocument["kind"];
}

export interface IssuedLetter {
  organisationId: string;
  letterId: string;
  complaintId: string;
  reference: string;
  document: LetterDocument;
  format: LetterFormat;
  to: { name: string; email: string | null; addressLines: string[] };
  issuedAt: Date;
}

/** A letter rendered for people: HTML (email body, screen) and a tagged, accessible PDF. */
export interface RenderedLetter {
  html: string;
  /** Plain text for email clients that show no HTML. */
  text: string;
  pdf: Buffer;
}

export type RenderLetter = (
  document: LetterDocument,
  options: { largePrint: boolean },
) => Promise<RenderedLetter>;
