import type { FastifyRequest } from "fastify";
import { authenticateApiToken, type ApiClient } from "../../app/authenticate-api-token.ts";
import type { Services } from "../../app/services.ts";
import { can, type Permission } from "../../domain/access/permissions.ts";
import { ForbiddenError } from "../session.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The system calling the API, from its bearer token (null until authenticated). */
    apiClient: ApiClient | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may read without a token (the OpenAPI document). */
    public?: boolean;
  }
}

/** No token, or one that is unknown or revoked: 401 with the Bearer challenge (RFC 6750). */
export class ApiAuthError extends Error {
  readonly statusCode = 401;
  constructor(
    message: string,
    /** The WWW-Authenticate header to send. */
    readonly challenge: string,
  ) {
    super(message);
    this.name = "ApiAuthError";
  }
}

const REALM = 'Bearer realm="redress"';

/** The token in `Authorization: Bearer <token>`, if the header is of that form. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** onRequest: every API request carries a token; the session cookie is never looked at. */
export function authenticate(services: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new ApiAuthError("Send an API token as: Authorization: Bearer <token>.", REALM);
    const client = await authenticateApiToken(services, token);
    if (!client)
      throw new ApiAuthError(
        "The API token is not known or has been revoked.",
        `${REALM}, error="invalid_token"`,
      );
    request.apiClient = client;
  };
}

/** The authenticated client, for handlers (the onRequest hook has run). */
export function clientOf(request: FastifyRequest): ApiClient {
  if (!request.apiClient) throw new Error("authenticate must run first");
  return request.apiClient;
}

/** Role checks exactly as for staff: the token's role must grant the permission. */
export function requireApiPermission(request: FastifyRequest, permission: Permission): void {
  if (!can(clientOf(request).role, permission)) throw new ForbiddenError();
}
