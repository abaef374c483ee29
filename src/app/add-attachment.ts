import { randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { checkAttachment, safeFileName } from "../domain/attachments/attachment-rules.ts";
import { insertAttachment, type AttachmentRecord } from "../store/attachments.ts";
import { findComplaintIdentity } from "../store/complaints.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import type { Actor, Services } from "./services.ts";

export interface AddAttachmentInput {
  organisationId: string;
  reference: string;
  fileName: string;
  content: Buffer;
  source: AttachmentRecord["source"];
}

/** Valid UTF-8 with no control characters but tabs and line breaks: a plain text file. */
function looksLikeText(content: Buffer): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * Attaches a file to a complaint (Code 5.12: keep every piece of correspondence and evidence with the case).
 * Its type is read from its bytes; a file the rules refuse throws AttachmentRuleError and nothing is kept.
 */
export async function addAttachment(
  services: Services,
  input: AddAttachmentInput,
  actor: Actor,
): Promise<AttachmentRecord> {
  const detected = await fileTypeFromBuffer(input.content);
  const contentType = checkAttachment({
    fileName: input.fileName,
    sizeBytes: input.content.length,
    detectedType: detected?.mime ?? null,
    looksLikeText: !detected && looksLikeText(input.content),
  });
  const record = {
    id: randomUUID(),
    fileName: safeFileName(input.fileName),
    contentType,
    sizeBytes: input.content.length,
    source: input.source,
    uploadedBy: actor,
  };
  await services.db.transaction(async (tx) => {
    const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
    if (!identity) throw new UnknownComplaintError(input.reference);
    await insertAttachment(tx, {
      ...record,
      organisationId: input.organisationId,
      complaintId: identity.id,
      content: input.content,
    });
  });
  return { ...record, createdAt: services.clock() };
}
