import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { fontSizes, pdfText, popplerAvailable } from "../../../test/support/pdf-tools.ts";
import { WebClient } from "../../../test/support/web.ts";
import { acknowledgeComplaint } from "../../app/acknowledge-complaint.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { extendDeadline } from "../../app/extend-deadline.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import type { Services } from "../../app/services.ts";
import { aComplaint, lettersOf, NOW, outboxOf } from "../../app/test-builders.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";

describe("the letter page", () => {
  let test: TestDatabase;
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    const roles: UserRole[] = ["handler", "reviewer", "agent", "executive"];
    for (const role of roles) {
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: role,
        role,
        password: PASSWORD,
      });
    }
    await addUser(services, {
      organisationId: "bdht",
      email: "handler@bdht.test",
      name: "B",
      role: "handler",
      password: PASSWORD,
    });
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

  /** A Stage 1 acknowledgement drafted with no handler assigned: it cannot yet say who is handling it. */
  async function draftAcknowledgement() {
    const reference = await aComplaint(services, "bchg", "acknowledged");
    const [letter] = await lettersOf(test.db, reference);
    const handlerIndex = letter!.document.sections.findIndex((s) => s.id === "handler");
    return { reference, url: `/complaints/${reference}/letters/${letter!.id}`, handlerIndex };
  }

  it("shows a draft on the case page as not yet told, and the letter with its checklist", async () => {
    const { reference, url } = await draftAcknowledgement();
    const client = await signedIn("handler@bchg.test");
    const casePage = await client.get(`/complaints/${reference}`);
    expect(casePage.body).toContain(
      "1 letter is drafted but not issued: the resident has not been told yet.",
    );
    expect(casePage.body).toContain(`href="${url}"`);

    const page = await client.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Stage 1 acknowledgement");
    expect(page.body).toContain("Dear Ms R Resident,");
    expect(page.body).toContain("This letter has not been issued: the resident has not been told yet.");
    expect(page.body).toContain("who is handling the complaint");
    expect(page.body).toContain("Missing");
    // BCHG's policy has no list for acknowledgements; the Code's checklist is still there.
    expect(page.body).toContain("What the letter must say");
  });

  it("refuses to issue while something is missing, naming each item at its section; then edits and issues", async () => {
    const { reference, url, handlerIndex } = await draftAcknowledgement();
    const client = await signedIn("handler@bchg.test");
    await client.get(url);
    const refused = await client.post(`${url}/issue`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("There is a problem");
    expect(refused.body).toContain("Add who is handling the complaint (Code 6.2).");
    expect(refused.body).toContain(`href="#sections${handlerIndex}Paragraphs"`);
    expect(await outboxOf(test.db, reference)).toEqual([]);

    const saved = await client.post(`${url}/edit`, {
      [`sections${handlerIndex}Id`]: "handler",
      [`sections${handlerIndex}Paragraphs`]:
        "Ann Example is dealing with your complaint.\n\nYou can call her on 0121 000 0000.",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?done=edit`);
    const edited = await client.get(saved.headers.location as string);
    expect(edited.body).toContain("Your changes to the letter are saved.");
    expect(edited.body).toContain("You can call her on 0121 000 0000.");

    const issued = await client.post(`${url}/issue`, {});
    expect(issued.statusCode).toBe(303);
    const after = await client.get(`${url}?done=issue`);
    expect(after.body).toContain("The letter is issued.");
    expect(after.body).toContain("An issued letter cannot be changed.");
    expect(after.body).not.toContain("Save changes");
    expect((await outboxOf(test.db, reference)).map((m) => m.kind)).toEqual(["letter"]);
    expect((await client.get(`/complaints/${reference}`)).body).toMatch(
      /Issued[\s\S]*Stage 1 acknowledgement/,
    );
  });

  it.runIf(popplerAvailable)(
    "downloads an issued letter as the PDF that was sent, or in large print; never a draft, never through another complaint",
    async () => {
      const { reference, url, handlerIndex } = await draftAcknowledgement();
      const client = await signedIn("executive@bchg.test");
      expect((await client.get(`${url}/pdf`)).statusCode).toBe(404); // a draft is not a letter anyone has had
      const handler = await signedIn("handler@bchg.test");
      await handler.get(url);
      await handler.post(`${url}/edit`, {
        [`sections${handlerIndex}Id`]: "handler",
        [`sections${handlerIndex}Paragraphs`]: "Ann Example is dealing with your complaint.",
      });
      expect((await handler.post(`${url}/issue`, {})).statusCode).toBe(303);

      const pdf = await client.get(`${url}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toContain(
        `filename="${reference}-stage1-acknowledgement.pdf"`,
      );
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain("Dear Ms R Resident,");
      expect(text.indexOf("Ann Example is dealing with your complaint.")).toBeGreaterThan(
        text.indexOf("Dear Ms R Resident,"),
      );
      const large = await client.get(`${url}/pdf?large-print=yes`);
      expect(large.headers["content-disposition"]).toContain("-large-print.pdf");
      expect(Math.min(...fontSizes(large.rawPayload))).toBeGreaterThanOrEqual(16);

      const other = await aComplaint(services, "bchg", "defined");
      const letterId = url.split("/").at(-1);
      expect((await client.get(`/complaints/${other}/letters/${letterId}/pdf`)).statusCode).toBe(404);
      const elsewhere = await signedIn("handler@bdht.test");
      expect((await elsewhere.get(`${url}/pdf`)).statusCode).toBe(404);
    },
  );

  it("says by when an extension notice must reach the resident", async () => {
    const reference = await aComplaint(services, "bchg", "defined");
    await acknowledgeComplaint(
      services,
      { organisationId: "bchg", reference, on: "2026-12-15", stage: 1 },
      "t",
    );
    await extendDeadline(
      services,
      {
        organisationId: "bchg",
        reference,
        on: "2026-12-15",
        stage: 1,
        workingDays: 5,
        reason: "Waiting for a survey",
      },
      "t",
    );
    const letter = (await lettersOf(test.db, reference)).find((l) => l.kind === "extension");
    const client = await signedIn("handler@bchg.test");
    const page = await client.get(`/complaints/${reference}/letters/${letter!.id}`);
    // BCHG: 10 working days from Tuesday 15 December, skipping Christmas Day and the Boxing Day substitute.
    expect(page.body).toContain("The resident must have this notice before Thursday 31 December 2026");
  });

  it("keeps what was typed and shows the problem at its field when the form is not valid", async () => {
    const { url, handlerIndex } = await draftAcknowledgement();
    const client = await signedIn("handler@bchg.test");
    await client.get(url);
    const tooLong = "x".repeat(10_001);
    const response = await client.post(`${url}/edit`, {
      [`sections${handlerIndex}Id`]: "handler",
      [`sections${handlerIndex}Paragraphs`]: tooLong,
      recipientAddressLines: "1 Kept Street",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Each paragraph must be 10000 characters or fewer");
    expect(response.body).toContain(`href="#sections${handlerIndex}Paragraphs"`);
    expect(response.body).toContain(tooLong);
    expect(response.body).toContain("1 Kept Street");
  });

  it("redrafts from the template once a handler is assigned", async () => {
    const { reference, url } = await draftAcknowledgement();
    await assignHandler(
      services,
      { organisationId: "bchg", reference, on: "2026-11-04", stage: 1, handler: "Hana Handler" },
      "t",
    );
    const client = await signedIn("handler@bchg.test");
    await client.get(url);
    expect((await client.post(`${url}/redraft`, {})).statusCode).toBe(303);
    const page = await client.get(url);
    expect(page.body).toContain("Hana Handler is dealing with your complaint.");
    expect(page.body).not.toContain("Missing");
  });

  it("lets only those handling the current stage change it; others read it", async () => {
    const { url } = await draftAcknowledgement();
    for (const role of ["agent", "reviewer"] as const) {
      const client = await signedIn(`${role}@bchg.test`);
      expect((await client.get(url)).body).toContain(
        "Only someone handling the complaint's current stage can change or issue this letter.",
      );
      expect((await client.post(`${url}/issue`, {})).statusCode).toBe(403);
      expect((await client.post(`${url}/redraft`, {})).statusCode).toBe(403);
    }
    const executive = await signedIn("executive@bchg.test");
    expect((await executive.get(url)).statusCode).toBe(200);
  });

  it("is a plain 404 from another organisation, for another complaint's letter, or for an id that is not one", async () => {
    const { reference, url } = await draftAcknowledgement();
    const other = await draftAcknowledgement();
    const outsider = await signedIn("handler@bdht.test");
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.post(`${url}/issue`, {})).statusCode).toBe(404);
    const client = await signedIn("handler@bchg.test");
    const otherId = other.url.split("/").at(-1);
    expect((await client.get(`/complaints/${reference}/letters/${otherId}`)).statusCode).toBe(404);
    expect((await client.get(`/complaints/${reference}/letters/nope`)).statusCode).toBe(404);
    expect((await client.post(`${url}/send-twice`, {})).statusCode).toBe(404);
  });

  it("refuses a form without its CSRF token", async () => {
    const { url } = await draftAcknowledgement();
    const client = await signedIn("handler@bchg.test");
    await client.get(url);
    expect((await client.post(`${url}/issue`, {}, { csrf: "forged" })).statusCode).toBe(403);
  });

  it("shows markup in the record as text", async () => {
    const { reference } = await logComplaint(
      services,
      {
        organisationId: "bchg",
        receivedOn: "2026-11-02",
        channel: "email",
        description: "x",
        resident: { name: "<b>Bold</b> Resident", address: "<script>alert(1)</script> Road" },
        definition: { issues: [{ id: "i", summary: "<i>Leak</i>" }], outcomesSought: ["Fix"] },
      },
      "t",
    );
    await acknowledgeComplaint(
      services,
      { organisationId: "bchg", reference, on: "2026-11-03", stage: 1 },
      "t",
    );
    const [letter] = await lettersOf(test.db, reference);
    const client = await signedIn("handler@bchg.test");
    const page = await client.get(`/complaints/${reference}/letters/${letter!.id}`);
    expect(page.body).toContain("Dear &lt;b&gt;Bold&lt;/b&gt; Resident,");
    expect(page.body).toContain("&lt;i&gt;Leak&lt;/i&gt;");
    expect(page.body).not.toContain("<b>Bold</b>");
    expect(page.body).not.toContain("<script>alert(1)</script>");
  });
});
