import { validate } from "@readme/openapi-parser";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anApiWorld, call, type ApiWorld } from "../../../test/support/api.ts";
import type { Action } from "../actions/action.ts";
import { CONTACT_ACTIONS, LOG_CONTACT } from "../actions/contact-actions.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";
import { LETTER_ACTIONS } from "../actions/letter-actions.ts";
import { LOG_COMPLAINT } from "../actions/log-complaint-action.ts";

interface Operation {
  summary?: string;
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
  security: unknown[];
};

/** The JSON Schema of an action's input as a request would send it (zod's own conversion). */
function inputSchemaOf(action: Action<never, never>) {
  const { $schema: _draft, ...schema } = z.toJSONSchema(action.input, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  });
  return schema;
}

describe("the OpenAPI document", () => {
  let world: ApiWorld;
  let doc: Document;

  beforeAll(async () => {
    world = await anApiWorld("2026-12-15T10:00:00Z");
    const response = await call(world.app, "GET", "/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(() => world.close());

  it("is a valid OpenAPI 3 document", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
  });

  it("documents every complaint action, with the body schema the API validates requests with", () => {
    for (const [name, action] of Object.entries(COMPLAINT_ACTIONS)) {
      const operation = doc.paths[`/api/v1/complaints/{reference}/${name}`]?.post;
      expect(operation, name).toBeDefined();
      expect(operation?.summary).toBe(action.summary);
      expect(operation?.requestBody?.content["application/json"].schema, name).toEqual(
        inputSchemaOf(action as Action<never, never>),
      );
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(["200", "400", "401", "403", "404", "409", "422"]),
      );
    }
  });

  it("documents every contact action, and logging, listing and getting complaints and contacts", () => {
    for (const [name, action] of Object.entries(CONTACT_ACTIONS)) {
      const operation = doc.paths[`/api/v1/contacts/{id}/${name}`]?.post;
      expect(operation?.requestBody?.content["application/json"].schema, name).toEqual(
        inputSchemaOf(action as Action<never, never>),
      );
    }
    const complaints = doc.paths["/api/v1/complaints"];
    expect(complaints?.post?.requestBody?.content["application/json"].schema).toEqual(
      inputSchemaOf(LOG_COMPLAINT as Action<never, never>),
    );
    expect(Object.keys(complaints?.post?.responses ?? {})).toContain("201");
    expect(complaints?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "status",
        "stage",
        "category",
        "receivedFrom",
        "receivedTo",
        "handler",
        "limit",
        "offset",
      ]),
    );
    expect(doc.paths["/api/v1/complaints/{reference}"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/contacts"]?.post?.requestBody?.content["application/json"].schema).toEqual(
      inputSchemaOf(LOG_CONTACT as Action<never, never>),
    );
    expect(doc.paths["/api/v1/contacts"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/contacts/{id}"]?.get).toBeDefined();
    expect(Object.keys(doc.paths)).not.toContain("/api/v1/openapi.json");
  });

  it("documents a complaint's letters and every letter action, with the body schema requests are validated with", () => {
    expect(doc.paths["/api/v1/complaints/{reference}/letters"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/complaints/{reference}/letters/{id}"]?.get).toBeDefined();
    for (const [name, action] of Object.entries(LETTER_ACTIONS)) {
      const operation = doc.paths[`/api/v1/complaints/{reference}/letters/{id}/${name}`]?.post;
      expect(operation?.summary, name).toBe(action.summary);
      expect(operation?.requestBody?.content["application/json"].schema, name).toEqual(
        inputSchemaOf(action as Action<never, never>),
      );
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(["200", "400", "401", "403", "404", "422"]),
      );
    }
  });

  it("declares bearer tokens for every operation", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });
});
