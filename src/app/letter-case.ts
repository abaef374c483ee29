import { foldComplaint, type ComplaintState } from "../domain/complaint/state.ts";
import { DEFAULT_TEMPLATES, DEFAULT_TEMPLATES_VERSION } from "../domain/letters/default-templates.ts";
import { LetterRuleError } from "../domain/letters/letter-errors.ts";
import type { LetterFacts } from "../domain/letters/letter-facts.ts";
import { letterFactsFor } from "../domain/letters/letter-facts-from-case.ts";
import { letterFormat, type DeliveryFormat } from "../domain/letters/letter-format.ts";
import type { LetterTemplate } from "../domain/letters/letter-template.ts";
import type { StageNumber } from "../domain/policy/code-2024.ts";
import type { LetterKind, PolicyPack } from "../domain/policy/schema.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";
import { findComplaintIdentity, type ComplaintIdentity } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { findLetterAddress, latestTemplateVersion } from "../store/letter-templates.ts";
import { findLetter, type LetterRecipient, type LetterRow, type TemplateOrigin } from "../store/letters.ts";
import { findRepresentative, findResident, type ResidentRow } from "../store/residents.ts";
import { calendarFor, packVersion, requireOrganisation, UnknownComplaintError } from "./complaint-context.ts";
import { isUuid } from "./ids.ts";

/** What the letters' use cases share: the template in use, the case's facts, and who the letter goes to. */

export class UnknownLetterError extends Error {
  readonly code = "UNKNOWN_LETTER";
  constructor() {
    super("There is no such letter on this complaint.");
    this.name = "UnknownLetterError";
  }
}

export interface TemplateInUse {
  template: LetterTemplate;
  origin: TemplateOrigin;
  version: number;
}

/** The organisation's latest template for a kind, or the bundled wording until it has saved its own. */
export async function templateInUse(
  tx: Queryable,
  organisationId: string,
  kind: LetterKind,
): Promise<TemplateInUse> {
  const saved = await latestTemplateVersion(tx, organisationId, kind);
  return saved
    ? { template: saved.content, origin: "organisation", version: saved.version }
    : { template: DEFAULT_TEMPLATES[kind], origin: "bundled", version: DEFAULT_TEMPLATES_VERSION };
}

export interface LetterCase {
  /** The complaint as it is now. */
  state: ComplaintState;
  facts: LetterFacts;
  pack: PolicyPack;
  resident: ResidentRow | null;
  /** Where and how the letter would go if it were issued now. */
  delivery: { format: DeliveryFormat; recipient: LetterRecipient };
}

/**
 * The facts for a letter about a complaint: the complaint folded now (and as it was at the letter's own
 * event, `atSeq`), its pinned pack and its organisation's calendar, the resident and any representative,
 * and the organisation's name and letter address. Read in the caller's transaction.
 */
export async function loadLetterCase(
  tx: Queryable,
  identity: ComplaintIdentity,
  letter: { kind: LetterKind; stage: StageNumber; atSeq: number },
  today: string,
  state?: ComplaintState,
): Promise<LetterCase> {
  const org = await requireOrganisation(tx, identity.organisationId);
  const pack = await packVersion(tx, identity.packId, identity.packVersion);
  const events = state ? null : await loadComplaintEvents(tx, identity.organisationId, identity.id);
  const now = state ?? foldComplaint(events ?? []);
  const at =
    events && letter.atSeq < events.length ? foldComplaint(events.slice(0, letter.atSeq)) : undefined;
  const resident = identity.residentId ? await findResident(tx, org.id, identity.residentId) : null;
  const representative = identity.representativeId
    ? await findRepresentative(tx, org.id, identity.representativeId)
    : null;
  const facts = letterFactsFor({
    kind: letter.kind,
    stage: letter.stage,
    reference: identity.reference,
    state: now,
    ...(at ? { at } : {}),
    pack,
    calendar: calendarFor(org),
    parties: {
      organisation: { name: org.name, addressLines: await findLetterAddress(tx, org.id) },
      resident: resident && {
        name: resident.name,
        email: resident.email,
        address: resident.address,
        postcode: resident.postcode,
      },
      representative: representative && { name: representative.name, email: representative.email },
    },
    today,
  });
  const email = facts.recipient.email;
  return {
    state: now,
    facts,
    pack,
    resident,
    delivery: {
      format: letterFormat(resident?.contactPreferences, email),
      recipient: { name: facts.recipient.name, email, addressLines: facts.recipient.addressLines },
    },
  };
}

/** The letter's own kind and stage, and the event it was drafted for. */
export const letterMoment = (letter: LetterRow) => ({
  kind: letter.kind,
  stage: letter.stage,
  atSeq: letter.eventSeq,
});

/**
 * One of a complaint's letters, through the complaint it belongs to (another organisation's, or another
 * complaint's, is simply not found). `forUpdate` locks it for a change.
 */
export async function findComplaintLetter(
  tx: Queryable,
  input: { organisationId: string; reference: string; letterId: string },
  options: { forUpdate?: boolean } = {},
): Promise<{ identity: ComplaintIdentity; letter: LetterRow }> {
  const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
  if (!identity) throw new UnknownComplaintError(input.reference);
  const letter = isUuid(input.letterId)
    ? await findLetter(tx, input.organisationId, input.letterId, options)
    : null;
  if (!letter || letter.complaintId !== identity.id) throw new UnknownLetterError();
  return { identity, letter };
}

/** A draft about to change: an issued letter never does. */
export function requireDraft(letter: LetterRow): void {
  if (letter.status !== "draft") throw new LetterRuleError("LETTER_ALREADY_ISSUED");
}
