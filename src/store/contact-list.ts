import type { ContactKind } from "../domain/contact/contact.ts";
import type { Queryable } from "./database.ts";

export interface ContactListQuery {
  organisationId: string;
  kind?: ContactKind;
  /** open, early-resolution, resolved-early or closed; "not-closed" for everything still open. */
  status?: string;
  limit: number;
  offset: number;
}

export interface ContactListRow {
  id: string;
  kind: ContactKind;
  channel: string;
  summary: string;
  loggedOn: string;
  status: string;
  complaintRefs: string[];
  residentName: string | null;
}

/**
 * An organisation's contacts, oldest still-open first (what needs doing), then the rest newest first; on the
 * same day, in the order they were logged (the first event's `recordedAt`).
 */
export async function listContacts(
  tx: Queryable,
  query: ContactListQuery,
): Promise<{ rows: ContactListRow[]; total: number }> {
  const where = ["c.organisation_id = $1"];
  const params: unknown[] = [query.organisationId];
  if (query.kind) {
    params.push(query.kind);
    where.push(`c.kind = $${params.length}`);
  }
  if (query.status === "not-closed") where.push("c.status <> 'closed'");
  else if (query.status) {
    params.push(query.status);
    where.push(`c.status = $${params.length}`);
  }
  const filter = where.join(" AND ");
  const total = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM contacts c WHERE ${filter}`,
    params,
  );
  const rows = await tx.query<ContactListRow>(
    `SELECT c.id, c.kind, c.channel, c.summary, c.logged_on AS "loggedOn", c.status,
       c.complaint_refs AS "complaintRefs", r.name AS "residentName"
     FROM contacts c LEFT JOIN residents r ON r.organisation_id = c.organisation_id AND r.id = c.resident_id
     WHERE ${filter}
     ORDER BY (c.status = 'closed'), CASE WHEN c.status <> 'closed' THEN c.logged_on END ASC,
       c.logged_on DESC, c.events->0->>'recordedAt', c.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { rows: rows.rows, total: total.rows[0]?.count ?? 0 };
}

export interface ContactCount {
  kind: ContactKind;
  closed: boolean;
  count: number;
}

/** How many contacts an organisation has of each kind, open and closed: the counts above the list. */
export async function countContacts(tx: Queryable, organisationId: string): Promise<ContactCount[]> {
  const result = await tx.query<ContactCount>(
    `SELECT kind, (status = 'closed') AS closed, count(*)::int AS count FROM contacts
     WHERE organisation_id = $1 GROUP BY kind, (status = 'closed')`,
    [organisationId],
  );
  return result.rows;
}
