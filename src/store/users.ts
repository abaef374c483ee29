import type { Queryable } from "./database.ts";

import type { UserRole } from "../domain/access/roles.ts";

export { USER_ROLES, type UserRole } from "../domain/access/roles.ts";

export class DuplicateUserError extends Error {
  readonly code = "DUPLICATE_USER";
  constructor(email: string) {
    super(`There is already a user with the email ${email} in this organisation.`);
    this.name = "DuplicateUserError";
  }
}

export async function insertUser(
  tx: Queryable,
  user: {
    organisationId: string;
    id: string;
    email: string;
    name: string;
    role: UserRole;
    passwordHash: string | null;
  },
): Promise<void> {
  try {
    await tx.query(
      "INSERT INTO users (organisation_id, id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)",
      [user.organisationId, user.id, user.email, user.name, user.role, user.passwordHash],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new DuplicateUserError(user.email);
    throw error;
  }
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Whether the account has a password (every account added by an administrator starts with one). */
  hasPassword: boolean;
  /** When an organisation account (OpenID Connect) was first linked to it, if one has been. */
  organisationAccountLinkedAt: Date | null;
}

const SELECT_USER = `SELECT u.id, u.email, u.name, u.role, u.password_hash IS NOT NULL AS "hasPassword",
    (SELECT min(i.linked_at) FROM user_identities i WHERE i.organisation_id = u.organisation_id AND i.user_id = u.id)
      AS "organisationAccountLinkedAt"
  FROM users u`;

/** An organisation's staff accounts, by name, with how each signs in. */
export async function listUsers(tx: Queryable, organisationId: string): Promise<UserSummary[]> {
  const result = await tx.query<UserSummary>(
    `${SELECT_USER} WHERE u.organisation_id = $1 ORDER BY u.name, u.email`,
    [organisationId],
  );
  return result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user of an organisation; null for an id that is not one of its users (or not an id at all). */
export async function findUser(
  tx: Queryable,
  organisationId: string,
  userId: string,
): Promise<UserSummary | null> {
  if (!UUID.test(userId)) return null;
  const result = await tx.query<UserSummary>(`${SELECT_USER} WHERE u.organisation_id = $1 AND u.id = $2`, [
    organisationId,
    userId,
  ]);
  return result.rows[0] ?? null;
}

/**
 * Every user's id and role in an organisation, locked until the transaction ends: two administrators
 * changing roles or removing users at once are taken one after the other, so between them they can never
 * remove the last administrator.
 */
export async function lockStaffRoles(
  tx: Queryable,
  organisationId: string,
): Promise<{ id: string; role: UserRole }[]> {
  const result = await tx.query<{ id: string; role: UserRole }>(
    "SELECT id, role FROM users WHERE organisation_id = $1 ORDER BY id FOR UPDATE",
    [organisationId],
  );
  return result.rows;
}

export async function updateUserRole(
  tx: Queryable,
  organisationId: string,
  userId: string,
  role: UserRole,
): Promise<void> {
  await tx.query("UPDATE users SET role = $3 WHERE organisation_id = $1 AND id = $2", [
    organisationId,
    userId,
    role,
  ]);
}

/**
 * Deletes a staff account. Its sessions and linked organisation accounts go with it (ON DELETE CASCADE), so
 * a removed user is signed out at once. Complaint history names handlers in its events, never by user id,
 * so it is untouched.
 */
export async function deleteUser(tx: Queryable, organisationId: string, userId: string): Promise<void> {
  await tx.query("DELETE FROM users WHERE organisation_id = $1 AND id = $2", [organisationId, userId]);
}
