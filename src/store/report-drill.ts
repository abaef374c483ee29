import type { Queryable } from "./database.ts";

/** A complaint behind a report figure, as the drill-down lists it. */
export interface DrillComplaintRow {
  reference: string;
  receivedOn: string;
  stage: number;
  status: string;
  category: string | null;
  handlerStage1: string | null;
}

/** A contact behind a report figure. */
export interface DrillContactRow {
  id: string;
  loggedOn: string;
  kind: string;
  status: string;
  summary: string;
  complaintRefs: string[];
}

/** The organisation's complaints with these references (a page of a figure's), by reference. */
export async function complaintsByReferences(
  tx: Queryable,
  organisationId: string,
  references: readonly string[],
): Promise<DrillComplaintRow[]> {
  if (references.length === 0) return [];
  const result = await tx.query<DrillComplaintRow>(
    `SELECT reference, received_on AS "receivedOn", stage, status, category, handler_stage1 AS "handlerStage1"
     FROM complaints WHERE organisation_id = $1 AND reference = ANY($2::text[])`,
    [organisationId, references],
  );
  return result.rows;
}

/** The organisation's contacts with these ids. */
export async function contactsByIds(
  tx: Queryable,
  organisationId: string,
  ids: readonly string[],
): Promise<DrillContactRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.query<DrillContactRow>(
    `SELECT id::text AS id, logged_on AS "loggedOn", kind, status, summary, complaint_refs AS "complaintRefs"
     FROM contacts WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, ids],
  );
  return result.rows;
}
