import type { FollowUpFacts, HazardFacts } from "../domain/reporting/complaint-facts.ts";
import type { Queryable } from "./database.ts";

/**
 * A complaint's remedies, follow-up actions and hazards as report facts, one row each (migration 012):
 * rewritten whole with the facts row, in the same transaction.
 */
export async function saveFactItems(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
  followUps: readonly FollowUpFacts[],
  hazards: readonly HazardFacts[],
): Promise<void> {
  const key = [organisationId, complaintId];
  await tx.query(
    "DELETE FROM complaint_follow_up_facts WHERE organisation_id = $1 AND complaint_id = $2",
    key,
  );
  await tx.query("DELETE FROM complaint_hazard_facts WHERE organisation_id = $1 AND complaint_id = $2", key);
  await insertRows(
    tx,
    "complaint_follow_up_facts",
    [
      "position",
      "kind",
      "item_id",
      "stage",
      "remedy_type",
      "amount_pence",
      "offered_on",
      "due_on",
      "completed_on",
    ],
    key,
    followUps.map((f, i) => [
      i,
      f.kind,
      f.id,
      f.stage,
      f.remedyType,
      f.amountPence,
      f.offeredOn,
      f.dueOn,
      f.completedOn,
    ]),
  );
  await insertRows(
    tx,
    "complaint_hazard_facts",
    ["position", "severity", "flagged_on", "flagged_at", "due", "legal_limit", "made_safe_at"],
    key,
    hazards.map((h, i) => [i, h.severity, h.flaggedOn, h.flaggedAt, h.due, h.legalLimit, h.madeSafeAt]),
  );
}

/** One INSERT of every row, each prefixed with the complaint's key. */
async function insertRows(
  tx: Queryable,
  table: string,
  columns: string[],
  key: unknown[],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = values.length;
    values.push(...key, ...row);
    return `(${[...key, ...row].map((_, i) => `$${start + i + 1}`).join(", ")})`;
  });
  await tx.query(
    `INSERT INTO ${table} (organisation_id, complaint_id, ${columns.join(", ")}) VALUES ${tuples.join(", ")}`,
    values,
  );
}

type Row = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : String(v));
const instant = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** Every complaint's remedies, actions and hazards for an organisation, by complaint id, in their order. */
export async function loadFactItems(
  tx: Queryable,
  organisationId: string,
): Promise<{ followUps: Map<string, FollowUpFacts[]>; hazards: Map<string, HazardFacts[]> }> {
  const followUps = new Map<string, FollowUpFacts[]>();
  const hazards = new Map<string, HazardFacts[]>();
  const add = <T>(map: Map<string, T[]>, id: string, item: T) => map.set(id, [...(map.get(id) ?? []), item]);
  const f = await tx.query<Row>(
    `SELECT * FROM complaint_follow_up_facts WHERE organisation_id = $1 ORDER BY complaint_id, position`,
    [organisationId],
  );
  for (const r of f.rows)
    add(followUps, String(r.complaint_id), {
      kind: r.kind as FollowUpFacts["kind"],
      id: String(r.item_id),
      stage: Number(r.stage) as 1 | 2,
      remedyType: (r.remedy_type as FollowUpFacts["remedyType"]) ?? null,
      amountPence: Number(r.amount_pence),
      offeredOn: String(r.offered_on),
      dueOn: date(r.due_on),
      completedOn: date(r.completed_on),
    });
  const h = await tx.query<Row>(
    `SELECT * FROM complaint_hazard_facts WHERE organisation_id = $1 ORDER BY complaint_id, position`,
    [organisationId],
  );
  for (const r of h.rows)
    add(hazards, String(r.complaint_id), {
      severity: r.severity as HazardFacts["severity"],
      flaggedOn: String(r.flagged_on),
      flaggedAt: instant(r.flagged_at),
      due: instant(r.due),
      legalLimit: instant(r.legal_limit),
      madeSafeAt: r.made_safe_at === null ? null : instant(r.made_safe_at),
    });
  return { followUps, hazards };
}
