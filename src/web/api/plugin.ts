import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Services } from "../../app/services.ts";
import { renderError } from "../errors.ts";
import { authenticate } from "./auth.ts";
import { registerComplaintRoutes } from "./complaint-routes.ts";
import { registerContactRoutes } from "./contact-routes.ts";
import { registerLetterApiRoutes } from "./letter-routes.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";

export interface ApiOptions {
  /** Requests allowed per minute for one token. */
  requestsPerMinute?: number;
}

/**
 * The JSON API for other systems (a housing management system, say), registered under /api/v1. It uses
 * bearer tokens only: no session cookie, no CSRF. Requests are validated with the actions' Zod schemas, and
 * the OpenAPI document is generated from the same schemas, so the two cannot disagree.
 */
export function apiPlugin(services: Services, options: ApiOptions = {}) {
  return async (api: FastifyInstance): Promise<void> => {
    api.setValidatorCompiler(validatorCompiler);
    api.setSerializerCompiler(serializerCompiler);
    api.setErrorHandler((error, request, reply) => renderError(error, request, reply));
    await api.register(fastifySwagger, {
      openapi: OPENAPI_DOCUMENT,
      transform: jsonSchemaTransform,
    });

    api.decorateRequest("apiClient", null);
    api.addHook("onRequest", authenticate(services));
    // A POST with no body is an empty object, so actions without inputs need no body.
    api.addHook("preValidation", async (request) => {
      if (request.method === "POST") request.body ??= {};
    });
    // Per token (the hook runs after authentication, which set apiClient).
    const config = {
      rateLimit: {
        max: options.requestsPerMinute ?? 600,
        timeWindow: "1 minute",
        keyGenerator: (request: { apiClient: { tokenId: string } | null; ip: string }) =>
          request.apiClient ? `token:${request.apiClient.tokenId}` : `ip:${request.ip}`,
      },
    };

    api.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => api.swagger());
    await registerComplaintRoutes(api, services, config);
    await registerContactRoutes(api, services, config);
    await registerLetterApiRoutes(api, services, config);
  };
}
