import { policyPackSchema, type PolicyPack } from "../domain/policy/schema.ts";
import type { ClosureDay } from "../domain/calendar/working-calendar.ts";
import type { Queryable } from "./database.ts";

export interface OrganisationRow {
  id: string;
  name: string;
  referencePrefix: string;
  packId: string;
  packVersion: string;
  homesLcra: number;
  homesLcho: number;
  closures: ClosureDay[];
  /** Bank holidays added to, or removed from, the bundled snapshot for this organisation's calendar. */
  bankHolidaysAdded: { date: string; name: string }[];
  bankHolidaysRemoved: string[];
}

/** The parts of an organisation its working calendar is built from. */
export type CalendarSettings = Pick<
  OrganisationRow,
  "closures" | "bankHolidaysAdded" | "bankHolidaysRemoved"
>;

/** Keeps a pack version's content; a version once stored never changes (complaints are pinned to it). */
export async function storePackVersion(tx: Queryable, pack: PolicyPack): Promise<void> {
  const content = JSON.stringify(policyPackSchema.parse(pack));
  // jsonb equality compares content, not key order or spacing.
  const existing = await tx.query<{ same: boolean }>(
    "SELECT content = $3::jsonb AS same FROM policy_pack_versions WHERE pack_id = $1 AND version = $2",
    [pack.id, pack.version, content],
  );
  const stored = existing.rows[0];
  if (!stored) {
    await tx.query("INSERT INTO policy_pack_versions (pack_id, version, content) VALUES ($1, $2, $3)", [
      pack.id,
      pack.version,
      content,
    ]);
  } else if (!stored.same) {
    throw new Error(
      `Policy pack ${pack.id} ${pack.version} is already stored with different content; give the changed pack a new version.`,
    );
  }
}

export async function loadPackVersion(tx: Queryable, packId: string, version: string): Promise<PolicyPack> {
  const result = await tx.query<{ content: unknown }>(
    "SELECT content FROM policy_pack_versions WHERE pack_id = $1 AND version = $2",
    [packId, version],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`Policy pack ${packId} ${version} is not stored in this database.`);
  return policyPackSchema.parse(row.content);
}

export async function insertOrganisation(
  tx: Queryable,
  org: Omit<OrganisationRow, "bankHolidaysAdded" | "bankHolidaysRemoved">,
): Promise<void> {
  await tx.query(
    `INSERT INTO organisations (id, name, reference_prefix, pack_id, pack_version, homes_lcra, homes_lcho, closures)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      org.id,
      org.name,
      org.referencePrefix,
      org.packId,
      org.packVersion,
      org.homesLcra,
      org.homesLcho,
      JSON.stringify(org.closures),
    ],
  );
}

const SELECT_ORG = `SELECT id, name, reference_prefix AS "referencePrefix", pack_id AS "packId", pack_version AS "packVersion",
  homes_lcra AS "homesLcra", homes_lcho AS "homesLcho", closures, bank_holidays_added AS "bankHolidaysAdded",
  bank_holidays_removed AS "bankHolidaysRemoved" FROM organisations`;

export async function findOrganisation(tx: Queryable, id: string): Promise<OrganisationRow | null> {
  // FOR SHARE: a command deciding under this organisation's calendar waits for a calendar change to commit.
  const result = await tx.query<OrganisationRow>(`${SELECT_ORG} WHERE id = $1 FOR SHARE`, [id]);
  return result.rows[0] ?? null;
}

export async function listOrganisations(tx: Queryable): Promise<OrganisationRow[]> {
  return (await tx.query<OrganisationRow>(`${SELECT_ORG} ORDER BY id`)).rows;
}

export async function updateCalendarSettings(
  tx: Queryable,
  id: string,
  settings: CalendarSettings,
): Promise<void> {
  await tx.query(
    "UPDATE organisations SET closures = $2, bank_holidays_added = $3, bank_holidays_removed = $4 WHERE id = $1",
    [
      id,
      JSON.stringify(settings.closures),
      JSON.stringify(settings.bankHolidaysAdded),
      JSON.stringify(settings.bankHolidaysRemoved),
    ],
  );
}
