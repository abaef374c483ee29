import { randomUUID } from "node:crypto";
import { findComplaintIdentity } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { enqueueOutbox } from "../store/outbox.ts";
import { insertPortalLink } from "../store/portal-links.ts";
import { findRepresentative, findResident } from "../store/residents.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import {
  followLinkExpiry,
  followUrl,
  hashFollowToken,
  newFollowToken,
  PORTAL_LINK,
  portalRecipient,
  type PortalLinkPayload,
} from "./follow-links.ts";
import type { Actor, Services } from "./services.ts";

export interface NewFollowLink {
  organisationId: string;
  complaintId: string;
  reference: string;
  to: string;
  name: string;
  /** The public address of this Redress, e.g. https://complaints.example.org. */
  publicUrl: string;
}

/**
 * Makes a link to follow one complaint, in the caller's transaction, and returns its address (which goes
 * only into an email: it is never shown, and only its token's hash is kept).
 */
export async function insertFollowLink(
  tx: Queryable,
  services: Services,
  link: NewFollowLink,
  actor: Actor,
): Promise<{ id: string; url: string; expiresOn: string }> {
  const id = randomUUID();
  const token = newFollowToken();
  const now = services.clock();
  const { expiresOn, expiresAt } = followLinkExpiry(now);
  await insertPortalLink(tx, {
    organisationId: link.organisationId,
    id,
    complaintId: link.complaintId,
    tokenHash: hashFollowToken(token),
    sentTo: link.to,
    sentToName: link.name,
    createdBy: actor,
    createdAt: now,
    expiresAt,
  });
  return { id, url: followUrl(link.publicUrl, link.organisationId, token), expiresOn };
}

/** Makes a link and queues the email carrying it (`portal-link`), in the caller's transaction. */
export async function createFollowLinkInTransaction(
  tx: Queryable,
  services: Services,
  link: NewFollowLink,
  actor: Actor,
): Promise<{ id: string; url: string; expiresOn: string }> {
  const made = await insertFollowLink(tx, services, link, actor);
  const payload: PortalLinkPayload = {
    to: link.to,
    name: link.name,
    reference: link.reference,
    url: made.url,
    expiresOn: made.expiresOn,
  };
  await enqueueOutbox(tx, link.organisationId, [
    { idempotencyKey: `${PORTAL_LINK}:${made.id}`, kind: PORTAL_LINK, payload: { ...payload } },
  ]);
  return made;
}

/**
 * Staff send (or send again) a link to follow a complaint: to the address given, or to whoever the portal
 * writes to (the representative's email, else the resident's). Each sending is a new link; earlier ones keep
 * working until they expire or are revoked.
 */
export async function sendFollowLink(
  services: Services,
  input: { organisationId: string; reference: string; to?: string; publicUrl: string },
  actor: Actor,
): Promise<{ id: string; to: string; expiresOn: string }> {
  return services.db.transaction(async (tx) => {
    const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
    if (!identity) throw new UnknownComplaintError(input.reference);
    const resident = identity.residentId
      ? await findResident(tx, input.organisationId, identity.residentId)
      : null;
    const representative = identity.representativeId
      ? await findRepresentative(tx, input.organisationId, identity.representativeId)
      : null;
    const recipient = portalRecipient(resident, representative);
    const to = input.to ?? recipient?.email;
    if (!to) throw new NoEmailAddressError();
    // Named as the person whose address it is, when it is one we hold.
    const name =
      [representative, resident].find((p) => p?.email?.toLowerCase() === to.toLowerCase())?.name ??
      recipient?.name ??
      resident?.name ??
      "";
    const link = await createFollowLinkInTransaction(
      tx,
      services,
      { ...input, complaintId: identity.id, reference: identity.reference, to, name },
      actor,
    );
    return { id: link.id, to, expiresOn: link.expiresOn };
  });
}

/** Neither the resident nor a representative gave an email address, and staff gave none. */
export class NoEmailAddressError extends Error {
  readonly code = "NO_EMAIL_ADDRESS";
  readonly field = "to";
  constructor() {
    super(
      "There is no email address for the resident or their representative. Enter the address to send it to.",
    );
    this.name = "NoEmailAddressError";
  }
}
