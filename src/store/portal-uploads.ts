import type { Queryable } from "./database.ts";

/** A file held for a portal form that had to be shown again, until the form is sent. */
export interface PortalUpload {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** How long a held file is kept if its form is never sent. */
const KEPT_FOR = "1 day";

/** Holds a file under a form's draft id; drafts abandoned for a day are deleted on the way. */
export async function insertPortalUpload(
  tx: Queryable,
  upload: PortalUpload & { organisationId: string; draftId: string; content: Buffer; createdAt: Date },
): Promise<void> {
  await tx.query(`DELETE FROM portal_uploads WHERE created_at < $1::timestamptz - interval '${KEPT_FOR}'`, [
    upload.createdAt,
  ]);
  await tx.query(
    `INSERT INTO portal_uploads (organisation_id, draft_id, id, file_name, content_type, size_bytes, content, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      upload.organisationId,
      upload.draftId,
      upload.id,
      upload.fileName,
      upload.contentType,
      upload.sizeBytes,
      upload.content,
      upload.createdAt,
    ],
  );
}

/** The files held under a draft, oldest first, without their bytes. */
export async function listPortalUploads(
  tx: Queryable,
  organisationId: string,
  draftId: string,
  now: Date,
): Promise<PortalUpload[]> {
  const result = await tx.query<PortalUpload>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes::int AS "sizeBytes"
     FROM portal_uploads
     WHERE organisation_id = $1 AND draft_id = $2 AND created_at >= $3::timestamptz - interval '${KEPT_FOR}'
     ORDER BY created_at, id`,
    [organisationId, draftId, now],
  );
  return result.rows;
}

/** Takes the chosen files out of a draft, with their bytes; the draft is then emptied (its form is sent). */
export async function takePortalUploads(
  tx: Queryable,
  organisationId: string,
  draftId: string,
  ids: readonly string[],
): Promise<(PortalUpload & { content: Buffer })[]> {
  const result = await tx.query<PortalUpload & { content: Buffer }>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes::int AS "sizeBytes", content
     FROM portal_uploads WHERE organisation_id = $1 AND draft_id = $2 AND id::text = ANY ($3::text[])
     ORDER BY created_at, id`,
    [organisationId, draftId, [...ids]],
  );
  await tx.query("DELETE FROM portal_uploads WHERE organisation_id = $1 AND draft_id = $2", [
    organisationId,
    draftId,
  ]);
  return result.rows;
}

/** Drops files the person chose to remove from a draft. */
export async function dropPortalUploads(
  tx: Queryable,
  organisationId: string,
  draftId: string,
  keep: readonly string[],
): Promise<void> {
  await tx.query(
    "DELETE FROM portal_uploads WHERE organisation_id = $1 AND draft_id = $2 AND NOT (id::text = ANY ($3::text[]))",
    [organisationId, draftId, [...keep]],
  );
}
