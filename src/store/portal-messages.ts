import type { Queryable } from "./database.ts";
import type { EmailStatus } from "./portal-links.ts";

/** A message between the resident (or their representative) and the complaints team, on the portal. */
export interface PortalMessageRow {
  id: string;
  direction: "from-resident" | "to-resident";
  body: string;
  author: string;
  /** Files sent with it, kept with the complaint's attachments. */
  attachments: { id: string; fileName: string }[];
  createdAt: Date;
}

export async function insertPortalMessage(
  tx: Queryable,
  message: PortalMessageRow & { organisationId: string; complaintId: string; linkId: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO portal_messages (organisation_id, id, complaint_id, direction, body, author, link_id, attachments,
       created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      message.organisationId,
      message.id,
      message.complaintId,
      message.direction,
      message.body,
      message.author,
      message.linkId,
      JSON.stringify(message.attachments),
      message.createdAt,
    ],
  );
}

/**
 * A complaint's portal messages, oldest first, with whether the email telling the resident of a staff reply
 * went out (its outbox row's status; none when there was no address).
 */
export async function listPortalMessages(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<(PortalMessageRow & EmailStatus)[]> {
  const result = await tx.query<PortalMessageRow & EmailStatus>(
    `SELECT m.id, m.direction, m.body, m.author, m.attachments, m.created_at AS "createdAt",
       o.status AS "emailStatus", o.delivered_at AS "emailDeliveredAt"
     FROM portal_messages m
     LEFT JOIN outbox o ON o.organisation_id = m.organisation_id AND o.idempotency_key = 'resident-message:' || m.id::text
     WHERE m.organisation_id = $1 AND m.complaint_id = $2 ORDER BY m.created_at, m.seq`,
    [organisationId, complaintId],
  );
  return result.rows;
}
