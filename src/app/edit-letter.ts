import { editLetterDocument, type LetterEdits } from "../domain/letters/edit-letter.ts";
import { updateDraftLetter, type LetterRow } from "../store/letters.ts";
import { findComplaintLetter, requireDraft } from "./letter-case.ts";
import type { Actor, Services } from "./services.ts";

export interface EditLetterInput {
  organisationId: string;
  reference: string;
  letterId: string;
  edits: LetterEdits;
}

/**
 * The handler's wording for a draft's sections (and the postal address, where none was recorded). Only a
 * draft can be edited; what is still missing is shown on the letter's page, and issuing waits for it.
 */
export async function editLetter(
  services: Services,
  input: EditLetterInput,
  actor: Actor,
): Promise<LetterRow> {
  return services.db.transaction(async (tx) => {
    const { letter } = await findComplaintLetter(tx, input, { forUpdate: true });
    requireDraft(letter);
    const document = editLetterDocument(letter.document, input.edits);
    const edited = { ...letter, document, editedAt: services.clock(), editedBy: actor };
    await updateDraftLetter(tx, edited);
    return edited;
  });
}
