import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { pdfText, popplerAvailable } from "../../../test/support/pdf-tools.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { buildSyntheticYear } from "../../../test/support/synthetic-year-builder.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import { logContact } from "../../app/log-contact.ts";
import { USER_ROLES, type UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const YEAR = "from=2026-04-01&to=2027-03-31";
// Typed by people, so possibly hostile: a formula, quotes, a comma and a line break.
const HANDLER = `=HYPERLINK("http://evil.example"), "Jo"\nSmith`;
const SUMMARY = `@SUM(1+1) "leak", again\nand again`;

describe("report pages", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let names: Map<string, string>;
  let refsOf: (...wanted: string[]) => string[];
  let theirs: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2027-05-03T10:00:00Z");
    names = await buildSyntheticYear(services, "year");
    refsOf = (...wanted) => [...names].filter(([, n]) => wanted.includes(n)).map(([ref]) => ref);
    await anOrganisation(services, "hos-code-2024", "other");
    theirs = (
      await logComplaint(
        services,
        {
          organisationId: "other",
          receivedOn: "2026-06-03",
          channel: "phone",
          description: "Leak",
          resident: { name: "Their Resident" },
        },
        "agent@other.test",
      )
    ).reference;
    await assignHandler(
      services,
      { organisationId: "other", reference: theirs, on: "2026-06-03", stage: 1, handler: HANDLER },
      "a",
    );
    await logContact(
      services,
      {
        organisationId: "other",
        on: "2026-06-04",
        kind: "feedback",
        channel: "phone",
        summary: SUMMARY,
        dissatisfactionExpressed: false,
      },
      "a",
    );
    for (const role of USER_ROLES)
      await addUser(services, {
        organisationId: "year",
        email: `${role}@year.test`,
        name: role,
        role,
        password: PASSWORD,
      });
    await addUser(services, {
      organisationId: "other",
      email: "executive@other.test",
      name: "Olive",
      role: "executive",
      password: PASSWORD,
    });
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  const signedIn = async (email: string) => {
    const client = new WebClient(app);
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(303);
    return client;
  };
  const as = (role: UserRole) => signedIn(`${role}@year.test`);
  const referencesIn = (body: string) => [...new Set(body.match(/[A-Z]+-\d{4}-\d{6}/g) ?? [])].sort();

  it("are open to every role, executives included, and in everyone's navigation", async () => {
    expect((await new WebClient(app).get("/reports")).headers.location).toBe("/sign-in?next=%2Freports");
    for (const role of USER_ROLES) {
      const client = await as(role);
      expect((await client.get("/caseload")).body, role).toContain('href="/reports"');
      for (const url of ["/reports", "/reports/tsm?year=2026", `/reports/measures?${YEAR}`])
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(200);
    }
  });

  it("show each figure with what it is worked out from, formatted for people", async () => {
    const client = await as("executive");
    const tsm = (await client.get("/reports/tsm?year=2026")).body;
    expect(tsm).toContain("CH01: complaints relative to the size of the landlord");
    expect(tsm).toContain("Per 1,000 homes (withdrawn counted)");
    expect(tsm).toContain("Per 1,000 homes (withdrawn left out)");
    expect(tsm).toContain("no figure"); // no home ownership stock
    const measures = (await client.get(`/reports/measures?${YEAR}`)).body;
    expect(measures).toContain("Stage 1 timeliness");
    expect(measures).toContain("81.8%"); // 9 of 11 acknowledged by the target
    expect(measures).toContain("£425.00"); // compensation paid
    expect(measures).toContain("Remedies overdue at Wednesday 31 March 2027");
  });

  it("drill down to exactly the complaints behind a figure, linked to each case", async () => {
    const client = await as("executive");
    const byTarget = await client.get(
      `/reports/drill?${YEAR}&measure=timeliness.stage1.acknowledgedByTarget.numerator`,
    );
    expect(byTarget.statusCode).toBe(200);
    const expected = refsOf(
      ...["quick", "stage2-late", "extended-in-code", "extended-past-code", "withdrawn"],
      ...["late-then-stage2", "hazard-emergency", "escalation-refused", "hazard-significant"],
    ).sort();
    expect(referencesIn(byTarget.body)).toEqual(expected);
    for (const ref of expected) expect(byTarget.body).toContain(`href="/complaints/${ref}"`);

    const ann = await client.get(`/reports/drill?${YEAR}&measure=volumes.byHandler&group=Ann%20Able`);
    expect(referencesIn(ann.body)).toEqual(
      refsOf("quick", "ack-after-code", "extended-past-code", "escalation-refused").sort(),
    );
    const paid = await client.get(`/reports/drill?${YEAR}&measure=remedies.completed`);
    expect(paid.body).toContain("5 counted, on 3 complaints");
    expect(paid.body).toContain("Times counted");
    const ch02 = await client.get("/reports/drill?year=2026&measure=alternatives.ch02.stage1.numerator");
    expect(ch02.statusCode).toBe(200);
    const contacts = await client.get(`/reports/drill?${YEAR}&measure=contacts.byKind&group=compliment`);
    expect(contacts.body).toContain("Contact compliment-july");
    expect(contacts.body).toContain("Contact compliment-december");
    expect(contacts.body).not.toContain("Contact request-may");
    for (const url of [
      `/reports/drill?${YEAR}&measure=volumes.byHandler&group=Nobody`,
      `/reports/drill?${YEAR}&measure=__proto__.constructor`,
      `/reports/drill?${YEAR}`,
    ])
      expect((await client.get(url)).statusCode, url).toBe(404);
  });

  it("never show one organisation's figures or references to another's staff", async () => {
    const olive = await signedIn("executive@other.test");
    const ours = [...names.keys()].filter((k) => /^[A-Z]+-/.test(k));
    for (const url of [
      `/reports/measures?${YEAR}`,
      "/reports/tsm?year=2026",
      `/reports/drill?${YEAR}&measure=volumes.stage1Received`,
      `/reports/drill.csv?${YEAR}&measure=volumes.stage1Received`,
      `/reports/measures.csv?${YEAR}`,
    ]) {
      const body = (await olive.get(url)).body;
      for (const ref of ours) expect(body, url).not.toContain(ref);
      expect(body, url).not.toContain("Ann Able");
    }
    const theirDrill = await olive.get(`/reports/drill?${YEAR}&measure=volumes.stage1Received`);
    expect(referencesIn(theirDrill.body)).toEqual([theirs]);
    // Asking for our handler's figure from their side finds nothing to show.
    expect(
      (await olive.get(`/reports/drill?${YEAR}&measure=volumes.byHandler&group=Ann%20Able`)).statusCode,
    ).toBe(404);
  });

  it("export every table and every drill-down as CSV, with people's words quoted and formulas defused", async () => {
    const olive = await signedIn("executive@other.test");
    const handlers = await olive.get(`/reports/measures.csv?${YEAR}&table=handlers`);
    expect(handlers.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(handlers.headers["content-disposition"]).toBe(
      'attachment; filename="other-measures-2026-04-01-to-2027-03-31-handlers.csv"',
    );
    expect(handlers.body).toBe(
      `\uFEFFHandler,Complaints,Share\r\n"'=HYPERLINK(""http://evil.example""), ""Jo""\nSmith",1,100\r\n`,
    );
    const drill = await olive.get(`/reports/drill.csv?${YEAR}&measure=contacts.byKind&group=feedback`);
    const [head, row] = drill.body.slice(1).split("\r\n");
    expect(head).toBe("Contact,Logged,Kind,Status,Summary,Complaints raised,Times counted");
    expect(row).toMatch(
      /^[0-9a-f-]{36},2026-06-04,Feedback,Open,"'@SUM\(1\+1\) ""leak"", again\nand again",,1$/,
    );
    const complaints = await olive.get(`/reports/drill.csv?${YEAR}&measure=volumes.stage1Received`);
    expect(complaints.body).toContain(`${theirs},2026-06-03,1,Awaiting acknowledgement,,`);
    const all = await olive.get("/reports/tsm.csv?year=2026");
    expect(all.body.slice(1).split("\r\n")[0]).toBe("Table,Measure,Column,Value");
    expect((await olive.get(`/reports/measures.csv?${YEAR}&table=nothing`)).statusCode).toBe(400);
  });

  it.skipIf(!popplerAvailable)(
    "download the TSMs and the measures as PDFs, of the user's organisation only",
    async () => {
      const client = await as("executive");
      const measures = await client.get(`/reports/measures.pdf?${YEAR}`);
      expect(measures.statusCode).toBe(200);
      expect(measures.headers["content-type"]).toBe("application/pdf");
      expect(measures.headers["content-disposition"]).toContain(
        'filename="year-complaint-handling-measures-2026-27.pdf"',
      );
      const text = pdfText(measures.rawPayload).replace(/\s+/g, " ");
      expect(text).toContain("Complaint handling measures: 2026/27");
      expect(text).toContain("Synthetic year landlord");
      expect(text).toContain("81.8%"); // 9 of 11 acknowledged by the target
      expect(text).toContain("£425.00"); // compensation paid
      expect(text.indexOf("Timeliness")).toBeLessThan(text.indexOf("Outcomes and refusals"));
      const tsm = pdfText((await client.get("/reports/tsm.pdf?year=2026")).rawPayload).replace(/\s+/g, " ");
      expect(tsm).toContain("Tenant Satisfaction Measures, complaints: 2026/27");
      expect(tsm).toContain("CH02");
      const olive = await signedIn("executive@other.test");
      const theirs = pdfText((await olive.get(`/reports/measures.pdf?${YEAR}`)).rawPayload);
      expect(theirs).not.toContain("Synthetic year landlord");
      expect(theirs).not.toContain("Ann Able");
      expect((await client.get("/reports/tsm.pdf?year=20x6")).statusCode).toBe(400);
      expect((await client.get("/reports/measures.pdf?from=2026-04-01&to=2026-03-01")).statusCode).toBe(400);
    },
  );

  it("say what is wrong with a period or year typed, keeping what was typed", async () => {
    const client = await as("executive");
    const bad = await client.get(
      "/reports/measures?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026",
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("There is a problem");
    expect(bad.body).toContain("Enter the first day of the period as a real date");
    expect(bad.body).toContain('value="31"');
    const backwards = await client.get(
      "/reports/measures?from-day=1&from-month=6&from-year=2026&to-day=1&to-month=5&to-year=2026",
    );
    expect(backwards.body).toContain("must be the same as or after the first day");
    const good = await client.get(
      "/reports/measures?from-day=1&from-month=6&from-year=2026&to-day=30&to-month=6&to-year=2026",
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain("Monday 1 June 2026 to Tuesday 30 June 2026");
    const year = await client.get("/reports/tsm?year=20x6");
    expect(year.statusCode).toBe(400);
    expect(year.body).toContain('value="20x6"');
  });
});
