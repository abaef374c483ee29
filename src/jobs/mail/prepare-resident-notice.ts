import { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import { composeResidentNotice } from "../../domain/notifications/resident-notice.ts";
import { letterKindSchema, outcomeSchema, type PolicyPack } from "../../domain/policy/schema.ts";
import { findComplaintParties } from "../../store/mail-recipients.ts";
import { loadPackVersion } from "../../store/organisations.ts";
import type { PrepareMessage } from "./prepared-message.ts";
import { readPayload } from "./read-payload.ts";
import { addressResident } from "./resident-address.ts";

/** What `notifyResident` (src/app/resident-notifications.ts) wrote; fields a template does not use are absent. */
const residentNotificationPayload = z.object({
  template: letterKindSchema,
  reference: z.string().min(1),
  complaintId: z.string().min(1),
  stage: z.union([z.literal(1), z.literal(2)]).optional(),
  responseDue: z.string().nullish(),
  workingDays: z.number().optional(),
  reason: z.string().optional(),
  outcome: outcomeSchema.optional(),
});

/** The Code's signposting when a pack gives none (every bundled pack does). */
const OMBUDSMAN_CONTACT = "0300 111 3000, info@housing-ombudsman.org.uk, www.housing-ombudsman.org.uk";

export function ombudsmanContact(pack: PolicyPack): string {
  return pack.signposting.find((s) => s.body === "housing-ombudsman")?.contact ?? OMBUDSMAN_CONTACT;
}

/**
 * A `resident-notification` (written before letters were issued as documents): a plain notice to the
 * resident or their representative, by email, or to the print queue for those who asked for paper.
 */
export const prepareResidentNotice: PrepareMessage = async ({ services, organisation }, message) => {
  const p = readPayload(residentNotificationPayload, message);
  const parties = await findComplaintParties(services.db, organisation.id, p.complaintId);
  if (!parties)
    throw new PermanentDeliveryError(`There is no complaint ${p.reference} in this organisation.`);
  const address = addressResident(parties, p.reference);
  const pack = await loadPackVersion(services.db, organisation.packId, organisation.packVersion);
  const content = composeResidentNotice({
    template: p.template,
    reference: p.reference,
    recipientName: address.to.name,
    landlordName: organisation.name,
    ombudsmanContact: ombudsmanContact(pack),
    ...(p.stage ? { stage: p.stage } : {}),
    ...(p.responseDue ? { responseDue: p.responseDue } : {}),
    ...(p.workingDays !== undefined ? { workingDays: p.workingDays } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.outcome ? { outcome: p.outcome } : {}),
  });
  if (address.by === "email") {
    return { outcome: "email", to: [address.to], content, attachments: [], notes: address.notes };
  }
  return {
    outcome: "print",
    to: address.to,
    format: address.format,
    subject: content.subject,
    text: content.text,
    attachments: [],
    notes: address.notes,
  };
};
