import type { UserRole } from "../domain/access/roles.ts";
import { findActiveApiToken, touchApiToken } from "../store/api-tokens.ts";
import { hashApiToken } from "./create-api-token.ts";
import type { Actor, Services } from "./services.ts";

/** Who is calling the API: the organisation and role of the token, and the actor its changes are recorded by. */
export interface ApiClient {
  tokenId: string;
  organisationId: string;
  role: UserRole;
  actor: Actor;
}

/** The client a token belongs to, or null when it is unknown or revoked. */
export async function authenticateApiToken(services: Services, token: string): Promise<ApiClient | null> {
  const row = await findActiveApiToken(services.db, hashApiToken(token));
  if (!row) return null;
  await touchApiToken(services.db, row.organisationId, row.id, services.clock());
  return { tokenId: row.id, organisationId: row.organisationId, role: row.role, actor: `api:${row.name}` };
}
