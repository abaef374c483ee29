import type { ContactEvent, ContactKind } from "../domain/contact/contact.ts";
import { ConcurrencyConflictError } from "./complaint-events.ts";
import type { Queryable } from "./database.ts";

/** A contact event as kept in `contacts.events`: the domain's fact, with who recorded it and when. */
export type StoredContactEvent = ContactEvent & { recordedBy: string | null; recordedAt: string };

export interface ContactRow {
  organisationId: string;
  id: string;
  kind: ContactKind;
  channel: string;
  residentId: string | null;
  summary: string;
  loggedOn: string;
  status: string;
  complaintRefs: string[];
  events: StoredContactEvent[];
  /** How many events are recorded: the optimistic-concurrency check on every update. */
  version: number;
}

/** Another writer changed the contact first: nothing of this change was written. */
export class ContactConcurrencyConflictError extends ConcurrencyConflictError {
  constructor(readonly contactId: string) {
    super(contactId);
    this.message = `Someone else changed this contact at the same moment. Nothing was saved; reload it and try again.`;
  }
}

export async function insertContact(tx: Queryable, row: ContactRow): Promise<void> {
  await tx.query(
    `INSERT INTO contacts (organisation_id, id, kind, channel, resident_id, summary, logged_on, status, complaint_refs,
       events, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      row.organisationId,
      row.id,
      row.kind,
      row.channel,
      row.residentId,
      row.summary,
      row.loggedOn,
      row.status,
      row.complaintRefs,
      JSON.stringify(row.events),
      row.version,
    ],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact of the organisation, or null. Ids are UUIDs: anything else is no contact (and not a cast error). */
export async function findContact(
  tx: Queryable,
  organisationId: string,
  id: string,
): Promise<ContactRow | null> {
  if (!UUID.test(id)) return null;
  const result = await tx.query<ContactRow>(
    `SELECT organisation_id AS "organisationId", id, kind, channel, resident_id AS "residentId", summary,
       logged_on AS "loggedOn", status, complaint_refs AS "complaintRefs", events, version
     FROM contacts WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id],
  );
  return result.rows[0] ?? null;
}

/**
 * Saves a contact's new events and what they change, only if nobody saved it since it was read at
 * `expectedVersion`; otherwise throws ContactConcurrencyConflictError and writes nothing.
 */
export async function saveContactEvents(
  tx: Queryable,
  change: Pick<ContactRow, "organisationId" | "id" | "status" | "complaintRefs" | "events" | "version"> & {
    expectedVersion: number;
  },
): Promise<void> {
  const result = await tx.query(
    `UPDATE contacts SET status = $3, complaint_refs = $4, events = $5, version = $6, updated_at = now()
     WHERE organisation_id = $1 AND id = $2 AND version = $7`,
    [
      change.organisationId,
      change.id,
      change.status,
      change.complaintRefs,
      JSON.stringify(change.events),
      change.version,
      change.expectedVersion,
    ],
  );
  if (result.rowCount !== 1) throw new ContactConcurrencyConflictError(change.id);
}
