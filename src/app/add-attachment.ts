import { randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { checkAttachment, safeFileName } from "../domain/attachments/attachment-rules.ts";
import { insertAttachment, type AttachmentRecord } from "../store/attachments.ts";
import type { Queryable } from "../store/database.ts";
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
 * Checks a file against the attachment rules, judging its type from its bytes: the media type to keep and a
 * safe name, or AttachmentRuleError. Forms that hold files before the complaint exists check them here first.
 */
export async function checkUpload(
  fileName: string,
  content: Buffer,
): Promise<{ fileName: string; contentType: string }> {
  const detected = await fileTypeFromBuffer(content);
  const contentType = checkAttachment({
    fileName,
    sizeBytes: content.length,
    detectedType: detected?.mime ?? null,
    looksLikeText: !detected && looksLikeText(content),
  });
  return { fileName: safeFileName(fileName), contentType };
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
  const checked = await checkUpload(input.fileName, input.content);
  return services.db.transaction((tx) => storeAttachment(tx, services, input, checked, actor));
}

/** `addAttachment` inside the caller's transaction, so the file commits with the change it belongs to. */
export async function addAttachmentInTransaction(
  tx: Queryable,
  services: Services,
  input: AddAttachmentInput,
  actor: Actor,
): Promise<AttachmentRecord> {
  const checked = await checkUpload(input.fileName, input.content);
  return storeAttachment(tx, services, input, checked, actor);
}

async function storeAttachment(
  tx: Queryable,
  services: Services,
  input: AddAttachmentInput,
  checked: { fileName: string; contentType: string },
  actor: Actor,
): Promise<AttachmentRecord> {
  const record = {
    id: randomUUID(),
    ...checked,
    sizeBytes: input.content.length,
    source: input.source,
    uploadedBy: actor,
  };
  const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
  if (!identity) throw new UnknownComplaintError(input.reference);
  await insertAttachment(tx, {
    ...record,
    organisationId: input.organisationId,
    complaintId: identity.id,
    content: input.content,
  });
  return { ...record, createdAt: services.clock() };
}
