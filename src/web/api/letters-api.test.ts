import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anApiWorld, call, type ApiWorld } from "../../../test/support/api.ts";
import { aComplaint, lettersOf, NOW, outboxOf } from "../../app/test-builders.ts";

describe("the letters API", () => {
  let world: ApiWorld;
  beforeAll(async () => {
    world = await anApiWorld(NOW);
  });
  afterAll(() => world.close());

  /** A Stage 1 acknowledgement drafted with no handler: it cannot yet say who is handling the complaint. */
  async function aDraft() {
    const reference = await aComplaint(world.services, "bchg", "acknowledged");
    const [letter] = await lettersOf(world.test.db, reference);
    const base = `/api/v1/complaints/${reference}/letters`;
    return { reference, base, url: `${base}/${letter!.id}`, id: letter!.id };
  }

  it("lists a complaint's letters and gets one with its document, checklist and what is missing", async () => {
    const { reference, base, url, id } = await aDraft();
    const list = await call(world.app, "GET", base, { token: world.tokens.executive });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      items: [
        expect.objectContaining({
          id,
          reference,
          kind: "stage1-acknowledgement",
          stage: 1,
          status: "draft",
          title: `Complaint ${reference}: Stage 1 acknowledgement`,
          template: { origin: "bundled", version: 1 },
          issuedAt: null,
          format: null,
        }),
      ],
    });
    const one = await call(world.app, "GET", url, { token: world.tokens.executive });
    expect(one.statusCode).toBe(200);
    const body = one.json();
    expect(body.document.salutation).toBe("Dear Ms R Resident,");
    expect(body.missing).toEqual([
      {
        sectionId: "handler",
        name: "who is handling the complaint",
        code: "6.2",
        level: "required",
        met: false,
      },
    ]);
    expect(body.checklist.length).toBeGreaterThan(5);
  });

  it("refuses to issue, naming what is missing (422 with a stable code); edits; then issues once", async () => {
    const { reference, url } = await aDraft();
    const refused = await call(world.app, "POST", `${url}/issue`, { token: world.tokens.handler });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "LETTER_INCOMPLETE",
      field: "handler",
      message: expect.stringContaining("It must also say: who is handling the complaint."),
    });

    const edited = await call(world.app, "POST", `${url}/edit`, {
      token: world.tokens.handler,
      body: { sections: [{ id: "handler", paragraphs: ["Ann Example is dealing with your complaint."] }] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ missing: [], editedBy: "api:hms-handler" });

    const issued = await call(world.app, "POST", `${url}/issue`, { token: world.tokens.handler });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: "issued", format: "email", issuedBy: "api:hms-handler" });
    expect(issued.json().recipient).toEqual({
      name: "Ms R Resident",
      email: "resident@example.org",
      addressLines: [],
    });
    const again = await call(world.app, "POST", `${url}/issue`, { token: world.tokens.handler });
    expect(again.json().error.code).toBe("LETTER_ALREADY_ISSUED");
    expect(await outboxOf(world.test.db, reference)).toHaveLength(1);
  });

  it("redrafts on request, with no body", async () => {
    const { url } = await aDraft();
    const response = await call(world.app, "POST", `${url}/redraft`, { token: world.tokens.handler });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("draft");
  });

  it("validates an edit with the action's schema (400 with each field), and refuses a section the letter lacks (422)", async () => {
    const { url } = await aDraft();
    const invalid = await call(world.app, "POST", `${url}/edit`, {
      token: world.tokens.handler,
      body: { sections: [{ id: "handler", paragraphs: "not a list" }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(Object.keys(invalid.json().error.fields)).toEqual(["sections.0.paragraphs"]);
    const unknown = await call(world.app, "POST", `${url}/edit`, {
      token: world.tokens.handler,
      body: { sections: [{ id: "postscript", paragraphs: ["P.S."] }] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe("UNKNOWN_LETTER_SECTION");
  });

  it("403 for a role that does not handle the current stage; 404 for another organisation or no such letter", async () => {
    const { base, url } = await aDraft();
    for (const role of ["agent", "reviewer", "executive"] as const) {
      expect((await call(world.app, "POST", `${url}/issue`, { token: world.tokens[role] })).statusCode).toBe(
        403,
      );
    }
    const other = { token: world.tokens.otherOrganisation };
    expect((await call(world.app, "GET", url, other)).statusCode).toBe(404);
    expect((await call(world.app, "GET", base, other)).statusCode).toBe(404);
    expect((await call(world.app, "POST", `${url}/issue`, other)).statusCode).toBe(404);
    const missing = await call(world.app, "GET", `${base}/00000000-0000-4000-8000-000000000000`, {
      token: world.tokens.handler,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
  });
});
