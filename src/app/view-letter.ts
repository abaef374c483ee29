import { londonDateOf } from "../domain/calendar/day-number.ts";
import { letterChecklist, type ChecklistItem } from "../domain/letters/letter-checks.ts";
import type { DeliveryFormat } from "../domain/letters/letter-format.ts";
import type { LetterRow } from "../store/letters.ts";
import { findComplaintLetter, letterMoment, loadLetterCase } from "./letter-case.ts";
import type { Services } from "./services.ts";

export interface LetterPage {
  letter: LetterRow;
  /** The stage the complaint is at now (who may change the letter follows it). */
  complaintStage: 1 | 2;
  /** What the Code requires of this letter, each item met or not (and the postal address, for post). */
  checklist: ChecklistItem[];
  /** The required items still missing: issuing waits for them. */
  missing: ChecklistItem[];
  /** What the landlord's own policy says this kind of letter must contain, in its words (not checked). */
  policyMustContain: { items: string[]; cite: string } | null;
  /** How it would go if issued now (an issued letter keeps the format it was issued in). */
  format: DeliveryFormat;
  recipientEmail: string | null;
  /** An extension notice must reach the resident before the date it extends (Code 6.4, 6.15). */
  issueBefore: string | null;
  today: string;
}

/** A letter with its checklist, for its page and the API. */
export async function viewLetter(
  services: Services,
  input: { organisationId: string; reference: string; letterId: string },
): Promise<LetterPage> {
  return services.db.transaction(async (tx) => {
    const { identity, letter } = await findComplaintLetter(tx, input);
    const today = londonDateOf(services.clock());
    const letterCase = await loadLetterCase(tx, identity, letterMoment(letter), today);
    const format = letter.format ?? letterCase.delivery.format;
    const checklist = letterChecklist(letter.document, letterCase.facts, { format });
    const policy = letterCase.pack.letters.find((l) => l.kind === letter.kind);
    return {
      letter,
      complaintStage: letterCase.state.stage,
      checklist,
      missing: checklist.filter((i) => i.level === "required" && !i.met),
      policyMustContain: policy ? { items: policy.mustContain, cite: policy.cite.ref } : null,
      format,
      recipientEmail: letter.recipient?.email ?? letterCase.delivery.recipient.email,
      issueBefore: letter.kind === "extension" ? (letterCase.facts.previousResponseDue ?? null) : null,
      today,
    };
  });
}
