import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The OpenAPI document's fixed parts; the paths and schemas are generated from the routes' Zod schemas. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Redress API",
    version,
    description:
      "Complaints and contacts for other systems, e.g. a housing management system. Every request needs an API token " +
      "(`redress token create --org <id> --role <role>`), sent as `Authorization: Bearer <token>`; the token acts " +
      "for one organisation with one staff role. Dates are London calendar dates (YYYY-MM-DD). Errors are " +
      '`{ "error": { "status", "code", "message", "field"?, "fields"? } }`.',
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http" as const,
        scheme: "bearer",
        description: "An API token from `redress token create`",
      },
    },
  },
  security: [{ bearerAuth: [] }],
  tags: [
    { name: "complaints", description: "Complaints, their clocks, and every action on them" },
    {
      name: "letters",
      description:
        "A complaint's letters: drafted when the complaint is acknowledged, extended, answered, refused or closed; edited; issued once complete",
    },
    {
      name: "contacts",
      description: "Contacts: service requests, feedback, compliments, complaints before logging",
    },
  ],
};
