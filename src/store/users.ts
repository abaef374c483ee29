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
}

/** An organisation's staff accounts, by name. */
export async function listUsers(tx: Queryable, organisationId: string): Promise<UserSummary[]> {
  const result = await tx.query<UserSummary>(
    "SELECT id, email, name, role FROM users WHERE organisation_id = $1 ORDER BY name, email",
    [organisationId],
  );
  return result.rows;
}
