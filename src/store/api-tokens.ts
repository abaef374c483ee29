import type { UserRole } from "../domain/access/roles.ts";
import type { Queryable } from "./database.ts";

/** An API token as listed: never its secret, which is not kept. */
export interface ApiTokenRow {
  organisationId: string;
  id: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `organisation_id AS "organisationId", id, name, role, created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export async function insertApiToken(
  tx: Queryable,
  token: {
    organisationId: string;
    id: string;
    name: string;
    role: UserRole;
    tokenHash: string;
    createdAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO api_tokens (organisation_id, id, name, role, token_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [token.organisationId, token.id, token.name, token.role, token.tokenHash, token.createdAt],
  );
}

/** The token with this hash, if it has not been revoked. */
export async function findActiveApiToken(tx: Queryable, tokenHash: string): Promise<ApiTokenRow | null> {
  const result = await tx.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return result.rows[0] ?? null;
}

/** Notes when a token was used, at most once a minute, so busy systems do not write on every request. */
export async function touchApiToken(
  tx: Queryable,
  organisationId: string,
  id: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE api_tokens SET last_used_at = $3
     WHERE organisation_id = $1 AND id = $2
       AND (last_used_at IS NULL OR last_used_at < $3::timestamptz - interval '1 minute')`,
    [organisationId, id, now],
  );
}

/** An organisation's tokens, newest first, revoked ones included (they are part of the record). */
export async function listApiTokens(tx: Queryable, organisationId: string): Promise<ApiTokenRow[]> {
  const result = await tx.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE organisation_id = $1 ORDER BY created_at DESC, id`,
    [organisationId],
  );
  return result.rows;
}

/** Revokes a token; false when the organisation has no such token or it was already revoked. */
export async function revokeApiToken(
  tx: Queryable,
  organisationId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE api_tokens SET revoked_at = $3 WHERE organisation_id = $1 AND id = $2 AND revoked_at IS NULL`,
    [organisationId, id, now],
  );
  return result.rowCount === 1;
}
