import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createApiToken } from "../../src/app/create-api-token.ts";
import { revokeApiTokenOf } from "../../src/app/revoke-api-token.ts";
import type { UserRole } from "../../src/domain/access/roles.ts";
import { buildApp, type WebOptions } from "../../src/web/app.ts";
import { openTestDatabase, type TestDatabase } from "./databases.ts";
import { anOrganisation, testServices } from "./services.ts";

/** One token per role for "bchg", a token for "bdht" (another landlord), and a revoked token. */
export interface ApiWorld {
  test: TestDatabase;
  services: ReturnType<typeof testServices>;
  app: FastifyInstance;
  tokens: Record<UserRole, string> & { otherOrganisation: string; revoked: string };
  close(): Promise<void>;
}

const ROLES: UserRole[] = ["agent", "handler", "reviewer", "complaints-team", "executive", "admin"];

export async function anApiWorld(now: string, options: WebOptions = {}): Promise<ApiWorld> {
  const test = await openTestDatabase("pglite");
  const services = testServices(test.db, now);
  await anOrganisation(services, "bchg");
  await anOrganisation(services, "bdht");
  const tokens = {} as ApiWorld["tokens"];
  for (const role of ROLES) {
    tokens[role] = (
      await createApiToken(services, { organisationId: "bchg", role, name: `hms-${role}` })
    ).token;
  }
  tokens.otherOrganisation = (
    await createApiToken(services, { organisationId: "bdht", role: "admin" })
  ).token;
  const revoked = await createApiToken(services, { organisationId: "bchg", role: "admin", name: "old" });
  await revokeApiTokenOf(services, "bchg", revoked.id);
  tokens.revoked = revoked.token;
  const app = await buildApp(services, options);
  return {
    test,
    services,
    app,
    tokens,
    async close() {
      await app.close();
      await test.drop();
    },
  };
}

export interface ApiCall {
  token?: string;
  /** A JSON body (sent as JSON, whatever its type); leave out for none. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request to the API, in-process, with a bearer token and a JSON body. */
export async function call(
  app: FastifyInstance,
  method: "GET" | "POST",
  url: string,
  { token, body, headers = {} }: ApiCall = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}
