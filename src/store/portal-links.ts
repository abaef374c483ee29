import type { Queryable } from "./database.ts";

/** A link to follow one complaint on the portal, as listed: never its token, which is not kept. */
export interface PortalLinkRow {
  organisationId: string;
  id: string;
  complaintId: string;
  sentTo: string;
  sentToName: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const columns = (
  l: string,
) => `${l}.organisation_id AS "organisationId", ${l}.id, ${l}.complaint_id AS "complaintId",
  ${l}.sent_to AS "sentTo", ${l}.sent_to_name AS "sentToName", ${l}.created_by AS "createdBy",
  ${l}.created_at AS "createdAt", ${l}.expires_at AS "expiresAt", ${l}.revoked_at AS "revokedAt",
  ${l}.revoked_by AS "revokedBy"`;

export async function insertPortalLink(
  tx: Queryable,
  link: Omit<PortalLinkRow, "revokedAt" | "revokedBy"> & { tokenHash: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO portal_links (organisation_id, id, complaint_id, token_hash, sent_to, sent_to_name, created_by,
       created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      link.organisationId,
      link.id,
      link.complaintId,
      link.tokenHash,
      link.sentTo,
      link.sentToName,
      link.createdBy,
      link.createdAt,
      link.expiresAt,
    ],
  );
}

/**
 * The link with this token hash in this organisation, expired and revoked ones included (the page says
 * which), with the reference of its complaint. A hash from another organisation finds nothing.
 */
export async function findPortalLink(
  tx: Queryable,
  organisationId: string,
  tokenHash: string,
): Promise<(PortalLinkRow & { reference: string }) | null> {
  const result = await tx.query<PortalLinkRow & { reference: string }>(
    `SELECT ${columns("l")}, c.reference
     FROM portal_links l
     JOIN complaints c ON c.organisation_id = l.organisation_id AND c.id = l.complaint_id
     WHERE l.organisation_id = $1 AND l.token_hash = $2`,
    [organisationId, tokenHash],
  );
  return result.rows[0] ?? null;
}

/** Whether the email carrying something went out: its outbox row's status ("pending", "delivered", "dead"). */
export interface EmailStatus {
  emailStatus: string | null;
  emailDeliveredAt: Date | null;
}

/**
 * A complaint's links, oldest first (revoked and expired ones too: they are part of the record), with whether
 * the email carrying each went out (a link sent with a staff reply has no email of its own).
 */
export async function listPortalLinks(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<(PortalLinkRow & EmailStatus)[]> {
  const result = await tx.query<PortalLinkRow & EmailStatus>(
    `SELECT ${columns("l")}, o.status AS "emailStatus", o.delivered_at AS "emailDeliveredAt"
     FROM portal_links l
     LEFT JOIN outbox o ON o.organisation_id = l.organisation_id AND o.idempotency_key = 'portal-link:' || l.id::text
     WHERE l.organisation_id = $1 AND l.complaint_id = $2
     ORDER BY l.created_at, l.id`,
    [organisationId, complaintId],
  );
  return result.rows;
}

/** Revokes one of a complaint's links; false when it has no such link or it was already revoked. */
export async function revokePortalLink(
  tx: Queryable,
  link: { organisationId: string; complaintId: string; id: string },
  revokedBy: string,
  at: Date,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE portal_links SET revoked_at = $4, revoked_by = $5
     WHERE organisation_id = $1 AND complaint_id = $2 AND id = $3 AND revoked_at IS NULL`,
    [link.organisationId, link.complaintId, link.id, at, revokedBy],
  );
  return (result.rowCount ?? 0) > 0;
}
