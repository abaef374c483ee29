import type { Queryable } from "./database.ts";

export interface AttachmentRecord {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  source: "staff" | "resident" | "import";
  uploadedBy: string | null;
  createdAt: Date;
}

/** Stores an attachment's details and its bytes together, in the caller's transaction. */
export async function insertAttachment(
  tx: Queryable,
  row: Omit<AttachmentRecord, "createdAt"> & { organisationId: string; complaintId: string; content: Buffer },
): Promise<void> {
  await tx.query(
    `INSERT INTO attachments (organisation_id, id, complaint_id, file_name, content_type, size_bytes, storage_key,
       uploaded_by, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.organisationId,
      row.id,
      row.complaintId,
      row.fileName,
      row.contentType,
      row.sizeBytes,
      // The bytes are kept in attachment_contents under the attachment's own id.
      row.id,
      row.uploadedBy,
      row.source,
    ],
  );
  await tx.query(
    "INSERT INTO attachment_contents (organisation_id, attachment_id, content) VALUES ($1, $2, $3)",
    [row.organisationId, row.id, row.content],
  );
}

const columns = (a: string) => `${a}.id, ${a}.file_name AS "fileName", ${a}.content_type AS "contentType",
  ${a}.size_bytes::int AS "sizeBytes", ${a}.source, ${a}.uploaded_by AS "uploadedBy", ${a}.created_at AS "createdAt"`;

export async function listAttachments(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<AttachmentRecord[]> {
  const result = await tx.query<AttachmentRecord>(
    `SELECT ${columns("a")} FROM attachments a WHERE a.organisation_id = $1 AND a.complaint_id = $2
     ORDER BY a.created_at, a.id`,
    [organisationId, complaintId],
  );
  return result.rows;
}

/** One attachment of one complaint, with its bytes; null when the complaint has no such attachment. */
export async function findAttachmentContent(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
  attachmentId: string,
): Promise<(AttachmentRecord & { content: Buffer }) | null> {
  const result = await tx.query<AttachmentRecord & { content: Buffer }>(
    `SELECT ${columns("a")}, c.content FROM attachments a
     JOIN attachment_contents c ON c.organisation_id = a.organisation_id AND c.attachment_id = a.id
     WHERE a.organisation_id = $1 AND a.complaint_id = $2 AND a.id = $3`,
    [organisationId, complaintId, attachmentId],
  );
  return result.rows[0] ?? null;
}
