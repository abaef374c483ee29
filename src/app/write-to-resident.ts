import { randomUUID } from "node:crypto";
import { findComplaintIdentity } from "../store/complaints.ts";
import { enqueueOutbox } from "../store/outbox.ts";
import { insertPortalMessage } from "../store/portal-messages.ts";
import { findRepresentative, findResident } from "../store/residents.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import { portalRecipient, RESIDENT_MESSAGE, type ResidentMessagePayload } from "./follow-links.ts";
import { insertFollowLink } from "./send-follow-link.ts";
import type { Actor, Services } from "./services.ts";

/**
 * Staff write to the resident on the portal: the message is kept with the complaint and shown on the follow
 * page, and, when there is an email address, emailed (`resident-message`) with a fresh link to read it and
 * reply (only links' hashes are kept, so an earlier link's address cannot be sent again).
 * Returns the address it was emailed to, or null when there is none.
 */
export async function writeToResident(
  services: Services,
  input: { organisationId: string; reference: string; body: string; publicUrl: string },
  actor: Actor,
): Promise<{ id: string; emailedTo: string | null }> {
  return services.db.transaction(async (tx) => {
    const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
    if (!identity) throw new UnknownComplaintError(input.reference);
    const id = randomUUID();
    await insertPortalMessage(tx, {
      organisationId: input.organisationId,
      complaintId: identity.id,
      linkId: null,
      id,
      direction: "to-resident",
      body: input.body,
      author: actor,
      attachments: [],
      createdAt: services.clock(),
    });
    const resident = identity.residentId
      ? await findResident(tx, input.organisationId, identity.residentId)
      : null;
    const representative = identity.representativeId
      ? await findRepresentative(tx, input.organisationId, identity.representativeId)
      : null;
    const recipient = portalRecipient(resident, representative);
    if (!recipient) return { id, emailedTo: null };
    const link = await insertFollowLink(
      tx,
      services,
      {
        organisationId: input.organisationId,
        complaintId: identity.id,
        reference: identity.reference,
        to: recipient.email,
        name: recipient.name,
        publicUrl: input.publicUrl,
      },
      actor,
    );
    const payload: ResidentMessagePayload = {
      to: recipient.email,
      name: recipient.name,
      reference: identity.reference,
      url: link.url,
      body: input.body,
    };
    await enqueueOutbox(tx, input.organisationId, [
      { idempotencyKey: `${RESIDENT_MESSAGE}:${id}`, kind: RESIDENT_MESSAGE, payload: { ...payload } },
    ]);
    return { id, emailedTo: recipient.email };
  });
}
