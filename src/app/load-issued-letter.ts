import { findLetter } from "../store/letters.ts";
import { isUuid } from "./ids.ts";
import { UnknownLetterError } from "./letter-case.ts";
import type { IssuedLetter } from "./letter-contracts.ts";
import type { Services } from "./services.ts";

/**
 * An issued letter exactly as it was issued, for the delivery worker and for downloads: its document,
 * the format it goes in and who it goes to. A draft, or another organisation's letter, is not found.
 */
export async function loadIssuedLetter(
  services: Services,
  organisationId: string,
  letterId: string,
): Promise<IssuedLetter> {
  const letter = isUuid(letterId) ? await findLetter(services.db, organisationId, letterId) : null;
  if (!letter || letter.status !== "issued" || !letter.format || !letter.recipient || !letter.issuedAt) {
    throw new UnknownLetterError();
  }
  return {
    organisationId: letter.organisationId,
    letterId: letter.id,
    complaintId: letter.complaintId,
    reference: letter.reference,
    document: letter.document,
    format: letter.format,
    to: { ...letter.recipient },
    issuedAt: letter.issuedAt,
  };
}
