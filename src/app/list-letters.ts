import { findComplaintIdentity } from "../store/complaints.ts";
import { listLettersOfComplaint, type LetterRow } from "../store/letters.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** A complaint's letters, drafts and issued, oldest first (another organisation's complaint is not found). */
export async function listLetters(
  services: Services,
  organisationId: string,
  reference: string,
): Promise<LetterRow[]> {
  const identity = await findComplaintIdentity(services.db, organisationId, reference);
  if (!identity) throw new UnknownComplaintError(reference);
  return listLettersOfComplaint(services.db, organisationId, identity.id);
}
