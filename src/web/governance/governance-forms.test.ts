import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { expectInOrder, popplerAvailable, readingText, taggedText } from "../../../test/support/pdf-tools.ts";
import { WebClient } from "../../../test/support/web.ts";
import { selfAssessmentProvisions } from "../../adapters/self-assessment-file.ts";
import { addUser } from "../../app/add-user.ts";
import { aComplaint } from "../../app/test-builders.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
// poppler-utils reads the PDFs; .ci/run installs it, so in CI these tests always run.
const withPoppler = popplerAvailable || process.env.CI ? it : it.skip;

describe("Ombudsman findings, the self-assessment and the annual report pages", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2027-02-01T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const role of ["complaints-team", "executive", "handler"] as const)
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: role,
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
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  async function signedIn(role: UserRole, org = "bchg") {
    const client = new WebClient(app);
    expect(
      (await client.signIn(org === "bchg" ? `${role}@bchg.test` : "team@bdht.test", PASSWORD)).statusCode,
    ).toBe(303);
    return client;
  }

  it("records an Ombudsman determination with findings, its orders (overdue flagged) and compliance", async () => {
    const client = await signedIn("complaints-team");
    await client.get("/governance/ombudsman");
    const invalid = await client.post("/governance/ombudsman", {
      kind: "determination",
      complaintReference: "typed ref",
      decidedOn: "2026-12-18",
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#case-hosReference"');
    expect(invalid.body).toContain('value="typed ref"');
    const noFindings = await client.post("/governance/ombudsman", {
      kind: "determination",
      hosReference: "202412345",
      decidedOn: "2026-12-18",
    });
    expect(noFindings.statusCode).toBe(422);
    expect(noFindings.body).toContain('href="#case-findings"');
    expect(noFindings.body).toContain('value="202412345"');
    const badRow = await client.post("/governance/ombudsman", {
      kind: "determination",
      hosReference: "202412345",
      decidedOn: "2026-12-18",
      element1: "Repairs",
    });
    expect(badRow.statusCode).toBe(400);
    expect(badRow.body).toContain('href="#case-findings0Finding"');

    const recorded = await client.post("/governance/ombudsman", {
      kind: "determination",
      hosReference: "202412345",
      complaintReference: reference,
      decidedOn: "2026-12-18",
      element1: "Repairs to the leak",
      finding1: "maladministration",
      element2: "Complaint handling",
      finding2: "service-failure",
      handling2: "yes",
    });
    expect(recorded.statusCode).toBe(303);
    const caseUrl = recorded.headers.location!.split("?")[0]!;
    await client.get(caseUrl);
    const noDate = await client.post(`${caseUrl}/add-order`, { kind: "order", description: "Pay £350" });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.body).toContain('href="#add-order-dueOn"');
    expect(noDate.body).toContain("Pay £350");
    expect(
      (
        await client.post(`${caseUrl}/add-order`, {
          kind: "order",
          description: "Pay £350",
          dueOn: "2027-01-29",
        })
      ).statusCode,
    ).toBe(303);
    let page = await client.get(caseUrl);
    expect(page.body).toContain("Overdue");
    expect(page.body).toContain(`href="/complaints/${reference}"`);
    const list = await client.get("/governance/ombudsman");
    expect(list.body).toContain("1 overdue");
    const orderId = /name="orderId"[\s\S]*?value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const future = await client.post(`${caseUrl}/comply`, { orderId, compliedOn: "2027-02-02" });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('href="#comply-compliedOn"');
    expect((await client.post(`${caseUrl}/comply`, { orderId, compliedOn: "2027-01-28" })).statusCode).toBe(
      303,
    );
    page = await client.get(caseUrl);
    expect(page.body).toContain("Complied");
    expect(page.body).not.toContain("Overdue");

    const executive = await signedIn("executive");
    expect((await executive.get(caseUrl)).statusCode).toBe(200);
    expect(
      (await executive.post(`${caseUrl}/add-order`, { kind: "recommendation", description: "x" })).statusCode,
    ).toBe(403);
    expect((await (await signedIn("handler")).get(caseUrl)).statusCode).toBe(403);
    const theirs = await signedIn("complaints-team", "bdht");
    expect((await theirs.get(caseUrl)).statusCode).toBe(404);
    expect(
      (await theirs.post(`${caseUrl}/add-order`, { kind: "recommendation", description: "x" })).statusCode,
    ).toBe(404);
    expect((await theirs.get("/governance/ombudsman")).body).not.toContain("202412345");
  });

  it("records the Ombudsman's annual letter", async () => {
    const client = await signedIn("complaints-team");
    await client.get("/governance/ombudsman");
    const bad = await client.post("/governance/ombudsman/publications", {
      kind: "annual-letter",
      title: "Letter",
      publishedOn: "2026-10-20",
      link: "javascript:alert(1)",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#publication-link"');
    const ok = await client.post("/governance/ombudsman/publications", {
      kind: "annual-letter",
      title: "Annual letter 2025-26",
      publishedOn: "2026-10-20",
    });
    expect(ok.statusCode).toBe(303);
    expect((await client.get("/governance/ombudsman")).body).toContain("Annual letter 2025-26");
  });

  it("completes the self-assessment section by section, each save a version, and records the governing body's approval", async () => {
    const client = await signedIn("complaints-team");
    const year = await client.get("/governance/self-assessment");
    expect(year.headers.location).toBe("/governance/self-assessment/2026");
    await client.get("/governance/self-assessment/2026/sections/4");
    // 4.2 has no evidence Redress can show: "yes" needs the officer's.
    const noEvidence = await client.post("/governance/self-assessment/2026/sections/4", {
      basedOnVersion: "0",
      "answers4.2Comply": "yes",
      "answers4.2Commentary": "Typed commentary",
    });
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.body).toContain('href="#answers4.2Evidence"');
    expect(noEvidence.body).toContain("Typed commentary");
    const badDate = await client.post("/governance/self-assessment/2026/sections/4", {
      basedOnVersion: "0",
      "answers4.3Comply": "no",
      "answers4.3ComplianceBy": "soon",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('href="#answers4.3ComplianceBy"');
    const saved = await client.post("/governance/self-assessment/2026/sections/4", {
      basedOnVersion: "0",
      "answers4.2Comply": "yes",
      "answers4.2Evidence": "Scheme of delegation, paragraph 3",
      "answers4.3Comply": "no",
      "answers4.3Commentary": "Training not yet given to contractors",
      "answers4.3Actions": "Train contractors' staff",
      "answers4.3ComplianceBy": "2027-03-31",
    });
    expect(saved.statusCode).toBe(303);
    // The same form again, started from version 0: someone (this officer) saved since.
    const stale = await client.post("/governance/self-assessment/2026/sections/4", {
      basedOnVersion: "0",
      "answers4.1Comply": "yes",
      "answers4.1Evidence": "Kept evidence",
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain("Someone saved a newer version");
    expect(stale.body).toContain("Kept evidence");

    let page = await client.get("/governance/self-assessment/2026");
    expect(page.body).toContain("Scheme of delegation, paragraph 3");
    expect(page.body).toContain("Version 1 of 1");
    const noBody = await client.post("/governance/self-assessment/2026/approve", {
      version: "1",
      approvedOn: "2027-01-30",
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.body).toContain('href="#body"');
    expect(
      (
        await client.post("/governance/self-assessment/2026/approve", {
          version: "1",
          approvedOn: "2027-01-30",
          body: "The Board",
        })
      ).statusCode,
    ).toBe(303);
    page = await client.get("/governance/self-assessment/2026");
    expect(page.body).toContain("Approved by The Board on Saturday 30 January 2027");
    expect(
      (
        await client.post("/governance/self-assessment/2026/approve", {
          version: "1",
          approvedOn: "2027-01-30",
          body: "The Board",
        })
      ).statusCode,
    ).toBe(422);

    const executive = await signedIn("executive");
    expect((await executive.get("/governance/self-assessment/2026")).body).not.toContain("/sections/4");
    expect((await executive.get("/governance/self-assessment/2026/sections/4")).statusCode).toBe(403);
    const theirs = await signedIn("complaints-team", "bdht");
    expect((await theirs.get("/governance/self-assessment/2026")).body).not.toContain("Scheme of delegation");
    expect((await theirs.get("/governance/self-assessment/2026?version=1")).statusCode).toBe(404);
    expect((await client.get("/governance/self-assessment/20x6")).statusCode).toBe(404);
    expect((await client.get("/governance/self-assessment/2026/sections/10")).statusCode).toBe(404);
  });

  it("assembles the annual report, issues it, and keeps the governing body's response with the version", async () => {
    const client = await signedIn("complaints-team");
    const report = await client.get("/governance/annual-report/2026");
    expect(report.statusCode).toBe(200);
    for (const part of [
      "(a) The annual self-assessment",
      "(b) Complaint-handling performance",
      "The types of complaint we refused to accept",
      "More performance measures",
      "(c) Ombudsman findings of non-compliance",
      "202412345",
      "(d) Service improvements",
      "Annual letter 2025-26",
    ])
      expect(report.body, part).toContain(part);
    expect(report.body).toContain('href="/governance/print.css"');
    expect((await client.get("/governance/print.css")).body).toContain("@media print");

    const executive = await signedIn("executive");
    await executive.get("/governance/annual-report/2026");
    expect((await executive.post("/governance/annual-report/2026/issue", {})).statusCode).toBe(403);

    const issued = await client.post("/governance/annual-report/2026/issue", {});
    expect(issued.statusCode).toBe(303);
    expect(issued.headers.location).toBe("/governance/annual-report/2026/versions/1?done=issued");
    await client.get(issued.headers.location!);
    const missing = await client.post("/governance/annual-report/2026/versions/1/response", {
      response: "Typed response",
      givenOn: "2027-02-01",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#body"');
    expect(missing.body).toContain("Typed response");
    const early = await client.post("/governance/annual-report/2026/versions/1/response", {
      response: "Noted",
      body: "The Board",
      givenOn: "2027-01-31",
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('href="#givenOn"');
    expect(
      (
        await client.post("/governance/annual-report/2026/versions/1/response", {
          response: "The Board notes the report.",
          body: "The Board",
          givenOn: "2027-02-01",
        })
      ).statusCode,
    ).toBe(303);
    const version = await executive.get("/governance/annual-report/2026/versions/1");
    expect(version.body).toContain("The Board notes the report.");
    expect(version.body).not.toContain(reference);
    expect(
      (
        await client.post("/governance/annual-report/2026/versions/1/response", {
          response: "Again",
          body: "The Board",
          givenOn: "2027-02-01",
        })
      ).statusCode,
    ).toBe(422);

    const theirs = await signedIn("complaints-team", "bdht");
    expect((await theirs.get("/governance/annual-report/2026/versions/1")).statusCode).toBe(404);
    expect(
      (
        await theirs.post("/governance/annual-report/2026/versions/1/response", {
          response: "x",
          body: "x",
          givenOn: "2027-02-01",
        })
      ).statusCode,
    ).toBe(404);
    expect((await theirs.get("/governance/annual-report/2026")).body).not.toContain("202412345");
  });

  withPoppler(
    "downloads the report as it stands and an issued version as PDFs, within the organisation",
    async () => {
      const TITLE = "Annual complaints performance and service improvement report 2026/27";
      const PARTS = [
        "(a) The annual self-assessment against the Complaint Handling Code",
        "(b) Complaint-handling performance",
        "Tenant Satisfaction Measures",
        "The types of complaint we refused to accept",
        "(c) Ombudsman findings of non-compliance with the Code",
        "202412345",
        "(d) Service improvements made from learning",
        "(e) The Ombudsman's annual letter or performance report",
        "Annual letter 2025-26",
        "(f) Other Ombudsman reports or publications about us",
      ];
      const client = await signedIn("complaints-team");
      expect((await client.get("/governance/annual-report/2026")).body).toContain(
        '<a class="govuk-link" href="/governance/annual-report/2026/pdf">Download as PDF</a>',
      );
      const draft = await client.get("/governance/annual-report/2026/pdf");
      expect(draft.statusCode).toBe(200);
      expect(draft.headers["content-type"]).toBe("application/pdf");
      expect(draft.headers["content-disposition"]).toMatch(
        /^attachment; filename="annual-complaints-performance-and-service-improvement-report-2026-27-draft\.pdf"/,
      );
      const draftText = readingText(draft.rawPayload);
      expectInOrder(draftText, [TITLE, "As it stands on", "not yet issued", ...PARTS]);
      expect(draftText).not.toContain("The governing body's response");
      expect(draftText).not.toContain(reference);

      const executive = await signedIn("executive");
      expect((await executive.get("/governance/annual-report/2026/versions/1")).body).toContain(
        'href="/governance/annual-report/2026/versions/1/pdf">Download as PDF</a>',
      );
      const version = await executive.get("/governance/annual-report/2026/versions/1/pdf");
      expect(version.statusCode).toBe(200);
      expect(version.headers["content-type"]).toBe("application/pdf");
      expect(version.headers["content-disposition"]).toMatch(
        /^attachment; filename="annual-complaints-performance-and-service-improvement-report-2026-27-version-1\.pdf"/,
      );
      const versionText = readingText(version.rawPayload);
      expectInOrder(versionText, [
        TITLE,
        "Version 1, issued to the governing body on Monday 1 February 2027.",
        "The governing body's response",
        "The Board, Monday 1 February 2027:",
        "The Board notes the report.",
        ...PARTS,
      ]);
      expect(versionText).not.toContain(reference);
      expect(versionText).not.toContain("complaints-team@bchg.test");

      expect((await (await signedIn("handler")).get("/governance/annual-report/2026/pdf")).statusCode).toBe(
        403,
      );
      const theirs = await signedIn("complaints-team", "bdht");
      expect((await theirs.get("/governance/annual-report/2026/versions/1/pdf")).statusCode).toBe(404);
      const theirDraft = await theirs.get("/governance/annual-report/2026/pdf");
      expect(theirDraft.statusCode).toBe(200);
      expect(readingText(theirDraft.rawPayload)).not.toContain("202412345");
      for (const url of [
        "/governance/annual-report/20x6/pdf",
        "/governance/annual-report/2026/versions/x/pdf",
        "/governance/annual-report/2026/versions/2/pdf",
        "/governance/annual-report/20x6/versions/1/pdf",
      ])
        expect((await client.get(url)).statusCode, url).toBe(404);
    },
  );

  withPoppler(
    "downloads the self-assessment as a PDF and a row per provision as CSV, the version shown, within the organisation",
    async () => {
      const TITLE = "Complaint Handling Code self-assessment: 2026/27";
      const client = await signedIn("complaints-team");
      // A second version, so version 1 (the approved one) is an earlier version.
      await client.get("/governance/self-assessment/2026/sections/9");
      expect(
        (await client.post("/governance/self-assessment/2026/sections/9", { basedOnVersion: "1" }))
          .statusCode,
      ).toBe(303);

      const executive = await signedIn("executive");
      const page = await executive.get("/governance/self-assessment/2026");
      expect(page.body).toContain(
        '<a class="govuk-link" href="/governance/self-assessment/2026/pdf">Download as PDF</a>',
      );
      expect(page.body).toContain(
        '<a class="govuk-link" href="/governance/self-assessment/2026/csv">Download as a spreadsheet (CSV)</a>',
      );
      const pdf = await executive.get("/governance/self-assessment/2026/pdf");
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toMatch(
        /^attachment; filename="complaint-handling-code-self-assessment-2026-27\.pdf"/,
      );
      const text = readingText(pdf.rawPayload);
      expectInOrder(text, [
        TITLE,
        "Version 2 of 2, saved by complaints-team@bchg.test on Monday 1 February 2027 at 10:00 (Section 9: Scrutiny and oversight). Not approved by the governing body.",
        "provisions complied with,",
        "1. Definition of a complaint",
        "4. Complaint handling staff",
        "Section 4: Complaint handling staff",
        "9. Scrutiny and oversight",
        "Versions",
        "Every saved version, newest first",
      ]);
      expect(text).not.toContain("This is an earlier version");
      expectInOrder(taggedText(pdf.rawPayload), [
        "Provision Requirement Comply Evidence Commentary",
        // A cell's lines follow one another with no space between them in the structure's text.
        "4.2 The complaints officer has access to staff at all levels and the authority and autonomy to resolve disputes.",
        "Wording confirmed Yes Scheme of delegation, paragraph 3",
        "4.3 Relevant staff are trained, and complaint handling is resourced as a core service.",
        "Wording confirmed No Training not yet given to contractors",
        "Actions: Train contractors' staff (by Wednesday 31 March 2027)",
        "Version Saved What changed Governing body",
        "Version 2 Monday 1 February 2027 at 10:00 by complaints-team@bchg.test Section 9: Scrutiny and oversight",
        "Version 1",
        "Approved by The Board on Saturday 30 January 2027 (recorded by complaints-team@bchg.test)",
      ]);

      const csv = await executive.get("/governance/self-assessment/2026/csv");
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(csv.headers["content-disposition"]).toMatch(
        /^attachment; filename="complaint-handling-code-self-assessment-2026-27\.csv"/,
      );
      const lines = csv.body.split("\r\n");
      expect(lines[0]).toBe(
        "\uFEFFSection,Provision,Requirement,Comply,Evidence,Commentary,Actions,Compliance by",
      );
      expect(lines.find((line) => line.startsWith("4,4.3,"))).toBe(
        `4,4.3,"Relevant staff are trained, and complaint handling is resourced as a core service.",No,,Training not yet given to contractors,Train contractors' staff,2027-03-31`,
      );
      // A row for each provision of the Code's form, each starting with its section.
      expect(lines.filter((line) => /^\d,/.test(line))).toHaveLength(selfAssessmentProvisions().rows.length);

      // An earlier version, as its page shows it: its own links, its approval, said to be earlier.
      const earlier = await executive.get("/governance/self-assessment/2026?version=1");
      expect(earlier.body).toContain(
        'href="/governance/self-assessment/2026/pdf?version=1">Download as PDF</a>',
      );
      expect(earlier.body).toContain(
        'href="/governance/self-assessment/2026/csv?version=1">Download as a spreadsheet (CSV)</a>',
      );
      const earlierPdf = await executive.get("/governance/self-assessment/2026/pdf?version=1");
      expect(earlierPdf.headers["content-disposition"]).toMatch(
        /^attachment; filename="complaint-handling-code-self-assessment-2026-27-version-1\.pdf"/,
      );
      expectInOrder(readingText(earlierPdf.rawPayload), [
        TITLE,
        "Version 1 of 2, saved by complaints-team@bchg.test on",
        "Approved by The Board on Saturday 30 January 2027.",
        "This is an earlier version, with the evidence Redress showed when it was saved.",
      ]);
      expect(
        (await executive.get("/governance/self-assessment/2026/csv?version=1")).headers[
          "content-disposition"
        ],
      ).toMatch(/^attachment; filename="complaint-handling-code-self-assessment-2026-27-version-1\.csv"/);

      // Another organisation has its own, not started: nothing of this one's, and no version 1.
      const theirs = await signedIn("complaints-team", "bdht");
      const theirPdf = await theirs.get("/governance/self-assessment/2026/pdf");
      expect(theirPdf.statusCode).toBe(200);
      const theirText = readingText(theirPdf.rawPayload);
      expect(theirText).toContain("Not started for this year.");
      expect(theirText).not.toContain("Scheme of delegation");
      const theirCsv = (await theirs.get("/governance/self-assessment/2026/csv")).body;
      expect(theirCsv).toContain("4,4.3,");
      expect(theirCsv).not.toContain("Training not yet given");
      for (const url of [
        "/governance/self-assessment/2026/pdf?version=1",
        "/governance/self-assessment/2026/csv?version=1",
      ])
        expect((await theirs.get(url)).statusCode, url).toBe(404);

      const handler = await signedIn("handler");
      for (const url of ["/governance/self-assessment/2026/pdf", "/governance/self-assessment/2026/csv"]) {
        expect((await handler.get(url)).statusCode, url).toBe(403);
        for (const bad of [url.replace("2026", "20x6"), `${url}?version=x`, `${url}?version=3`])
          expect((await client.get(bad)).statusCode, bad).toBe(404);
      }
    },
  );
});
