import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { pdfText, popplerAvailable } from "../../../test/support/pdf-tools.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { buildSyntheticYear } from "../../../test/support/synthetic-year-builder.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { USER_ROLES, type UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const JUNE = "/reports/periodic/executive?period=2026-06";
const Q3 = "period=2026-q3";

/**
 * The periodic reports over the synthetic year (test/support/synthetic-year.ts), seen on 3 May 2027. The figures
 * checked are worked out from the year's dates by hand: in June 2026 five Stage 1 complaints came in ("quick",
 * "ack-after-target", "ack-after-code", "stage2-late" and the one raised from a service request) and none in May;
 * four acknowledgements were made, three by the Code's limit ("ack-after-code" took 6 working days); three
 * Stage 1 responses were issued, all in time, and "stage2-late" was escalated; £100 was paid.
 */
describe("periodic report pages", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let names: Map<string, string>;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2027-05-03T10:00:00Z");
    names = await buildSyntheticYear(services, "year");
    await anOrganisation(services, "hos-code-2024", "other");
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
  const refsOf = (...wanted: string[]) =>
    [...names]
      .filter(([, n]) => wanted.includes(n))
      .map(([ref]) => ref)
      .sort();
  const referencesIn = (body: string) => [...new Set(body.match(/[A-Z]+-\d{4}-\d{6}/g) ?? [])].sort();

  it("are listed on the reports page and open to every role, executives included", async () => {
    expect((await new WebClient(app).get(JUNE)).headers.location).toMatch(/^\/sign-in\?next=/);
    for (const role of USER_ROLES) {
      const client = await as(role);
      const index = (await client.get("/reports")).body;
      for (const kind of ["executive", "board", "mrc"])
        expect(index, role).toContain(`href="/reports/periodic/${kind}"`);
      for (const url of [JUNE, `/reports/periodic/board?${Q3}`, `/reports/periodic/mrc?${Q3}`])
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(200);
    }
  });

  it("cover the last whole month or quarter unless another is chosen", async () => {
    const client = await as("executive");
    const executive = (await client.get("/reports/periodic/executive")).body;
    expect(executive).toContain("Monthly complaints report for the executive team: April 2027");
    expect(executive).toContain('<option value="2027-04" selected>April 2027</option>');
    const board = (await client.get("/reports/periodic/board")).body;
    expect(board).toContain(
      "Quarterly Customer Voice report for the board: January to March 2027 (2026/27 Q4)",
    );
    // A month further back than the list goes is still named as the one shown.
    expect((await client.get("/reports/periodic/executive?period=2025-01")).body).toContain(
      '<option value="2025-01" selected>January 2025</option>',
    );
  });

  it("show the month's figures against the month before, each linked to the complaints behind it", async () => {
    const client = await as("executive");
    const page = (await client.get(JUNE)).body;
    expect(page).toContain("Up 5 from 0 in May 2026.");
    expect(page).toContain("3 of 4 acknowledgements.");
    expect(page).toContain("3 of 3 responses.");
    expect(page).toContain("1 of 3 responses."); // escalated
    expect(page).toContain("£100");
    const drill = "/reports/drill?from=2026-06-01&amp;to=2026-06-30&amp;measure=volumes.stage1Received";
    expect(page).toContain(`href="${drill}"`);
    const behind = await client.get(drill.replaceAll("&amp;", "&"));
    expect(behind.statusCode).toBe(200);
    expect(referencesIn(behind.body)).toEqual(
      refsOf("quick", "ack-after-target", "ack-after-code", "stage2-late", "from-service-request"),
    );
    // Repairs went from none in May to four: a rising category, linked to its complaints.
    expect(page).toContain("Rising category: 4 complaints against an average of 0.4 before");
  });

  it("show a quarter against the one before, and the MRC pack the year to date", async () => {
    const client = await as("executive");
    const board = (await client.get(`/reports/periodic/board?${Q3}`)).body;
    expect(board).toContain("Down 2 from 5 in July to September 2026 (2026/27 Q2).");
    expect(board).toContain("Customer voice");
    const mrc = (await client.get(`/reports/periodic/mrc?${Q3}`)).body;
    expect(mrc).toContain("The year to date");
    // April to December: June's five, five in July to September, three in October to December.
    expect(mrc).toMatch(/Stage 1 complaints received<\/dt>\s*<dd[^>]*>\s*<p[^>]*>13<\/p>/);
  });

  it.skipIf(!popplerAvailable)("download as a tagged PDF with the sections in reading order", async () => {
    const client = await as("executive");
    const pdf = await client.get("/reports/periodic/executive/pdf?period=2026-06");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain(
      'attachment; filename="monthly-complaints-report-for-the-executive-team-june-2026.pdf"',
    );
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, " ");
    let at = 0;
    for (const part of [
      "Monthly complaints report for the executive team: June 2026",
      "Summary",
      "Stage 1 complaints received: 5. Up 5 from 0 in May 2026.",
      "Trends",
      "Timeliness",
      "Themes",
      "Outcomes",
      "Remedies and compensation",
      "Health and safety hazards",
      "Systemic issues",
      "Learning",
    ]) {
      const found = text.indexOf(part, at);
      expect(found, part).toBeGreaterThanOrEqual(at);
      at = found + part.length;
    }
  });

  it("download each table, and each chart's data, as CSV", async () => {
    const client = await as("executive");
    const trend = await client.get("/reports/periodic/executive/csv?period=2026-06&table=1");
    expect(trend.statusCode).toBe(200);
    expect(trend.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(trend.body).toBe(
      "\uFEFFMonth,Stage 1,Stage 2\r\nJan 2026,0,0\r\nFeb 2026,1,0\r\nMar 2026,1,0\r\nApr 2026,0,0\r\nMay 2026,0,0\r\nJun 2026,5,0\r\n",
    );
    expect((await client.get(JUNE)).body).toContain(
      'href="/reports/periodic/executive/csv?period=2026-06&amp;table=1"',
    );
    for (const table of ["0", "99", "x", ""])
      expect(
        (await client.get(`/reports/periodic/executive/csv?period=2026-06&table=${table}`)).statusCode,
        table,
      ).toBe(404);
  });

  it("never show one organisation's figures to another's staff", async () => {
    const olive = await signedIn("executive@other.test");
    const ours = [...names.keys()].filter((k) => /^[A-Z]+-/.test(k));
    for (const url of [
      JUNE,
      `/reports/periodic/board?${Q3}`,
      `/reports/periodic/mrc?${Q3}`,
      "/reports/periodic/executive/csv?period=2026-06&table=1",
    ]) {
      const page = await olive.get(url);
      expect(page.statusCode, url).toBe(200);
      for (const ref of ours) expect(page.body, url).not.toContain(ref);
      expect(page.body, url).not.toContain("Synthetic year landlord");
    }
    expect((await olive.get(JUNE)).body).toContain("Stage 1 complaints received");
  });

  it("say what is wrong with a period asked for, and know only their own reports", async () => {
    const client = await as("executive");
    const wrong = await client.get("/reports/periodic/executive?period=2026-13");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("That is not a period this report covers: choose one from the list.");
    const quarterAsMonth = await client.get("/reports/periodic/board?period=2026-06");
    expect(quarterAsMonth.statusCode).toBe(400);
    const future = await client.get("/reports/periodic/executive?period=2027-06");
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("That period has not started yet");
    expect((await client.get("/reports/periodic/executive/pdf?period=2027-06")).statusCode).toBe(400);
    expect((await client.get("/reports/periodic/weekly")).statusCode).toBe(404);
    expect((await client.get("/reports/periodic/weekly/pdf")).statusCode).toBe(404);
  });
});
