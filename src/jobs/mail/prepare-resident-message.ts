import { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import { parseMailAddress } from "../../adapters/mailer.ts";
import { isWebAddress } from "../../domain/notifications/compose-email.ts";
import { composeResidentMessage } from "../../domain/notifications/resident-message.ts";
import type { PrepareMessage } from "./prepared-message.ts";
import { readPayload } from "./read-payload.ts";

/** What the portal writes when staff reply to a resident (src/app/write-to-resident.ts). */
const residentMessagePayload = z.object({
  to: z.string(),
  name: z.string().min(1),
  reference: z.string().min(1),
  url: z.string(),
  body: z.string().min(1),
});

/** A message from the complaints team, by email with the link to read and reply on the portal. */
export const prepareResidentMessage: PrepareMessage = async ({ organisation }, message) => {
  const p = readPayload(residentMessagePayload, message);
  const to = parseMailAddress(p.to);
  if (!to)
    throw new PermanentDeliveryError(
      `The message about complaint ${p.reference} cannot be emailed: "${p.to}" is not an email address. It is on the resident's portal page.`,
    );
  if (!isWebAddress(p.url))
    throw new PermanentDeliveryError(
      `The message about complaint ${p.reference} carries a link that is not a web address, so it was not sent.`,
    );
  return {
    outcome: "email",
    to: [{ name: p.name, address: to.address }],
    content: composeResidentMessage({ ...p, landlordName: organisation.name }),
    attachments: [],
    notes: [],
  };
};
