import { filterSql, Params, type CaseloadFilter } from "./caseload.ts";
import type { Queryable } from "./database.ts";

/** A page of an organisation's complaints, for the API: every status, not only the running ones. */
export interface ComplaintListQuery {
  organisationId: string;
  /** A status, or "running" for every complaint not closed, refused or withdrawn. */
  status?: string;
  stage?: 1 | 2;
  category?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** The person handling the current stage (name or email, any case). */
  handler?: string;
  /** The caseload's filters: overdue, due-soon, extended, stage2, hazard. */
  filter?: CaseloadFilter;
  today: string;
  dueSoonBy: string;
  limit: number;
  offset: number;
}

export interface ComplaintListRow {
  reference: string;
  externalRef: string | null;
  stage: number;
  status: string;
  category: string | null;
  channel: string | null;
  receivedOn: string;
  nextClock: string | null;
  nextDue: string | null;
  nextCodeLimit: string | null;
  hazard: boolean;
  handlerStage1: string | null;
  handlerStage2: string | null;
  residentName: string | null;
}

function whereSql(q: ComplaintListQuery, p: Params): string {
  const where = [`c.organisation_id = ${p.add(q.organisationId)}`];
  if (q.status === "running") where.push("c.status NOT IN ('closed', 'refused', 'withdrawn')");
  else if (q.status) where.push(`c.status = ${p.add(q.status)}`);
  if (q.stage) where.push(`c.stage = ${p.add(q.stage)}`);
  if (q.category) where.push(`c.category = ${p.add(q.category)}`);
  if (q.receivedFrom) where.push(`c.received_on >= ${p.add(q.receivedFrom, "::date")}`);
  if (q.receivedTo) where.push(`c.received_on <= ${p.add(q.receivedTo, "::date")}`);
  if (q.handler) {
    const current = "CASE WHEN c.stage = 1 THEN c.handler_stage1 ELSE c.handler_stage2 END";
    where.push(`lower(${current}) = lower(${p.add(q.handler.trim())})`);
  }
  if (q.filter) where.push(filterSql(q.filter, q, p));
  return where.join(" AND ");
}

/** Complaints matching the query, newest received first, with how many match in all. */
export async function listComplaints(
  tx: Queryable,
  q: ComplaintListQuery,
): Promise<{ rows: ComplaintListRow[]; total: number }> {
  const p = new Params();
  const where = whereSql(q, p);
  const total = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM complaints c WHERE ${where}`,
    p.values,
  );
  const rows = await tx.query<ComplaintListRow>(
    `SELECT c.reference, c.external_ref AS "externalRef", c.stage, c.status, c.category, c.channel,
       c.received_on AS "receivedOn", c.next_clock AS "nextClock", c.next_due AS "nextDue",
       c.next_code_limit AS "nextCodeLimit", c.hazard, c.handler_stage1 AS "handlerStage1",
       c.handler_stage2 AS "handlerStage2", r.name AS "residentName"
     FROM complaints c LEFT JOIN residents r ON r.organisation_id = c.organisation_id AND r.id = c.resident_id
     WHERE ${where}
     ORDER BY c.received_on DESC, c.reference DESC
     LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
    p.values,
  );
  return { rows: rows.rows, total: total.rows[0]?.count ?? 0 };
}
