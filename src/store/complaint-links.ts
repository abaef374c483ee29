import type { Queryable } from "./database.ts";

/** What the case page shows around a complaint: who recorded each event, what it links to, what was sent. */

export interface TimelineEntry {
  seq: number;
  recordedAt: Date;
  recordedBy: string | null;
}

/** When and by whom each event was recorded, by sequence number (the audit trail's own columns). */
export async function loadEventRecords(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<TimelineEntry[]> {
  const result = await tx.query<TimelineEntry>(
    `SELECT seq, recorded_at AS "recordedAt", recorded_by AS "recordedBy" FROM complaint_events
     WHERE organisation_id = $1 AND complaint_id = $2 ORDER BY seq`,
    [organisationId, complaintId],
  );
  return result.rows;
}

export interface LinkedContact {
  id: string;
  kind: string;
  summary: string;
  loggedOn: string;
  status: string;
}

/** Contacts (service requests and others) a complaint was raised from (Code 1.5: they stay open). */
export async function listContactsRaisingComplaint(
  tx: Queryable,
  organisationId: string,
  reference: string,
): Promise<LinkedContact[]> {
  const result = await tx.query<LinkedContact>(
    `SELECT id, kind, summary, logged_on AS "loggedOn", status FROM contacts
     WHERE organisation_id = $1 AND $2 = ANY (complaint_refs) ORDER BY logged_on, id`,
    [organisationId, reference],
  );
  return result.rows;
}

/** Complaints whose new issue was logged as this complaint (Code 6.8): the complaint it came from. */
export async function listComplaintsSpunOffInto(
  tx: Queryable,
  organisationId: string,
  reference: string,
): Promise<string[]> {
  const result = await tx.query<{ reference: string }>(
    `SELECT DISTINCT c.reference FROM complaint_events e
     JOIN complaints c ON c.organisation_id = e.organisation_id AND c.id = e.complaint_id
     WHERE e.organisation_id = $1 AND e.type = 'issue-added' AND e.payload->>'newComplaint' = $2
     ORDER BY c.reference`,
    [organisationId, reference],
  );
  return result.rows.map((r) => r.reference);
}

export interface ComplaintMessage {
  id: number;
  kind: string;
  template: string | null;
  status: string;
  createdAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

/** Letters, notifications and alerts about one complaint, and whether each went out. */
export async function listComplaintMessages(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintMessage[]> {
  const result = await tx.query<ComplaintMessage>(
    // A letter's message names its kind (LetterMessagePayload); other messages their template.
    `SELECT id, kind, COALESCE(payload->>'template', CASE WHEN kind = 'letter' THEN payload->>'kind' END) AS template, status, created_at AS "createdAt",
       delivered_at AS "deliveredAt", last_error AS "lastError"
     FROM outbox WHERE organisation_id = $1 AND payload->>'complaintId' = $2 ORDER BY created_at, id`,
    [organisationId, complaintId],
  );
  return result.rows;
}
