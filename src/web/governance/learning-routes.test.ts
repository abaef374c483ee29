import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import {
  expectInOrder,
  pdfText,
  popplerAvailable,
  readingText,
  taggedText,
} from "../../../test/support/pdf-tools.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { aComplaint, NOW } from "../../app/test-builders.ts";
import { USER_ROLES, type UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const READERS: UserRole[] = ["executive", "complaints-team", "admin"];
const OTHERS: UserRole[] = ["agent", "handler", "reviewer"];
// poppler-utils reads the PDFs; .ci/run installs it, so in CI these tests always run.
const withPoppler = popplerAvailable || process.env.CI ? it : it.skip;

describe("the learning log and 'you said, we did' pages", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let lessonUrl: string;
  let theirLessonUrl: string;
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const role of USER_ROLES)
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: `Pat ${role}`,
        role,
        password: PASSWORD,
      });
    await addUser(services, {
      organisationId: "bdht",
      email: "team@bdht.test",
      name: "Sam",
      role: "complaints-team",
      password: PASSWORD,
    });
    reference = await aComplaint(services, "bchg", "responded");
    await aComplaint(services, "bdht", "responded");
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
    const lessonOf = async (client: WebClient) =>
      /href="(\/governance\/learning\/[0-9a-f-]+\/\d+\/\d+)"/.exec(
        (await client.get("/governance/learning")).body,
      )![1]!;
    lessonUrl = await lessonOf(await signedIn("complaints-team"));
    theirLessonUrl = await lessonOf(await signedIn("complaints-team", "bdht"));
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  async function signedIn(role: UserRole, org = "bchg") {
    const client = new WebClient(app);
    const email = org === "bchg" ? `${role}@bchg.test` : "team@bdht.test";
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(303);
    return client;
  }

  it("is for executives, the complaints team and administrators, in their navigation; executives only read", async () => {
    for (const role of OTHERS) {
      const client = await signedIn(role);
      expect((await client.get("/caseload")).body).not.toContain('href="/governance"');
      for (const url of [
        "/governance",
        "/governance/learning",
        lessonUrl,
        "/governance/you-said-we-did",
        "/governance/you-said-we-did/published.csv",
      ])
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await client.post(lessonUrl, { status: "no-action", action: "x" })).statusCode, role).toBe(403);
    }
    for (const role of READERS) {
      const client = await signedIn(role);
      expect((await client.get("/caseload")).body).toContain('href="/governance"');
      expect((await client.get("/governance")).statusCode, role).toBe(200);
      const lesson = await client.get(lessonUrl);
      expect(lesson.statusCode, role).toBe(200);
      expect(lesson.body.includes(`action="${lessonUrl}"`), role).toBe(role !== "executive");
    }
    const executive = await signedIn("executive");
    await executive.get(lessonUrl);
    expect((await executive.post(lessonUrl, { status: "no-action", action: "Covered" })).statusCode).toBe(
      403,
    );
    expect(
      (await executive.post("/governance/you-said-we-did", { youSaid: "a", weDid: "b" })).statusCode,
    ).toBe(403);
  });

  it("lists each lesson with its complaint, stage and date, and records what is done about it", async () => {
    const client = await signedIn("complaints-team");
    const log = await client.get("/governance/learning");
    expect(log.body).toContain("Book the follow-up visit when a repair needs parts");
    expect(log.body).toContain(`href="/complaints/${reference}"`);
    expect(log.body).toContain("Monday 9 November 2026");
    expect(log.body).not.toContain("BDHT-");

    await client.get(lessonUrl);
    const saved = await client.post(lessonUrl, {
      themes: "repairs",
      status: "planned",
      action: "Brief schedulers",
      owner: "Repairs lead",
      dueOn: "2026-12-14",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${lessonUrl}?done=saved`);
    const page = await client.get(`${lessonUrl}?done=saved`);
    expect(page.body).toContain("Saved what is being done about this lesson.");
    expect(page.body).toContain("Overdue");
    expect(page.body).toContain("complaints-team@bchg.test");
    expect((await client.get("/governance/learning?theme=repairs&status=overdue")).body).toContain(
      "Brief schedulers",
    );
    expect((await client.get("/governance/learning?theme=leaks")).body).not.toContain("Brief schedulers");
  });

  it("keeps what was typed and says what is wrong: a date that is not one (400), a rule broken (422)", async () => {
    const client = await signedIn("admin");
    await client.get(lessonUrl);
    const invalid = await client.post(lessonUrl, {
      status: "planned",
      action: "Typed <b>words</b>",
      owner: "Me",
      dueOn: "2026-13-45",
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain("There is a problem");
    expect(invalid.body).toContain('href="#dueOn"');
    expect(invalid.body).toContain("Typed &lt;b&gt;words&lt;/b&gt;");
    expect(invalid.body).toContain('value="2026-13-45"');
    const broken = await client.post(lessonUrl, {
      status: "planned",
      action: "Kept words",
      dueOn: "2027-01-10",
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('href="#owner"');
    expect(broken.body).toContain("Say who owns the action");
    expect(broken.body).toContain("Kept words");
    const future = await client.post(lessonUrl, { status: "done", action: "Did", doneOn: "2027-01-10" });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('href="#doneOn"');
  });

  it("shows another organisation's lesson or entry to nobody: a plain 404", async () => {
    const client = await signedIn("complaints-team");
    expect((await client.get(theirLessonUrl)).statusCode).toBe(404);
    expect((await client.post(theirLessonUrl, { status: "no-action", action: "x" })).statusCode).toBe(404);
    expect((await client.get("/governance/learning/not-a-uuid/1/0")).statusCode).toBe(404);
    const theirs = await signedIn("complaints-team", "bdht");
    await theirs.get(theirLessonUrl);
    const drafted = await theirs.post("/governance/you-said-we-did", {
      youSaid: "You said x",
      weDid: "We did y",
    });
    const entryUrl = drafted.headers.location!.split("?")[0]!;
    expect((await client.get(entryUrl)).statusCode).toBe(404);
    expect((await client.post(`${entryUrl}/approve`, {})).statusCode).toBe(404);
  });

  it("drafts 'you said, we did' from a lesson, refuses to approve a resident's name, and publishes approved words as a page, CSV and JSON", async () => {
    const client = await signedIn("complaints-team");
    await client.get(lessonUrl);
    const [complaintId, seq, index] = lessonUrl.split("/").slice(-3);
    const drafted = await client.post("/governance/you-said-we-did", {
      complaintId: complaintId!,
      eventSeq: seq!,
      lessonIndex: index!,
    });
    expect(drafted.statusCode).toBe(303);
    const entryUrl = drafted.headers.location!.split("?")[0]!;
    let page = await client.get(drafted.headers.location!);
    expect(page.body).toContain("You told us about problems with repairs.");

    const edited = await client.post(`${entryUrl}/edit`, {
      youSaid: "You told us repairs needing parts took too long.",
      weDid: "We apologised to Ms R Resident and now book second visits at the first.",
      themes: "repairs",
      changedOn: "2026-12-01",
    });
    expect(edited.statusCode).toBe(303);
    await client.get(entryUrl);
    const refused = await client.post(`${entryUrl}/approve`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#weDid"');
    expect(refused.body).toContain("This would publish a resident&#39;s details (a name");

    const executive = await signedIn("executive");
    await executive.get(entryUrl);
    expect((await executive.post(`${entryUrl}/approve`, {})).statusCode).toBe(403);

    await client.post(`${entryUrl}/edit`, {
      youSaid: "You told us repairs needing parts took too long.",
      weDid: "We now book the second visit at the first when parts are needed.",
      themes: "repairs",
      changedOn: "2026-12-01",
    });
    await client.get(entryUrl);
    expect((await client.post(`${entryUrl}/approve`, {})).statusCode).toBe(303);
    page = await client.get(entryUrl);
    expect(page.body).toContain("Approved for publication");
    expect(page.body).toContain("complaints-team@bchg.test on Tuesday 15 December 2026");

    const published = await executive.get("/governance/you-said-we-did/published");
    expect(published.body).toContain("We now book the second visit at the first when parts are needed.");
    expect(published.body).toContain("Changed in December 2026");
    const csv = await executive.get("/governance/you-said-we-did/published.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toBe(
      "month,you said,we did,themes\n2026-12,You told us repairs needing parts took too long.,We now book the second visit at the first when parts are needed.,repairs\n",
    );
    const json = await executive.get("/governance/you-said-we-did/published.json");
    expect(JSON.parse(json.body)).toEqual({
      landlord: "Test landlord (bchg)",
      entries: [
        {
          youSaid: "You told us repairs needing parts took too long.",
          weDid: "We now book the second visit at the first when parts are needed.",
          themes: ["repairs"],
          changedIn: "2026-12",
        },
      ],
    });
    for (const body of [published.body, csv.body, json.body]) {
      expect(body).not.toContain("Resident");
      expect(body).not.toContain(reference);
      expect(body).not.toContain(complaintId);
    }
  });

  it("escapes formulas in the CSV, so a spreadsheet never runs an entry", async () => {
    const client = await signedIn("admin");
    await client.get("/governance/you-said-we-did");
    const drafted = await client.post("/governance/you-said-we-did", {
      youSaid: '=HYPERLINK("x")',
      weDid: "+1 more visit",
      changedOn: "2026-12-02",
    });
    const entryUrl = drafted.headers.location!.split("?")[0]!;
    await client.get(entryUrl);
    expect((await client.post(`${entryUrl}/approve`, {})).statusCode).toBe(303);
    const csv = (await client.get("/governance/you-said-we-did/published.csv")).body;
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain("'+1 more visit");
  });

  withPoppler(
    "downloads the log as a PDF and its lessons as CSV, for the page's year and filter, within the organisation",
    async () => {
      const FILTER = "year=2026&theme=repairs&status=overdue";
      const executive = await signedIn("executive");
      const page = await executive.get(`/governance/learning?${FILTER}`);
      const linkQuery = FILTER.replace(/&/g, "&amp;");
      expect(page.body).toContain(
        `<a class="govuk-link" href="/governance/learning/pdf?${linkQuery}">Download as PDF</a>`,
      );
      expect(page.body).toContain(
        `<a class="govuk-link" href="/governance/learning/csv?${linkQuery}">Download as a spreadsheet (CSV)</a>`,
      );

      const pdf = await executive.get(`/governance/learning/pdf?${FILTER}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toMatch(
        /^attachment; filename="learning-log-2026-27-repairs-overdue\.pdf"/,
      );
      expectInOrder(readingText(pdf.rawPayload), [
        "Learning log: 2026/27",
        "Every lesson recorded when a complaint was answered between Wednesday 1 April 2026 and Wednesday 31 March 2027",
        "Lessons shown: theme: Repairs; where it stands: Overdue.",
        "1 lesson this year: 0 with nothing recorded yet, 0 planned, 1 overdue,",
        "Themes",
        "Lessons by theme, most first",
        "Lessons",
        "Lessons, newest response first",
      ]);
      // The tables row by row, each cell whole.
      expectInOrder(taggedText(pdf.rawPayload), [
        "Theme Lessons Still open Repairs 1 1",
        "Complaint Answered Stage Lesson Themes Action Owner Due Where it stands Done on",
        `${reference} 9 November 2026 1 Book the follow-up visit when a repair needs parts repairs Brief schedulers Repairs lead 14 December 2026 Overdue`,
      ]);
      expect(pdfText(pdf.rawPayload, { layout: true })).toContain(reference);

      const csv = await executive.get(`/governance/learning/csv?${FILTER}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(csv.headers["content-disposition"]).toMatch(
        /^attachment; filename="learning-log-2026-27-repairs-overdue\.csv"/,
      );
      const HEADER = "\uFEFFComplaint,Answered,Stage,Lesson,Themes,Action,Owner,Due,Where it stands,Done on";
      expect(csv.body).toBe(
        `${HEADER}\r\n${reference},2026-11-09,1,Book the follow-up visit when a repair needs parts,repairs,Brief schedulers,Repairs lead,2026-12-14,Overdue,\r\n`,
      );

      // The filter is honoured: a theme or a status no lesson has gives the table's header alone.
      for (const query of ["theme=leaks", "status=done", "year=2025"])
        expect((await executive.get(`/governance/learning/csv?${query}`)).body, query).toBe(`${HEADER}\r\n`);
      const none = readingText((await executive.get("/governance/learning/pdf?theme=leaks")).rawPayload);
      expectInOrder(none, ["Lessons shown: theme: Leaks.", "Lessons", "No lessons match."]);
      expect(none).not.toContain(reference);
      // Without a filter the file is named for the year alone.
      expect((await executive.get("/governance/learning/csv")).headers["content-disposition"]).toMatch(
        /^attachment; filename="learning-log-2026-27\.csv"/,
      );

      // Another organisation's log holds only its own lessons.
      const theirs = await signedIn("complaints-team", "bdht");
      const theirCsv = (await theirs.get("/governance/learning/csv")).body;
      expect(theirCsv).toMatch(/\r\nBDHT-[^,]+,2026-11-09,1,Book the follow-up visit/);
      expect(theirCsv).not.toContain(reference);
      expect(readingText((await theirs.get("/governance/learning/pdf")).rawPayload)).not.toContain(reference);

      for (const url of ["/governance/learning/pdf", "/governance/learning/csv"]) {
        for (const role of OTHERS)
          expect((await (await signedIn(role)).get(url)).statusCode, `${role} ${url}`).toBe(403);
        expect((await executive.get(`${url}?year=20x6`)).statusCode, url).toBe(404);
      }
    },
  );
});
