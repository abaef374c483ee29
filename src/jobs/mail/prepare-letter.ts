import { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import { parseMailAddress } from "../../adapters/mailer.ts";
import { letterFileName } from "../../domain/notifications/letter-email.ts";
import { letterKindSchema } from "../../domain/policy/schema.ts";
import type { PrepareMessage } from "./prepared-message.ts";
import { readPayload } from "./read-payload.ts";

/** `LetterMessagePayload` (src/app/letter-contracts.ts), as written when a letter is issued. */
const letterPayload = z.object({
  letterId: z.string().min(1),
  complaintId: z.string(),
  reference: z.string().min(1),
  kind: letterKindSchema,
});

/**
 * An issued letter, by the format the resident chose: by email, the letter's HTML as the body with its PDF
 * attached; by post or in large print (or with no email address), to the print queue, where staff download
 * and post it. The letter is rendered here, from the document as issued.
 */
export const prepareLetter: PrepareMessage = async ({ services, organisation, letters }, message) => {
  const p = readPayload(letterPayload, message);
  if (!letters) {
    // A wiring fault, not the letter's: retried (the fix is a release), dead with this reason at the end.
    throw new Error("Letters cannot be delivered: no letter renderer is wired into this worker.");
  }
  const letter = await letters.loadIssuedLetter(services, organisation.id, p.letterId);
  const email = letter.to.email ? parseMailAddress(letter.to.email) : null;
  const byEmail = letter.format === "email" && email !== null;
  const rendered = await letters.renderLetter(letter.document, {
    largePrint: letter.format === "large-print",
  });
  const fileName = letterFileName(letter.reference, letter.document.kind);
  const subject = letter.document.title;
  if (byEmail) {
    return {
      outcome: "email",
      to: [{ name: letter.to.name, address: email.address }],
      content: { subject, text: rendered.text, html: rendered.html },
      attachments: [{ fileName, contentType: "application/pdf", content: rendered.pdf }],
      notes: [],
    };
  }
  const notes =
    letter.format === "email"
      ? [`${letter.to.name} has no usable email address, so this letter is to be posted.`]
      : [];
  if (letter.to.addressLines.length === 0) {
    throw new PermanentDeliveryError(
      `${letter.to.name} has no ${letter.format === "email" ? "email address or " : ""}postal address on letter ${p.reference} (${p.kind}). Add one, then send this again.`,
    );
  }
  return {
    outcome: "print",
    to: { name: letter.to.name, addressLines: letter.to.addressLines },
    format: letter.format === "large-print" ? "large-print" : "post",
    subject,
    text: rendered.text,
    attachments: [{ fileName, contentType: "application/pdf", size: rendered.pdf.length }],
    notes,
  };
};
