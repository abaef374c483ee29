import type { LessonKey } from "../domain/governance/lessons.ts";
import type { YouSaidWeDidEntry } from "../domain/governance/you-said-we-did.ts";
import type { Queryable } from "./database.ts";

export interface YouSaidWeDidRow extends YouSaidWeDidEntry {
  lessons: LessonKey[];
  approvedBy: string | null;
  approvedAt: Date | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

const COLUMNS = `id::text AS id, you_said, we_did, themes, changed_on, lessons, status, approved_by, approved_at, version,
  created_by, created_at, updated_by, updated_at`;

function entryOf(r: Record<string, unknown>): YouSaidWeDidRow {
  return {
    id: String(r.id),
    youSaid: String(r.you_said),
    weDid: String(r.we_did),
    themes: r.themes as string[],
    changedOn: (r.changed_on as string | null) ?? null,
    lessons: r.lessons as LessonKey[],
    status: r.status as YouSaidWeDidEntry["status"],
    approvedBy: (r.approved_by as string | null) ?? null,
    approvedAt: (r.approved_at as Date | null) ?? null,
    version: Number(r.version),
    createdBy: String(r.created_by),
    createdAt: r.created_at as Date,
    updatedBy: String(r.updated_by),
    updatedAt: r.updated_at as Date,
  };
}

export async function insertYouSaidWeDid(
  tx: Queryable,
  organisationId: string,
  entry: Omit<YouSaidWeDidEntry, "status"> & { lessons: readonly LessonKey[] },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO you_said_we_did (organisation_id, id, you_said, we_did, themes, changed_on, lessons, status, created_by,
       created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $8, $9)`,
    [
      organisationId,
      entry.id,
      entry.youSaid,
      entry.weDid,
      JSON.stringify(entry.themes),
      entry.changedOn,
      JSON.stringify(entry.lessons),
      by,
      at,
    ],
  );
}

/** One entry, locked until the transaction ends (FOR UPDATE) when it is about to change. */
export async function findYouSaidWeDid(
  tx: Queryable,
  organisationId: string,
  id: string,
  lock = false,
): Promise<YouSaidWeDidRow | null> {
  const result = await tx.query(
    `SELECT ${COLUMNS} FROM you_said_we_did WHERE organisation_id = $1 AND id = $2::uuid${lock ? " FOR UPDATE" : ""}`,
    [organisationId, id],
  );
  return result.rows[0] ? entryOf(result.rows[0]) : null;
}

/** Every entry, newest change first (drafts without a date first). */
export async function listYouSaidWeDid(
  tx: Queryable,
  organisationId: string,
  status?: YouSaidWeDidEntry["status"],
): Promise<YouSaidWeDidRow[]> {
  const result = await tx.query(
    `SELECT ${COLUMNS} FROM you_said_we_did WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2)
     ORDER BY changed_on DESC NULLS FIRST, created_at DESC`,
    [organisationId, status ?? null],
  );
  return result.rows.map(entryOf);
}

/** Saves an entry's words and status; every change is a new version of it. */
export async function updateYouSaidWeDid(
  tx: Queryable,
  organisationId: string,
  entry: YouSaidWeDidEntry & { approvedBy: string | null; approvedAt: Date | null },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE you_said_we_did SET you_said = $3, we_did = $4, themes = $5, changed_on = $6, status = $7,
       approved_by = $8, approved_at = $9, version = version + 1, updated_by = $10, updated_at = $11
     WHERE organisation_id = $1 AND id = $2::uuid`,
    [
      organisationId,
      entry.id,
      entry.youSaid,
      entry.weDid,
      JSON.stringify(entry.themes),
      entry.changedOn,
      entry.status,
      entry.approvedBy,
      entry.approvedAt,
      by,
      at,
    ],
  );
}
