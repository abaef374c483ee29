import type { Queryable } from "./database.ts";
import type { UserRole } from "./users.ts";

export interface SessionUser {
  sessionId: string;
  organisationId: string;
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  expiresAt: Date;
}

export interface StoredUser {
  organisationId: string;
  id: string;
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string | null;
}

/** Every account with this email (an email may be used in more than one organisation). */
export async function findUsersByEmail(tx: Queryable, email: string): Promise<StoredUser[]> {
  const result = await tx.query<StoredUser>(
    `SELECT organisation_id AS "organisationId", id, email, name, role, password_hash AS "passwordHash"
     FROM users WHERE email = $1 ORDER BY organisation_id`,
    [email.toLowerCase()],
  );
  return result.rows;
}

export async function insertSession(
  tx: Queryable,
  session: { id: string; organisationId: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    "INSERT INTO sessions (id, organisation_id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    [session.id, session.organisationId, session.userId, session.createdAt, session.expiresAt],
  );
}

/** The signed-in user of a session that has not expired at `now`, or null. */
export async function findSessionUser(
  tx: Queryable,
  sessionId: string,
  now: Date,
): Promise<SessionUser | null> {
  const result = await tx.query<SessionUser>(
    `SELECT s.id AS "sessionId", s.organisation_id AS "organisationId", s.user_id AS "userId", u.email, u.name, u.role,
       s.expires_at AS "expiresAt"
     FROM sessions s JOIN users u ON u.organisation_id = s.organisation_id AND u.id = s.user_id
     WHERE s.id = $1 AND s.expires_at > $2`,
    [sessionId, now],
  );
  return result.rows[0] ?? null;
}

/** Slides an active session's expiry forward. */
export async function extendSession(tx: Queryable, sessionId: string, expiresAt: Date): Promise<void> {
  await tx.query("UPDATE sessions SET expires_at = $2 WHERE id = $1", [sessionId, expiresAt]);
}

export async function deleteSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query("DELETE FROM sessions WHERE id = $1", [sessionId]);
}
