import { findAttachmentContent, type AttachmentRecord } from "../store/attachments.ts";
import { findComplaintIdentity } from "../store/complaints.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import { isUuid } from "./ids.ts";
import type { Services } from "./services.ts";

export class UnknownAttachmentError extends Error {
  readonly code = "UNKNOWN_ATTACHMENT";
  constructor() {
    super("There is no such attachment on this complaint.");
    this.name = "UnknownAttachmentError";
  }
}

/** One of a complaint's attachments with its bytes, only through the complaint it belongs to. */
export async function readAttachment(
  services: Services,
  input: { organisationId: string; reference: string; attachmentId: string },
): Promise<AttachmentRecord & { content: Buffer }> {
  if (!isUuid(input.attachmentId)) throw new UnknownAttachmentError();
  const identity = await findComplaintIdentity(services.db, input.organisationId, input.reference);
  if (!identity) throw new UnknownComplaintError(input.reference);
  const found = await findAttachmentContent(
    services.db,
    input.organisationId,
    identity.id,
    input.attachmentId,
  );
  if (!found) throw new UnknownAttachmentError();
  return found;
}
