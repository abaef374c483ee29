import { revokeApiToken } from "../store/api-tokens.ts";
import { isUuid } from "./ids.ts";
import type { Services } from "./services.ts";

export class UnknownApiTokenError extends Error {
  readonly code = "UNKNOWN_API_TOKEN";
  constructor(readonly tokenId: string) {
    super(`There is no active API token ${tokenId} in this organisation.`);
    this.name = "UnknownApiTokenError";
  }
}

/** Revokes a token at once: the next request with it is refused. The row stays, for the record. */
export async function revokeApiTokenOf(
  services: Services,
  organisationId: string,
  tokenId: string,
): Promise<void> {
  const revoked =
    isUuid(tokenId) && (await revokeApiToken(services.db, organisationId, tokenId, services.clock()));
  if (!revoked) throw new UnknownApiTokenError(tokenId);
}
