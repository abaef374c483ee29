import { randomUUID } from "node:crypto";
import { insertPortalMessage } from "../store/portal-messages.ts";
import { takePortalUploads } from "../store/portal-uploads.ts";
import { addAttachmentInTransaction } from "./add-attachment.ts";
import type { Services } from "./services.ts";

export interface ResidentMessageInput {
  organisationId: string;
  /** The follow link it came through: its complaint is the only one it can be about. */
  link: { id: string; complaintId: string; reference: string; sentTo: string };
  body: string;
  /** Files chosen with this message (checked already, and checked again as they are attached). */
  files: { fileName: string; content: Buffer }[];
  /** Files held from an earlier try of the same form, to send as well. */
  held?: { draftId: string; ids: string[] };
}

/** Who did it, for the audit trail: whoever holds the link sent to this address. */
export const portalActor = (sentTo: string) => `portal (${sentTo})`;

/**
 * The resident (or their representative) adds information through the portal: the message and its files
 * are kept with the complaint (Code 5.12), in one transaction, and shown to staff on the case page.
 */
export async function addResidentMessage(
  services: Services,
  input: ResidentMessageInput,
): Promise<{ id: string }> {
  const actor = portalActor(input.link.sentTo);
  return services.db.transaction(async (tx) => {
    const held = input.held
      ? await takePortalUploads(tx, input.organisationId, input.held.draftId, input.held.ids)
      : [];
    const attachments = [];
    for (const file of [...held, ...input.files]) {
      const record = await addAttachmentInTransaction(
        tx,
        services,
        {
          organisationId: input.organisationId,
          reference: input.link.reference,
          fileName: file.fileName,
          content: file.content,
          source: "resident",
        },
        actor,
      );
      attachments.push({ id: record.id, fileName: record.fileName });
    }
    const id = randomUUID();
    await insertPortalMessage(tx, {
      organisationId: input.organisationId,
      complaintId: input.link.complaintId,
      linkId: input.link.id,
      id,
      direction: "from-resident",
      body: input.body,
      author: actor,
      attachments,
      createdAt: services.clock(),
    });
    return { id };
  });
}
