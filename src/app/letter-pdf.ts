import { letterFileName } from "../domain/notifications/letter-email.ts";
import { UnknownLetterError } from "./letter-case.ts";
import type { RenderLetter } from "./letter-contracts.ts";
import { loadIssuedLetter } from "./load-issued-letter.ts";
import type { Services } from "./services.ts";

/**
 * An issued letter as the PDF the resident received, reachable only through its own complaint (a staff
 * case page, or the resident's follow link). Large print when asked, or when that is how it was sent.
 */
export async function issuedLetterPdf(
  services: Services,
  render: RenderLetter,
  input: { organisationId: string; reference: string; letterId: string; largePrint?: boolean },
): Promise<{ fileName: string; pdf: Buffer }> {
  const letter = await loadIssuedLetter(services, input.organisationId, input.letterId);
  if (letter.reference !== input.reference) throw new UnknownLetterError();
  const largePrint = input.largePrint ?? letter.format === "large-print";
  const { pdf } = await render(letter.document, { largePrint });
  const name = letterFileName(letter.reference, letter.document.kind);
  return { fileName: largePrint ? name.replace(/\.pdf$/, "-large-print.pdf") : name, pdf };
}
