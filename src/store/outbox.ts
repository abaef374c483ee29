import type { Queryable } from "./database.ts";

export interface OutboxMessage {
  /** Unique per organisation: the same key is never written (and so never sent) twice. */
  idempotencyKey: string;
  kind: string;
  payload: Record<string, unknown>;
}

export interface OutboxRow extends OutboxMessage {
  organisationId: string;
  id: number;
  attempts: number;
}

/** Writes messages in the caller's transaction; a key already present is skipped, not duplicated. */
export async function enqueueOutbox(
  tx: Queryable,
  organisationId: string,
  messages: readonly OutboxMessage[],
): Promise<number> {
  let written = 0;
  for (const m of messages) {
    const result = await tx.query(
      `INSERT INTO outbox (organisation_id, idempotency_key, kind, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, idempotency_key) DO NOTHING`,
      [organisationId, m.idempotencyKey, m.kind, JSON.stringify(m.payload)],
    );
    written += result.rowCount ?? 0;
  }
  return written;
}
