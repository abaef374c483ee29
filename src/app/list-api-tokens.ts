import { listApiTokens, type ApiTokenRow } from "../store/api-tokens.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** An organisation's API tokens (never their secrets), revoked ones included. */
export async function listApiTokensOf(services: Services, organisationId: string): Promise<ApiTokenRow[]> {
  await requireOrganisation(services.db, organisationId);
  return listApiTokens(services.db, organisationId);
}
