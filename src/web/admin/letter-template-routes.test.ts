import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import type { Services } from "../../app/services.ts";
import { aComplaint, lettersOf, NOW } from "../../app/test-builders.ts";
import { DEFAULT_TEMPLATES } from "../../domain/letters/default-templates.ts";
import { templateField } from "../actions/letter-template-actions.ts";
import { buildApp } from "../app.ts";
import { templateFormValues } from "./letter-template-routes.ts";

const PASSWORD = "correct horse battery";

describe("letter templates administration", () => {
  let test: TestDatabase;
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const [org, role] of [
      ["bchg", "admin"],
      ["bchg", "handler"],
      ["bdht", "admin"],
    ] as const) {
      await addUser(services, {
        organisationId: org,
        email: `${role}@${org}.test`,
        name: role,
        role,
        password: PASSWORD,
      });
    }
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (email: string) => {
    const client = new WebClient(app);
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(303);
    return client;
  };

  /** The form as the page fills it with the standard wording, as strings. */
  const form = (kind: keyof typeof DEFAULT_TEMPLATES) =>
    Object.fromEntries(
      Object.entries(templateFormValues(DEFAULT_TEMPLATES[kind], kind)).map(([k, v]) => [k, String(v)]),
    );

  it("lists every kind with the wording in use, and shows a kind's wording and placeholders", async () => {
    const admin = await signedIn("admin@bchg.test");
    const list = await admin.get("/admin/letters");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Stage 2 final response");
    expect(list.body).toContain("Redress's standard wording, version 1");
    const page = await admin.get("/admin/letters/extension");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("{{ombudsman-contact}}");
    expect(page.body).toContain("The Housing Ombudsman&#39;s contact details, from the policy pack");
    expect(page.body).toContain("We are sorry, but we need more time");
  });

  it("saves each change as a new version and keeps the old ones", async () => {
    const admin = await signedIn("admin@bchg.test");
    await admin.get("/admin/letters/refusal");
    const fields = form("refusal");
    fields[templateField("sections", "intro", "paragraphs")] =
      "Thank you for writing to us.\n\nWe have looked at it.";
    const first = await admin.post("/admin/letters/refusal", fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/admin/letters/refusal?saved=1");
    const second = await admin.post("/admin/letters/refusal", fields);
    expect(second.headers.location).toBe("/admin/letters/refusal?saved=2");
    const page = await admin.get("/admin/letters/refusal?saved=2");
    expect(page.body).toContain("Saved as version 2.");
    expect(page.body).toContain("In use: your own wording, version 2.");
    expect(page.body).toMatch(/Version 2, saved[\s\S]*Version 1, saved/);
    const rows = await test.db.query(
      "SELECT version, content->'sections'->'intro'->'paragraphs' AS p FROM letter_templates WHERE organisation_id = 'bchg' AND kind = 'refusal' ORDER BY version",
    );
    expect(rows.rows).toEqual([
      { version: 1, p: ["Thank you for writing to us.", "We have looked at it."] },
      { version: 2, p: ["Thank you for writing to us.", "We have looked at it."] },
    ]);
    // Another organisation still has the standard wording.
    const other = await signedIn("admin@bdht.test");
    expect((await other.get("/admin/letters/refusal")).body).toContain("In use: Redress's standard wording");
  });

  it("refuses an unknown placeholder and an emptied required section, in words at each field, keeping what was typed", async () => {
    const admin = await signedIn("admin@bchg.test");
    await admin.get("/admin/letters/extension");
    const fields = form("extension");
    const reasons = templateField("sections", "reasons", "paragraphs");
    const ombudsman = templateField("sections", "ombudsman", "paragraphs");
    fields[reasons] = "We need more time because {{extension-reasons}}.";
    fields[ombudsman] = "";
    const response = await admin.post("/admin/letters/extension", fields);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      "“{{extension-reasons}}” in the section “Why we need more time” is not a placeholder Redress knows",
    );
    expect(response.body).toContain(`href="#${reasons}"`);
    expect(response.body).toContain("must say the Housing Ombudsman&#39;s contact details");
    expect(response.body).toContain(`href="#${ombudsman}"`);
    expect(response.body).toContain("We need more time because {{extension-reasons}}.");
    const saved = await test.db.query("SELECT 1 FROM letter_templates WHERE kind = 'extension'");
    expect(saved.rowCount).toBe(0);
  });

  it("uses the organisation's address and template for new drafts", async () => {
    const admin = await signedIn("admin@bchg.test");
    await admin.get("/admin/letters");
    expect(
      (await admin.post("/admin/letters/address", { lines: "1 High Street\n\nSmethwick\nB66 1AA" }))
        .statusCode,
    ).toBe(303);
    expect((await admin.get("/admin/letters?saved=address")).body).toContain(
      "1 High Street\nSmethwick\nB66 1AA",
    );
    const reference = await aComplaint(services, "bchg", "acknowledged");
    const [letter] = await lettersOf(test.db, reference);
    expect(letter?.document.landlord.addressLines).toEqual(["1 High Street", "Smethwick", "B66 1AA"]);
  });

  it("is for administrators of their own organisation only, and knows only the kinds of letter", async () => {
    const handler = await signedIn("handler@bchg.test");
    expect((await handler.get("/admin/letters")).statusCode).toBe(403);
    expect((await handler.get("/admin/letters/refusal")).statusCode).toBe(403);
    const admin = await signedIn("admin@bchg.test");
    expect((await admin.get("/admin/letters/postcard")).statusCode).toBe(404);
    await admin.get("/admin/letters");
    expect((await admin.post("/admin/letters/refusal", form("refusal"), { csrf: "forged" })).statusCode).toBe(
      403,
    );
  });
});
