import { revokeApiToken } from "../store/api-tokens.ts";
import type { Services } from "./services.ts";

export class UnknownApiTokenError extends Error {
  readonly code = "UNKNOWN_API_TOKEN";
  constructor(readonly tokenId: string) {
    super(`There is no active API token ${tokenId} in this organisation.`);
    this.name = "UnknownApiTokenError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes a token at once: the next request with it is refused. The row stays, for the record. */
export async function revokeApiTokenOf(
  services: Services,
  organisationId: string,
  tokenId: string,
): Promise<void> {
  const revoked =
    UUID.test(tokenId) && (await revokeApiToken(services.db, organisationId, tokenId, services.clock()));
  if (!revoked) throw new UnknownApiTokenError(tokenId);
}
