import { londonDateOf } from "../domain/calendar/day-number.ts";
import { missingContent, withoutEmptySections } from "../domain/letters/letter-checks.ts";
import { LetterIncompleteError, LetterRuleError } from "../domain/letters/letter-errors.ts";
import { markLetterIssued, type LetterRow } from "../store/letters.ts";
import { enqueueOutbox } from "../store/outbox.ts";
import { findComplaintLetter, letterMoment, loadLetterCase, requireDraft } from "./letter-case.ts";
import { LETTER_MESSAGE, type LetterMessagePayload } from "./letter-contracts.ts";
import type { Actor, Services } from "./services.ts";

/**
 * Issues a draft: refused, with each missing item named, while it lacks anything the Code requires (or a
 * postal address for a letter that goes by post). Issuing dates the letter today, drops sections left
 * without words, fixes the format and recipient from the resident's contact preferences, and writes the
 * `LETTER_MESSAGE` outbox row for delivery, all in one transaction. From then on the letter never changes.
 */
export async function issueLetter(
  services: Services,
  input: { organisationId: string; reference: string; letterId: string },
  actor: Actor,
): Promise<LetterRow> {
  return services.db.transaction(async (tx) => {
    const { identity, letter } = await findComplaintLetter(tx, input, { forUpdate: true });
    requireDraft(letter);
    const now = services.clock();
    const today = londonDateOf(now);
    const { facts, delivery } = await loadLetterCase(tx, identity, letterMoment(letter), today);
    const missing = missingContent(letter.document, facts, { format: delivery.format });
    if (missing.length > 0) throw new LetterIncompleteError(missing);
    const document = withoutEmptySections({ ...letter.document, date: today });
    const recipient = {
      name: document.recipient.name,
      email: delivery.recipient.email,
      addressLines: document.recipient.addressLines,
    };
    const issued = {
      ...letter,
      document,
      format: delivery.format,
      recipient,
      issuedAt: now,
      issuedBy: actor,
    };
    if (!(await markLetterIssued(tx, issued))) throw new LetterRuleError("LETTER_ALREADY_ISSUED");
    const payload: LetterMessagePayload = {
      letterId: letter.id,
      complaintId: identity.id,
      reference: identity.reference,
      kind: letter.kind,
    };
    await enqueueOutbox(tx, identity.organisationId, [
      { idempotencyKey: `letter:${letter.id}`, kind: LETTER_MESSAGE, payload: { ...payload } },
    ]);
    return { ...issued, status: "issued" as const };
  });
}
