import type { Queryable } from "./database.ts";

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

/** A complaint's portal messages, oldest first. */
export async function listPortalMessages(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<PortalMessageRow[]> {
  const result = await tx.query<PortalMessageRow>(
    `SELECT id, direction, body, author, attachments, created_at AS "createdAt" FROM portal_messages
     WHERE organisation_id = $1 AND complaint_id = $2 ORDER BY created_at, seq`,
    [organisationId, complaintId],
  );
  return result.rows;
}
