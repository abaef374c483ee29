import type { LetterTemplate } from "../domain/letters/letter-template.ts";
import type { LetterKind } from "../domain/policy/schema.ts";
import type { Queryable } from "./database.ts";

export interface TemplateVersionRow {
  kind: LetterKind;
  version: number;
  content: LetterTemplate;
  savedAt: Date;
  savedBy: string;
}

const SELECT = `SELECT kind, version, content, saved_at AS "savedAt", saved_by AS "savedBy" FROM letter_templates`;

/** The organisation's latest saved version of a kind's template, or null while it uses the bundled one. */
export async function latestTemplateVersion(
  tx: Queryable,
  organisationId: string,
  kind: LetterKind,
): Promise<TemplateVersionRow | null> {
  const result = await tx.query<TemplateVersionRow>(
    `${SELECT} WHERE organisation_id = $1 AND kind = $2 ORDER BY version DESC LIMIT 1`,
    [organisationId, kind],
  );
  return result.rows[0] ?? null;
}

/** Every saved version of a kind's template, newest first. */
export async function listTemplateVersions(
  tx: Queryable,
  organisationId: string,
  kind: LetterKind,
): Promise<TemplateVersionRow[]> {
  const result = await tx.query<TemplateVersionRow>(
    `${SELECT} WHERE organisation_id = $1 AND kind = $2 ORDER BY version DESC`,
    [organisationId, kind],
  );
  return result.rows;
}

/** The latest version of each kind the organisation has saved. */
export async function latestTemplateVersions(
  tx: Queryable,
  organisationId: string,
): Promise<TemplateVersionRow[]> {
  const result = await tx.query<TemplateVersionRow>(
    `SELECT DISTINCT ON (kind) kind, version, content, saved_at AS "savedAt", saved_by AS "savedBy"
     FROM letter_templates WHERE organisation_id = $1 ORDER BY kind, version DESC`,
    [organisationId],
  );
  return result.rows;
}

/**
 * Saves a new version (the next number for the kind). Two administrators saving at once: the second hits
 * the primary key and is refused rather than silently numbered after the first.
 */
export async function insertTemplateVersion(
  tx: Queryable,
  t: {
    organisationId: string;
    kind: LetterKind;
    content: LetterTemplate;
    savedAt: Date;
    savedBy: string;
    after: number;
  },
): Promise<number> {
  const version = t.after + 1;
  await tx.query(
    `INSERT INTO letter_templates (organisation_id, kind, version, content, saved_at, saved_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.organisationId, t.kind, version, JSON.stringify(t.content), t.savedAt, t.savedBy],
  );
  return version;
}

/** The address printed at the top of the organisation's letters. */
export async function findLetterAddress(tx: Queryable, organisationId: string): Promise<string[]> {
  const result = await tx.query<{ lines: string[] }>(
    "SELECT letter_address_lines AS lines FROM organisations WHERE id = $1",
    [organisationId],
  );
  return result.rows[0]?.lines ?? [];
}

export async function updateLetterAddress(
  tx: Queryable,
  organisationId: string,
  lines: string[],
): Promise<void> {
  await tx.query("UPDATE organisations SET letter_address_lines = $2 WHERE id = $1", [
    organisationId,
    JSON.stringify(lines),
  ]);
}
