import type { Queryable } from "./database.ts";
import type { StoredUser } from "./sessions.ts";

/** An organisation account (OpenID Connect): the provider's issuer and its stable subject for the person. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
}

/** The staff account an identity is linked to, if any (an identity links to one account across organisations). */
export async function findUserByIdentity(
  tx: Queryable,
  identity: ExternalIdentity,
): Promise<StoredUser | null> {
  const result = await tx.query<StoredUser>(
    `SELECT u.organisation_id AS "organisationId", u.id, u.email, u.name, u.role, u.password_hash AS "passwordHash"
     FROM user_identities i JOIN users u ON u.organisation_id = i.organisation_id AND u.id = i.user_id
     WHERE i.issuer = $1 AND i.subject = $2`,
    [identity.issuer, identity.subject],
  );
  return result.rows[0] ?? null;
}

/** Whether an account already has an identity from this provider (a different one, if this one is unlinked). */
export async function hasIdentityFrom(
  tx: Queryable,
  user: { organisationId: string; id: string },
  issuer: string,
): Promise<boolean> {
  const result = await tx.query(
    "SELECT 1 FROM user_identities WHERE organisation_id = $1 AND user_id = $2 AND issuer = $3",
    [user.organisationId, user.id, issuer],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function linkIdentity(
  tx: Queryable,
  user: { organisationId: string; id: string },
  identity: ExternalIdentity & { email: string },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO user_identities (organisation_id, user_id, issuer, subject, linked_email, linked_at, last_signed_in_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [user.organisationId, user.id, identity.issuer, identity.subject, identity.email, at],
  );
}

export async function recordIdentitySignIn(
  tx: Queryable,
  identity: ExternalIdentity,
  at: Date,
): Promise<void> {
  await tx.query("UPDATE user_identities SET last_signed_in_at = $3 WHERE issuer = $1 AND subject = $2", [
    identity.issuer,
    identity.subject,
    at,
  ]);
}
