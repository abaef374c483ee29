import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import { parseMailAddress, type MailAddress } from "../../adapters/mailer.ts";
import type { LetterFormat } from "../../app/letter-contracts.ts";
import type { ComplaintParties } from "../../store/mail-recipients.ts";

/** Where a message for a resident goes: their email, or the print queue with their postal address. */
export type ResidentAddress =
  | { by: "email"; to: MailAddress; notes: string[] }
  | {
      by: "print";
      to: { name: string; addressLines: string[] };
      format: "post" | "large-print";
      notes: string[];
    };

const FORMATS: readonly string[] = ["email", "post", "large-print"];

/**
 * The resident's chosen format (contact preferences `letters`), or email when they said nothing and an
 * address is known, post otherwise.
 */
export function chosenFormat(preferences: Record<string, unknown>, email: string | null): LetterFormat {
  const chosen = preferences.letters;
  if (typeof chosen === "string" && FORMATS.includes(chosen)) return chosen as LetterFormat;
  return email ? "email" : "post";
}

/**
 * Addresses a message by the format asked for: email to the representative when one acts for the resident
 * and has an email address, else to the resident; post and large print (or no email address) go to the
 * print queue, addressed to the resident. Nobody to send to and nowhere to post to is a permanent failure
 * that tells staff what to add.
 */
export function addressResident(parties: ComplaintParties, reference: string): ResidentAddress {
  const { resident, representative } = parties;
  if (!resident) throw new PermanentDeliveryError(`Complaint ${reference} has no resident on record.`);
  const notes: string[] = [];
  const representativeEmail = representative?.email ? parseMailAddress(representative.email) : null;
  if (representative && representativeEmail) {
    return { by: "email", to: { name: representative.name, address: representativeEmail.address }, notes };
  }
  if (representative)
    notes.push(`${representative.name} acts for the resident but has no email address on record.`);
  const format = chosenFormat(resident.contactPreferences, resident.email);
  const email = resident.email ? parseMailAddress(resident.email) : null;
  if (format === "email" && email) {
    return { by: "email", to: { name: resident.name, address: email.address }, notes };
  }
  if (format === "email") notes.push("The resident has no usable email address, so this is to be posted.");
  const addressLines = [...(resident.address ?? "").split(/\r?\n/), resident.postcode ?? ""]
    .map((l) => l.trim())
    .filter(Boolean);
  if (addressLines.length === 0) {
    const asked = format === "large-print" ? "in large print" : "by post";
    throw new PermanentDeliveryError(
      email
        ? `${resident.name} asked for letters ${asked} but has no postal address on record for complaint ${reference}. Add one, then send this again.`
        : `${resident.name} has no email address or postal address on record for complaint ${reference}. Add one, then send this again.`,
    );
  }
  return {
    by: "print",
    to: { name: resident.name, addressLines },
    format: format === "large-print" ? "large-print" : "post",
    notes,
  };
}
