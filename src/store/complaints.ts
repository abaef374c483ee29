import type { ComplaintSummary } from "../domain/complaint/projection.ts";
import type { Tenure } from "../domain/reporting/complaint-facts.ts";
import { saveComplaintFacts } from "./complaint-facts.ts";
import type { Queryable } from "./database.ts";

/** The fixed facts of a complaint, set when it is logged. */
export interface ComplaintIdentity {
  organisationId: string;
  id: string;
  reference: string;
  externalRef: string | null;
  residentId: string | null;
  representativeId: string | null;
  channel: string | null;
  category: string | null;
  description: string | null;
  receivedOn: string;
  packId: string;
  packVersion: string;
  /** The stock the home is in, for TSM CH01. */
  tenure: Tenure;
}

export interface ComplaintRow extends ComplaintIdentity {
  calendarId: string;
  version: number;
  summary: ComplaintSummary;
}

/** Writes the projection row for a complaint (insert on first event, update after). */
export async function saveComplaintProjection(tx: Queryable, row: ComplaintRow): Promise<void> {
  const s = row.summary;
  await tx.query(
    `INSERT INTO complaints (organisation_id, id, reference, external_ref, resident_id, representative_id, channel, category,
       description, received_on, stage, status, handler_stage1, handler_stage2, hazard, pack_id, pack_version, calendar_id,
       next_clock, next_due, next_code_limit, clocks, findings, version, tenure, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25, now())
     ON CONFLICT (organisation_id, id) DO UPDATE SET
       stage = EXCLUDED.stage, status = EXCLUDED.status, handler_stage1 = EXCLUDED.handler_stage1,
       handler_stage2 = EXCLUDED.handler_stage2, hazard = EXCLUDED.hazard, calendar_id = EXCLUDED.calendar_id,
       next_clock = EXCLUDED.next_clock, next_due = EXCLUDED.next_due, next_code_limit = EXCLUDED.next_code_limit,
       clocks = EXCLUDED.clocks, findings = EXCLUDED.findings, version = EXCLUDED.version, updated_at = now()`,
    [
      row.organisationId,
      row.id,
      row.reference,
      row.externalRef,
      row.residentId,
      row.representativeId,
      row.channel,
      row.category,
      row.description,
      row.receivedOn,
      s.stage,
      s.status,
      s.handlerStage1,
      s.handlerStage2,
      s.hazard,
      row.packId,
      row.packVersion,
      row.calendarId,
      s.nextClock,
      s.nextDue,
      s.nextCodeLimit,
      JSON.stringify(s.clocks),
      JSON.stringify(s.findings),
      row.version,
      row.tenure,
    ],
  );
  await saveComplaintFacts(tx, row.organisationId, row.id, s.facts);
}

const SELECT_IDENTITY = `SELECT organisation_id AS "organisationId", id, reference, external_ref AS "externalRef",
  resident_id AS "residentId", representative_id AS "representativeId", channel, category, description,
  received_on AS "receivedOn", pack_id AS "packId", pack_version AS "packVersion", tenure, version FROM complaints`;

/** A complaint by its reference or, for imported complaints, its external reference. */
export async function findComplaintIdentity(
  tx: Queryable,
  organisationId: string,
  reference: string,
): Promise<(ComplaintIdentity & { version: number }) | null> {
  const result = await tx.query<ComplaintIdentity & { version: number }>(
    `${SELECT_IDENTITY} WHERE organisation_id = $1 AND (reference = $2 OR external_ref = $2) ORDER BY reference = $2 DESC LIMIT 1`,
    [organisationId, reference],
  );
  return result.rows[0] ?? null;
}

/** Every complaint of an organisation (or only those still running), for rebuilds and recomputation. */
export async function listComplaintIdentities(
  tx: Queryable,
  organisationId: string,
  options: { runningOnly?: boolean } = {},
): Promise<(ComplaintIdentity & { version: number })[]> {
  const where = options.runningOnly ? " AND status NOT IN ('closed', 'refused', 'withdrawn')" : "";
  const result = await tx.query<ComplaintIdentity & { version: number }>(
    `${SELECT_IDENTITY} WHERE organisation_id = $1${where} ORDER BY reference`,
    [organisationId],
  );
  return result.rows;
}

/** The next reference for an organisation and year, e.g. BCHG-2026-000123; unique and without gaps. */
export async function nextComplaintReference(
  tx: Queryable,
  organisationId: string,
  prefix: string,
  year: number,
): Promise<string> {
  const result = await tx.query<{ last_number: number }>(
    `INSERT INTO reference_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = reference_counters.last_number + 1
     RETURNING last_number`,
    [organisationId, year],
  );
  return `${prefix}-${year}-${String(result.rows[0]?.last_number).padStart(6, "0")}`;
}

/** How many complaints an organisation has in each status. */
export async function countComplaintsByStatus(
  tx: Queryable,
  organisationId: string,
): Promise<{ status: string; count: number }[]> {
  const result = await tx.query<{ status: string; count: number }>(
    "SELECT status, count(*)::int AS count FROM complaints WHERE organisation_id = $1 GROUP BY status ORDER BY status",
    [organisationId],
  );
  return result.rows;
}
