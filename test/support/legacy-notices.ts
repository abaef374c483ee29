import { RESIDENT_NOTIFICATION } from "../../src/app/resident-notifications.ts";
import type { Database } from "../../src/store/database.ts";
import { enqueueOutbox } from "../../src/store/outbox.ts";

/**
 * A `resident-notification` outbox row as acknowledging wrote one before letters were drafted and issued as
 * documents. Outboxes upgraded from then may still hold such rows, and they must still go out.
 */
export async function legacyAcknowledgementNotice(
  db: Database,
  organisationId: string,
  reference: string,
  responseDue = "2026-11-17",
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM complaints WHERE organisation_id = $1 AND reference = $2",
    [organisationId, reference],
  );
  const complaintId = rows[0]?.id;
  if (!complaintId) throw new Error(`No complaint ${reference}`);
  await db.transaction((tx) =>
    enqueueOutbox(tx, organisationId, [
      {
        idempotencyKey: `${complaintId}:legacy:stage1-acknowledgement`,
        kind: RESIDENT_NOTIFICATION,
        payload: { template: "stage1-acknowledgement", reference, complaintId, stage: 1, responseDue },
      },
    ]),
  );
}
