import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { foldComplaint } from "../../domain/complaint/state.ts";
import { loadComplaintEvents } from "../../store/complaint-events.ts";
import { findComplaintIdentity } from "../../store/complaints.ts";
import { buildApp } from "../app.ts";

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
// A zip archive (the start of one is enough for its type to be read from its bytes).
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.alloc(64, 1)]);
const photo = { field: "files", name: "mould on the wall.png", content: PNG, type: "image/png" };

/** A complete complaint from the resident themselves. */
const RESIDENT = {
  hazardRisks: "none",
  raisedBy: "resident",
  residentName: "Ruth Example",
  residentEmail: "ruth@example.org",
  residentPhone: "07700 900123",
  residentAddress: "1 High Street, Smethwick",
  residentPostcode: "B66 1AA",
  category: "repairs",
  whatHappened: "The boiler has been broken since September.",
  "issueOn-day": "14",
  "issueOn-month": "9",
  "issueOn-year": "2026",
  outcomeWanted: "Fix the boiler",
  residentNoPhoneCalls: "yes",
  residentLetters: "large-print",
  residentLanguage: "Polish",
  residentAdjustments: "Call before visiting",
};

describe("making a complaint on the portal", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let services: ReturnType<typeof testServices>;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    // Monday 2 November 2026, 10:00.
    services = testServices(test.db, "2026-11-02T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    app = await buildApp(services, { publicUrl: "https://complaints.example.org" });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const complain = async (fields: Record<string, string | string[]>, files: (typeof photo)[] = []) => {
    const client = new WebClient(app);
    await client.get("/o/bchg/complain");
    return { client, response: await client.postForm("/o/bchg/complain", fields, files) };
  };
  const complaintCount = async () =>
    Number((await test.db.query("SELECT count(*) AS n FROM complaints")).rows[0]?.n);
  const stateOf = async (reference: string) => {
    const identity = await findComplaintIdentity(test.db, "bchg", reference);
    if (!identity) throw new Error(`no ${reference}`);
    return { identity, state: foldComplaint(await loadComplaintEvents(test.db, "bchg", identity.id)) };
  };
  const referenceOn = (html: string) => /BCHG-\d{4}-\d{6}/.exec(html)?.[0] ?? "";
  const linksTo = async (reference: string) =>
    (
      await test.db.query(
        "SELECT payload FROM outbox WHERE kind = 'portal-link' AND payload->>'reference' = $1",
        [reference],
      )
    ).rows.map((r) => r.payload as Record<string, string>);

  it("shows the landlord's form, and a plain 404 for an organisation that does not exist", async () => {
    const client = new WebClient(app);
    const form = await client.get("/o/bchg/complain");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Test landlord (bchg) complaints");
    expect(form.body).toContain("Is any of these happening in your home now?");
    expect(form.body).not.toContain("Caseload"); // no staff navigation
    const missing = await client.get("/o/nobody/complain");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Page not found");
    expect(missing.body).not.toContain("nobody");
  });

  it("takes a complaint from the resident with a photo, shows the reference and the acknowledgement date, and emails a follow link once", async () => {
    const { client, response } = await complain(RESIDENT, [photo]);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/o/bchg/complain/made");
    const made = await client.get("/o/bchg/complain/made");
    const reference = referenceOn(made.body);
    expect(reference).not.toBe("");
    // Received Monday 2 November; BCHG acknowledges within 5 working days.
    expect(made.body).toContain(
      "We will acknowledge your complaint by <strong>Monday 9 November 2026</strong>",
    );
    expect(made.body).toContain("ruth@example.org");

    const { identity, state } = await stateOf(reference);
    expect(identity.channel).toBe("online-portal");
    expect(state).toMatchObject({
      raisedBy: "resident",
      issueOn: "2026-09-14",
      receivedOn: "2026-11-02",
      hazards: [],
    });
    expect(identity.description).toBe(
      "The boiler has been broken since September.\n\nWhat I want to happen: Fix the boiler",
    );
    const resident = (await test.db.query("SELECT * FROM residents WHERE id = $1", [identity.residentId]))
      .rows[0];
    expect(resident).toMatchObject({
      name: "Ruth Example",
      contact_preferences: { noPhoneCalls: true, letters: "large-print", language: "Polish" },
      adjustments: [{ adjustment: "Call before visiting", recordedOn: "2026-11-02" }],
    });
    const files = await test.db.query(
      "SELECT file_name, content_type, source FROM attachments WHERE complaint_id = $1",
      [identity.id],
    );
    expect(files.rows).toEqual([
      { file_name: "mould on the wall.png", content_type: "image/png", source: "resident" },
    ]);

    const links = await linksTo(reference);
    expect(links).toEqual([
      {
        to: "ruth@example.org",
        name: "Ruth Example",
        reference,
        url: expect.stringMatching(
          /^https:\/\/complaints\.example\.org\/o\/bchg\/follow\/[A-Za-z0-9_-]{43}$/,
        ),
        expiresOn: "2027-01-31",
      },
    ]);
    // Showing the confirmation again sends nothing more.
    await client.get("/o/bchg/complain/made");
    expect(await linksTo(reference)).toHaveLength(1);
  });

  it("takes a complaint from a representative, with the resident's details and how authority was given", async () => {
    const { client, response } = await complain(
      {
        ...RESIDENT,
        raisedBy: "representative",
        residentEmail: "",
        representativeName: "Sam Advocate",
        representativeRelationship: "Support worker",
        representativeAuthority: "Signed consent form",
        representativeEmail: "sam@advice.example.org",
      },
      [photo],
    );
    expect(response.statusCode).toBe(303);
    const reference = referenceOn((await client.get("/o/bchg/complain/made")).body);
    const { identity, state } = await stateOf(reference);
    expect(state.raisedBy).toBe("representative");
    const rep = (
      await test.db.query("SELECT * FROM representatives WHERE id = $1", [identity.representativeId])
    ).rows[0];
    expect(rep).toMatchObject({
      name: "Sam Advocate",
      relationship: "Support worker",
      authority: "Signed consent form",
    });
    const files = await test.db.query("SELECT source FROM attachments WHERE complaint_id = $1", [
      identity.id,
    ]);
    expect(files.rows).toEqual([{ source: "resident" }]);
    expect(await linksTo(reference)).toEqual([
      expect.objectContaining({ to: "sam@advice.example.org", name: "Sam Advocate" }),
    ]);
  });

  it("shows every problem at once and keeps everything typed", async () => {
    const before = await complaintCount();
    const typed = {
      ...RESIDENT,
      hazardRisks: [],
      residentName: "",
      whatHappened: "",
      "awareOn-day": "31",
      "awareOn-month": "2",
      "awareOn-year": "2026",
    };
    const { response } = await complain({ ...typed, representativeName: "Kept <b>too</b>" });
    expect(response.statusCode).toBe(400);
    expect(await complaintCount()).toBe(before);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)?.[1] ?? "";
    expect([...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
      "hazardRisks",
      "residentName",
      "whatHappened",
      "awareOn-day",
    ]);
    expect(summary).toContain("Enter your full name");
    expect(summary).toContain("Tell us what happened");
    expect(summary).toContain("Enter when you found out about it as a real date");
    for (const value of [
      "ruth@example.org",
      "07700 900123",
      "1 High Street, Smethwick",
      "B66 1AA",
      "Fix the boiler",
      "Polish",
      "Call before visiting",
    ]) {
      expect(response.body).toContain(value);
    }
    expect(response.body).toContain('value="31"');
    expect(response.body).toMatch(/value="large-print" checked/);
    expect(response.body).toMatch(/value="repairs" checked/);
    expect(response.body).toContain("Kept &lt;b&gt;too&lt;/b&gt;"); // typed HTML is shown as text
  });

  it("refuses a wrong-type and an oversized file in words, keeps the good file and everything typed, and sends it once fixed", async () => {
    const before = await complaintCount();
    const huge = {
      field: "files",
      name: "video.mp4",
      content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7),
      type: "video/mp4",
    };
    const zip = { field: "files", name: "evidence.zip", content: ZIP, type: "application/zip" };
    const { client, response } = await complain(RESIDENT, [photo, zip, huge]);
    expect(response.statusCode).toBe(400);
    expect(await complaintCount()).toBe(before);
    expect(response.body).toContain(
      "“evidence.zip” was not added. The file must be a photo, video or document",
    );
    expect(response.body).toContain("“video.mp4” was not added. The file must be smaller than 20 MB.");
    expect(response.body).toContain("The boiler has been broken since September.");
    expect(response.body).toContain("Files you have already added");
    const held = /name="keepFiles" type="checkbox" value="([0-9a-f-]{36})" checked/.exec(response.body)?.[1];
    expect(held).toBeDefined();
    expect(response.body).toContain("mould on the wall.png");

    const sent = await client.postForm("/o/bchg/complain", { ...RESIDENT, keepFiles: held ?? "" });
    expect(sent.statusCode).toBe(303);
    const reference = referenceOn((await client.get("/o/bchg/complain/made")).body);
    const { identity } = await stateOf(reference);
    const files = await test.db.query("SELECT file_name FROM attachments WHERE complaint_id = $1", [
      identity.id,
    ]);
    expect(files.rows).toEqual([{ file_name: "mould on the wall.png" }]);
    expect((await test.db.query("SELECT count(*) AS n FROM portal_uploads")).rows[0]?.n).toBe(0);
  });

  it.each([
    [["gas"], [], "emergency"],
    [["electrics", "damp-mould"], [], "emergency"],
    [["security"], [], "emergency"],
    [["damp-mould"], [], "significant"],
    [["water-coming-in"], ["none"], "significant"],
    [["damp-mould"], ["breathing"], "emergency"],
    [["none"], ["young-child"], null],
  ])("raises the right hazard for %j with %j living there: %s", async (risks, occupants, severity) => {
    const { client, response } = await complain({
      ...RESIDENT,
      hazardRisks: risks,
      hazardOccupants: occupants,
      hazardDetails: "Since Friday",
    });
    expect(response.statusCode).toBe(303);
    const made = await client.get("/o/bchg/complain/made");
    const { state } = await stateOf(referenceOn(made.body));
    expect(state.hazards.map((h) => h.severity)).toEqual(severity ? [severity] : []);
    if (severity) expect(state.hazards[0]?.description).toContain("In their words: Since Friday");
    if (risks.includes("gas"))
      expect(made.body).toContain("call the National Gas Emergency Service on 0800 111 999 now");
    if (severity === "emergency") expect(made.body).toContain("must look into the risk within 24 hours");
    if (!severity) expect(made.body).not.toContain("About the risk you told us about");
  });

  it("asks for a way to reach the person and refuses a form without its CSRF token", async () => {
    const { response } = await complain({
      ...RESIDENT,
      residentEmail: "",
      residentPhone: "",
      residentAddress: "",
      residentLetters: "email",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Give us at least one way to reach you");
    expect(response.body).toContain("Enter an email address to get letters by email");
    const forged = await app.inject({
      method: "POST",
      url: "/o/bchg/complain",
      payload: { residentName: "x" },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("The form could not be sent");
  });

  it("shows the complaints policy from the pack in force, with both stages, timescales and the Ombudsman", async () => {
    const page = await new WebClient(app).get("/o/bchg/complaints-policy");
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("An expression of dissatisfaction, however made");
    expect(text).toContain("Stage 1: General Complaints");
    expect(text).toContain("Stage 2: Review");
    expect(text).toContain("within 5 working days of the day we receive your complaint");
    expect(text).toContain("within 20 working days of the day we acknowledge it");
    expect(text).toContain(
      "We ask you to tell us within 7 working days of our Stage 1 answer. If you ask later, we will still consider your request.",
    );
    expect(text).toContain("0300 111 3000, info@housing-ombudsman.org.uk");
    for (const way of [
      "by phone",
      "in person, to any member of staff",
      "by letter",
      "by email",
      "through social media",
      "online, on this website",
    ])
      expect(text).toContain(way);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    // govuk-frontend's stylesheet is allowed (not only nonced styles), so the page is styled.
    expect(page.headers["content-security-policy"]).toMatch(/style-src 'self' 'nonce-/);
  });
});

describe("the portal's rate limit", () => {
  it("answers 429 in words once an address has made too many requests", async () => {
    const test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    await anOrganisation(services, "bchg");
    const app = await buildApp(services, { portalRequestsPerMinute: 2 });
    const client = new WebClient(app);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.get("/o/bchg/complaints-policy")).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await client.get("/o/bchg/complaints-policy");
    expect(limited.body).toContain("Too many requests");
    await app.close();
    await test.drop();
  });
});
