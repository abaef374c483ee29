import type { LetterDocument } from "../domain/letters/letter-document.ts";
import type { LetterKind } from "../domain/policy/schema.ts";
import type { Queryable } from "./database.ts";

export type TemplateOrigin = "bundled" | "organisation";

export interface LetterRecipient {
  name: string;
  email: string | null;
  addressLines: string[];
}

export interface LetterRow {
  organisationId: string;
  id: string;
  complaintId: string;
  reference: string;
  kind: LetterKind;
  stage: 1 | 2;
  eventSeq: number;
  status: "draft" | "issued";
  templateOrigin: TemplateOrigin;
  templateVersion: number;
  document: LetterDocument;
  format: "email" | "post" | "large-print" | null;
  recipient: LetterRecipient | null;
  draftedAt: Date;
  draftedBy: string;
  editedAt: Date | null;
  editedBy: string | null;
  issuedAt: Date | null;
  issuedBy: string | null;
}

export type NewLetter = Pick<
  LetterRow,
  | "organisationId"
  | "id"
  | "complaintId"
  | "kind"
  | "stage"
  | "eventSeq"
  | "templateOrigin"
  | "templateVersion"
  | "document"
  | "draftedAt"
  | "draftedBy"
>;

/** Writes a draft; a draft already written for the same event and kind is kept (returns false). */
export async function insertDraftLetter(tx: Queryable, l: NewLetter): Promise<boolean> {
  const result = await tx.query(
    `INSERT INTO letters (organisation_id, id, complaint_id, kind, stage, event_seq, status, template_origin,
       template_version, document, drafted_at, drafted_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11)
     ON CONFLICT (organisation_id, complaint_id, event_seq, kind) DO NOTHING`,
    [
      l.organisationId,
      l.id,
      l.complaintId,
      l.kind,
      l.stage,
      l.eventSeq,
      l.templateOrigin,
      l.templateVersion,
      JSON.stringify(l.document),
      l.draftedAt,
      l.draftedBy,
    ],
  );
  return (result.rowCount ?? 0) > 0;
}

const SELECT_LETTER = `SELECT l.organisation_id AS "organisationId", l.id, l.complaint_id AS "complaintId",
  c.reference, l.kind, l.stage, l.event_seq AS "eventSeq", l.status, l.template_origin AS "templateOrigin",
  l.template_version AS "templateVersion", l.document, l.format, l.recipient, l.drafted_at AS "draftedAt",
  l.drafted_by AS "draftedBy", l.edited_at AS "editedAt", l.edited_by AS "editedBy", l.issued_at AS "issuedAt",
  l.issued_by AS "issuedBy"
  FROM letters l JOIN complaints c ON c.organisation_id = l.organisation_id AND c.id = l.complaint_id`;

/**
 * One letter of an organisation, or null; `id` must be a UUID (the caller checks). `forUpdate` locks
 * the row, so an edit and an issue of the same draft never both go through.
 */
export async function findLetter(
  tx: Queryable,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LetterRow | null> {
  const lock = options.forUpdate ? " FOR UPDATE OF l" : "";
  const result = await tx.query<LetterRow>(
    `${SELECT_LETTER} WHERE l.organisation_id = $1 AND l.id = $2${lock}`,
    [organisationId, id],
  );
  return result.rows[0] ?? null;
}

/** A complaint's letters, drafts and issued, oldest first. */
export async function listLettersOfComplaint(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<LetterRow[]> {
  const result = await tx.query<LetterRow>(
    `${SELECT_LETTER} WHERE l.organisation_id = $1 AND l.complaint_id = $2 ORDER BY l.drafted_at, l.event_seq, l.id`,
    [organisationId, complaintId],
  );
  return result.rows;
}

/** A draft's new document (an edit, or a redraft from a newer template); only ever a draft. */
export async function updateDraftLetter(
  tx: Queryable,
  l: Pick<LetterRow, "organisationId" | "id" | "document" | "templateOrigin" | "templateVersion"> & {
    editedAt: Date;
    editedBy: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE letters SET document = $3, template_origin = $4, template_version = $5, edited_at = $6, edited_by = $7
     WHERE organisation_id = $1 AND id = $2 AND status = 'draft'`,
    [
      l.organisationId,
      l.id,
      JSON.stringify(l.document),
      l.templateOrigin,
      l.templateVersion,
      l.editedAt,
      l.editedBy,
    ],
  );
}

/** Issues a draft: its final document, format and recipient. After this the database refuses any change. */
export async function markLetterIssued(
  tx: Queryable,
  l: Pick<LetterRow, "organisationId" | "id" | "document"> & {
    format: NonNullable<LetterRow["format"]>;
    recipient: LetterRecipient;
    issuedAt: Date;
    issuedBy: string;
  },
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE letters SET status = 'issued', document = $3, format = $4, recipient = $5, issued_at = $6, issued_by = $7
     WHERE organisation_id = $1 AND id = $2 AND status = 'draft'`,
    [
      l.organisationId,
      l.id,
      JSON.stringify(l.document),
      l.format,
      JSON.stringify(l.recipient),
      l.issuedAt,
      l.issuedBy,
    ],
  );
  return (result.rowCount ?? 0) > 0;
}

/** How many letters of each kind an organisation issued in a period (for the self-assessment's evidence). */
export async function countIssuedLettersByKind(
  tx: Queryable,
  organisationId: string,
  period: { from: string; to: string },
): Promise<{ kind: LetterKind; issued: number }[]> {
  const result = await tx.query<{ kind: LetterKind; issued: number }>(
    `SELECT kind, count(*)::int AS issued FROM letters
     WHERE organisation_id = $1 AND status = 'issued'
       AND (issued_at AT TIME ZONE 'Europe/London')::date BETWEEN $2::date AND $3::date
     GROUP BY kind ORDER BY kind`,
    [organisationId, period.from, period.to],
  );
  return result.rows;
}
