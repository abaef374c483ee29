import type { OmbudsmanPublication } from "../domain/governance/annual-report.ts";
import type { ElementFinding, OmbudsmanCase, OmbudsmanOrder } from "../domain/governance/ombudsman.ts";
import type { Queryable } from "./database.ts";

/** Recording the same Housing Ombudsman reference twice (for the same kind of decision). */
export class DuplicateOmbudsmanReferenceError extends Error {
  readonly code = "DUPLICATE_OMBUDSMAN_REFERENCE";
  constructor() {
    super("This Housing Ombudsman reference is already recorded. Open it to add to it.");
    this.name = "DuplicateOmbudsmanReferenceError";
  }
}

export interface OmbudsmanCaseRow extends OmbudsmanCase {
  recordedBy: string;
  recordedAt: Date;
}

export interface NewOmbudsmanCase {
  id: string;
  kind: OmbudsmanCase["kind"];
  hosReference: string;
  complaintId: string | null;
  decidedOn: string;
  summary: string | null;
  findings: ElementFinding[];
}

export async function insertOmbudsmanCase(
  tx: Queryable,
  organisationId: string,
  c: NewOmbudsmanCase,
  by: string,
  at: Date,
): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO ombudsman_cases (organisation_id, id, kind, hos_reference, complaint_id, decided_on, summary, findings,
         recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        organisationId,
        c.id,
        c.kind,
        c.hosReference,
        c.complaintId,
        c.decidedOn,
        c.summary,
        JSON.stringify(c.findings),
        by,
        at,
      ],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new DuplicateOmbudsmanReferenceError();
    throw error;
  }
}

async function ordersOf(tx: Queryable, organisationId: string, caseIds: string[]) {
  const result = await tx.query<OmbudsmanOrder & { caseId: string }>(
    `SELECT id::text AS id, case_id::text AS "caseId", kind, description, due_on AS "dueOn", complied_on AS "compliedOn"
     FROM ombudsman_orders WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])
     ORDER BY due_on NULLS LAST, recorded_at, id`,
    [organisationId, caseIds],
  );
  return result.rows;
}

/** The organisation's Ombudsman cases (one, by id, when given), newest decision first, each with its orders. */
export async function listOmbudsmanCases(
  tx: Queryable,
  organisationId: string,
  id?: string,
): Promise<OmbudsmanCaseRow[]> {
  const result = await tx.query<Omit<OmbudsmanCaseRow, "orders">>(
    `SELECT o.id::text AS id, o.kind, o.hos_reference AS "hosReference", c.reference AS "complaintReference",
       o.decided_on AS "decidedOn", o.summary, o.findings, o.recorded_by AS "recordedBy", o.recorded_at AS "recordedAt"
     FROM ombudsman_cases o
     LEFT JOIN complaints c ON c.organisation_id = o.organisation_id AND c.id = o.complaint_id
     WHERE o.organisation_id = $1 AND ($2::uuid IS NULL OR o.id = $2::uuid)
     ORDER BY o.decided_on DESC, o.hos_reference`,
    [organisationId, id ?? null],
  );
  const orders = await ordersOf(
    tx,
    organisationId,
    result.rows.map((r) => r.id),
  );
  return result.rows.map((r) => ({
    ...r,
    orders: orders.filter((o) => o.caseId === r.id).map(({ caseId: _caseId, ...o }) => o),
  }));
}

export async function insertOmbudsmanOrder(
  tx: Queryable,
  organisationId: string,
  caseId: string,
  order: OmbudsmanOrder,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO ombudsman_orders (organisation_id, id, case_id, kind, description, due_on, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [organisationId, order.id, caseId, order.kind, order.description, order.dueOn, by, at],
  );
}

export async function recordOrderComplied(
  tx: Queryable,
  organisationId: string,
  orderId: string,
  compliedOn: string,
  note: string | null,
  by: string,
): Promise<void> {
  await tx.query(
    `UPDATE ombudsman_orders SET complied_on = $3, compliance_note = $4, complied_recorded_by = $5
     WHERE organisation_id = $1 AND id = $2::uuid AND complied_on IS NULL`,
    [organisationId, orderId, compliedOn, note, by],
  );
}

/** Locks a case's orders while one is marked complied, so two people cannot record it twice. */
export async function lockOmbudsmanCase(
  tx: Queryable,
  organisationId: string,
  caseId: string,
): Promise<void> {
  await tx.query("SELECT 1 FROM ombudsman_cases WHERE organisation_id = $1 AND id = $2::uuid FOR UPDATE", [
    organisationId,
    caseId,
  ]);
}

export async function insertOmbudsmanPublication(
  tx: Queryable,
  organisationId: string,
  p: OmbudsmanPublication & { id: string },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO ombudsman_publications (organisation_id, id, kind, title, published_on, summary, link, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [organisationId, p.id, p.kind, p.title, p.publishedOn, p.summary, p.link, by, at],
  );
}

export async function listOmbudsmanPublications(
  tx: Queryable,
  organisationId: string,
): Promise<(OmbudsmanPublication & { id: string })[]> {
  const result = await tx.query<OmbudsmanPublication & { id: string }>(
    `SELECT id::text AS id, kind, title, published_on AS "publishedOn", summary, link FROM ombudsman_publications
     WHERE organisation_id = $1 ORDER BY published_on DESC, title`,
    [organisationId],
  );
  return result.rows;
}
