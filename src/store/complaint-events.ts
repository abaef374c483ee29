import { complaintEventSchema, type ComplaintEvent } from "../domain/complaint/events.ts";
import type { Queryable } from "./database.ts";

/** Another writer recorded events on the complaint first: nothing of this command was written. */
export class ConcurrencyConflictError extends Error {
  readonly code = "CONCURRENT_CHANGE";
  constructor(readonly reference: string) {
    super(
      `Someone else changed complaint ${reference} at the same moment. Nothing was saved; reload it and try again.`,
    );
    this.name = "ConcurrencyConflictError";
  }
}

export async function loadComplaintEvents(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintEvent[]> {
  const result = await tx.query<{ payload: unknown }>(
    "SELECT payload FROM complaint_events WHERE organisation_id = $1 AND complaint_id = $2 ORDER BY seq",
    [organisationId, complaintId],
  );
  return result.rows.map((r) => complaintEventSchema.parse(r.payload));
}

/**
 * Appends events after `afterSeq`. The primary key (organisation_id, complaint_id, seq) makes a second
 * writer that read the same history fail here, inside its transaction, so it writes nothing.
 */
export async function appendComplaintEvents(
  tx: Queryable,
  target: { organisationId: string; complaintId: string; reference: string },
  afterSeq: number,
  events: readonly ComplaintEvent[],
  recordedBy: string | null,
  /** When, by the caller's clock (the same clock that judged the command). */
  recordedAt: Date,
): Promise<void> {
  let seq = afterSeq;
  for (const event of events) {
    seq += 1;
    try {
      await tx.query(
        `INSERT INTO complaint_events (organisation_id, complaint_id, seq, type, occurred_on, payload, recorded_by,
           recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          target.organisationId,
          target.complaintId,
          seq,
          event.type,
          event.on,
          JSON.stringify(event),
          recordedBy,
          recordedAt,
        ],
      );
    } catch (error) {
      if ((error as { code?: string }).code === "23505") throw new ConcurrencyConflictError(target.reference);
      throw error;
    }
  }
}
