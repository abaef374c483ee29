import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { logComplaint, type LogComplaintInput } from "../../app/log-complaint.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";

describe("search page", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let leak: string;
  let boiler: string;
  let theirs: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const [organisationId, email] of [
      ["bchg", "executive@bchg.test"],
      ["bdht", "handler@bdht.test"],
    ] as const) {
      await addUser(services, {
        organisationId,
        email,
        name: email,
        role: email.startsWith("executive") ? "executive" : "handler",
        password: PASSWORD,
      });
    }
    const log = async (organisationId: string, fields: Partial<LogComplaintInput>) =>
      (
        await logComplaint(
          services,
          {
            organisationId,
            receivedOn: "2026-11-02",
            channel: "phone",
            description: "Something went wrong",
            resident: { name: "Someone Else" },
            ...fields,
          },
          "agent@test",
        )
      ).reference;
    leak = await log("bchg", {
      description: "Water leaks through the ceiling <script>alert('x')</script> every time it rains",
      resident: { name: "Ada Lovelace", postcode: "B66 1AA", address: "12 Acacia Avenue" },
    });
    boiler = await log("bchg", {
      description: "No heating",
      definition: { issues: [{ id: "1", summary: "Boiler not repaired" }], outcomesSought: ["Repair it"] },
    });
    theirs = await log("bdht", {
      description: "A ceiling leak at another landlord",
      resident: { name: "Ada Other", postcode: "B66 1AA" },
    });
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (email = "executive@bchg.test") => {
    const client = new WebClient(app);
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(303);
    return client;
  };
  const search = async (q: string, client?: WebClient) =>
    (client ?? (await signedIn())).get(`/search?q=${encodeURIComponent(q)}`);

  it("explains what can be searched when nothing is asked, and needs a signed-in user", async () => {
    const page = await search("");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Type what you know about the complaint");
    expect((await new WebClient(app).get("/search?q=leak")).headers.location).toMatch(/^\/sign-in/);
  });

  it("finds a complaint by its reference, exact or its start", async () => {
    const exact = await search(leak.toLowerCase());
    expect(exact.body).toContain(`href="/complaints/${leak}"`);
    expect(exact.body).not.toContain(`href="/complaints/${boiler}"`);
    const start = await search(leak.slice(0, -2));
    expect(start.body).toContain(`href="/complaints/${leak}"`);
    expect(start.body).toContain(`href="/complaints/${boiler}"`);
  });

  it("finds by the resident's name, address and postcode", async () => {
    for (const q of ["Lovelace", "ada", "acacia", "B66 1AA", "b661aa"]) {
      const page = await search(q);
      expect(page.body, q).toContain(`href="/complaints/${leak}"`);
      expect(page.body, q).toContain("Ada Lovelace");
      expect(page.body, q).not.toContain(`href="/complaints/${boiler}"`);
    }
  });

  it("finds words in the complaint and its definition, stemmed, and highlights them", async () => {
    const page = await search("leaking");
    expect(page.body).toContain(`href="/complaints/${leak}"`);
    expect(page.body).toContain("<mark>leaks</mark>");
    expect(page.body).toContain("Stage 1: awaiting acknowledgement");
    expect(page.body).toContain("Next deadline: Stage 1 acknowledgement, Monday 9 November 2026");
    const definition = await search("boilers");
    expect(definition.body).toContain(`href="/complaints/${boiler}"`);
    expect(definition.body).toContain("<mark>Boiler</mark>");
  });

  it("shows the resident's text escaped: only its own <mark> tags are HTML", async () => {
    const page = await search("ceiling");
    expect(page.body).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).toContain("<mark>ceiling</mark>");
  });

  it("never finds another organisation's complaint", async () => {
    for (const q of [theirs, "another landlord", "Ada Other"]) {
      const page = await search(q);
      expect(page.body, q).not.toContain(`href="/complaints/${theirs}"`);
      expect(page.body, q).not.toContain("A ceiling leak at another landlord");
    }
    expect((await search("another landlord")).body).toContain("No complaints found");
    const other = await search("ceiling", await signedIn("handler@bdht.test"));
    expect(other.body).toContain(`href="/complaints/${theirs}"`);
    expect(other.body).not.toContain(leak);
  });

  it("puts a search box on the caseload", async () => {
    const client = await signedIn();
    const caseload = await client.get("/caseload");
    expect(caseload.body).toContain('action="/search"');
    expect(caseload.body).toContain('name="q"');
  });
});
