import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { UserRole } from "../domain/access/roles.ts";
import { insertApiToken } from "../store/api-tokens.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** Tokens start with this, so a leaked one is easy to recognise (and to scan for in code and logs). */
export const API_TOKEN_PREFIX = "redress_";

/** The stored form of a token: SHA-256, hex. A 256-bit random secret needs no slow, salted hash. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface CreateApiTokenInput {
  organisationId: string;
  role: UserRole;
  /** Who uses it; recorded on events as `api:<name>`. The token's id when not given. */
  name?: string;
}

/**
 * Creates a token for a system using the API on behalf of an organisation, with one staff role. The token
 * is returned once; only its hash is kept, so a lost token is revoked and replaced, never recovered.
 */
export async function createApiToken(
  services: Services,
  input: CreateApiTokenInput,
): Promise<{ id: string; name: string; token: string }> {
  const id = randomUUID();
  const name = input.name?.trim() || id;
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  await services.db.transaction(async (tx) => {
    await requireOrganisation(tx, input.organisationId);
    await insertApiToken(tx, {
      organisationId: input.organisationId,
      id,
      name,
      role: input.role,
      tokenHash: hashApiToken(token),
      createdAt: services.clock(),
    });
  });
  return { id, name, token };
}
