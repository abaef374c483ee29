import { londonDateOf } from "../domain/calendar/day-number.ts";
import { draftLetterDocument } from "../domain/letters/draft-letter.ts";
import { updateDraftLetter, type LetterRow } from "../store/letters.ts";
import {
  findComplaintLetter,
  letterMoment,
  loadLetterCase,
  requireDraft,
  templateInUse,
} from "./letter-case.ts";
import type { Actor, Services } from "./services.ts";

/**
 * Drafts a letter afresh from the organisation's current template and the complaint as it is now (a
 * handler assigned since, a template improved since). The handler's edits are replaced; the letter keeps
 * its kind, stage and the event it is about.
 */
export async function redraftLetter(
  services: Services,
  input: { organisationId: string; reference: string; letterId: string },
  actor: Actor,
): Promise<LetterRow> {
  return services.db.transaction(async (tx) => {
    const { identity, letter } = await findComplaintLetter(tx, input, { forUpdate: true });
    requireDraft(letter);
    const now = services.clock();
    const { template, origin, version } = await templateInUse(tx, input.organisationId, letter.kind);
    const { facts } = await loadLetterCase(tx, identity, letterMoment(letter), londonDateOf(now));
    const redrafted = {
      ...letter,
      document: draftLetterDocument(template, facts),
      templateOrigin: origin,
      templateVersion: version,
      editedAt: now,
      editedBy: actor,
    };
    await updateDraftLetter(tx, redrafted);
    return redrafted;
  });
}
