import { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import { parseMailAddress } from "../../adapters/mailer.ts";
import { isWebAddress } from "../../domain/notifications/compose-email.ts";
import { composePortalLink } from "../../domain/notifications/portal-link.ts";
import type { PrepareMessage } from "./prepared-message.ts";
import { readPayload } from "./read-payload.ts";

/** What the resident portal writes to email a resident the link to follow their complaint. */
const portalLinkPayload = z.object({
  to: z.string(),
  name: z.string().min(1),
  reference: z.string().min(1),
  url: z.string(),
  expiresOn: z.string(),
});

/** The portal link, by email only: a resident asks for it with their email address. */
export const preparePortalLink: PrepareMessage = async ({ organisation }, message) => {
  const p = readPayload(portalLinkPayload, message);
  const to = parseMailAddress(p.to);
  if (!to)
    throw new PermanentDeliveryError(
      `The link to follow complaint ${p.reference} cannot be emailed: "${p.to}" is not an email address.`,
    );
  if (!isWebAddress(p.url))
    throw new PermanentDeliveryError(
      `The link to follow complaint ${p.reference} is not a web address, so it was not sent.`,
    );
  const content = composePortalLink({
    name: p.name,
    reference: p.reference,
    url: p.url,
    expiresOn: p.expiresOn,
    landlordName: organisation.name,
  });
  return {
    outcome: "email",
    to: [{ name: p.name, address: to.address }],
    content,
    attachments: [],
    notes: [],
  };
};
