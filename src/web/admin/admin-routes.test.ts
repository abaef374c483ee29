import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";

describe("administration routes", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let reference: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    const people: [string, string, UserRole, string][] = [
      ["bchg", "admin", "admin", "Ada Admin"],
      ["bchg", "deputy", "admin", "Dev Deputy"],
      ["bchg", "handler", "handler", "Hal Handler"],
      ["bchg", "leaver", "handler", "Lee Leaver"],
      ["bchg", "promoted", "agent", "Pia Promoted"],
      ["bdht", "admin", "admin", "Other Admin"],
    ];
    for (const [org, who, role, name] of people) {
      const email = `${who}@${org}.test`;
      ids[email] = (
        await addUser(services, { organisationId: org, email, name, role, password: PASSWORD })
      ).id;
    }
    reference = (
      await logComplaint(
        services,
        {
          organisationId: "bchg",
          receivedOn: "2026-11-02",
          channel: "phone",
          description: "Leak in the kitchen",
          resident: { name: "Ruth Resident" },
          definition: { issues: [{ id: "1", summary: "Leak" }], outcomesSought: ["Fix it"] },
        },
        "agent@bchg.test",
      )
    ).reference;
    await assignHandler(
      services,
      { organisationId: "bchg", reference, on: "2026-11-03", stage: 1, handler: "Lee Leaver" },
      "admin@bchg.test",
    );
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (email: string, password = PASSWORD) => {
    const client = new WebClient(app);
    expect((await client.signIn(email, password)).statusCode).toBe(303);
    return client;
  };

  describe("who may administer", () => {
    it("refuses everyone but administrators with a 403, and shows the Admin item only to them", async () => {
      const handler = await signedIn("handler@bchg.test");
      expect((await handler.get("/caseload")).body).not.toContain('href="/admin/users"');
      for (const url of ["/admin", "/admin/users", "/admin/users/new", "/admin/policy", "/admin/calendar"]) {
        expect((await handler.get(url)).statusCode, url).toBe(403);
      }
      expect((await handler.get(`/admin/users/${ids["leaver@bchg.test"]}`)).statusCode).toBe(403);
      await handler.get("/caseload");
      const forms: [string, Record<string, string>][] = [
        ["/admin/users/new", { name: "Sneaky", email: "sneaky@bchg.test", role: "admin" }],
        [`/admin/users/${ids["handler@bchg.test"]}/role`, { role: "admin" }],
        [`/admin/users/${ids["admin@bchg.test"]}/remove`, {}],
        ["/admin/calendar/close", { date: "2026-12-29", reason: "Sneaky closure" }],
      ];
      for (const [url, fields] of forms) expect((await handler.post(url, fields)).statusCode, url).toBe(403);

      const admin = await signedIn("admin@bchg.test");
      expect((await admin.get("/caseload")).body).toContain('href="/admin/users"');
      expect((await admin.get("/admin")).headers.location).toBe("/admin/users");
      expect((await new WebClient(app).get("/admin/users")).headers.location).toBe(
        "/sign-in?next=%2Fadmin%2Fusers",
      );
    });
  });

  describe("users", () => {
    it("lists the organisation's own staff with their role and how they sign in", async () => {
      const admin = await signedIn("admin@bchg.test");
      const page = await admin.get("/admin/users");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Hal Handler");
      expect(page.body).toContain("handler@bchg.test");
      expect(page.body).toMatch(/Ada Admin \(you\)/);
      expect(page.body).toContain("Password");
      expect(page.body).not.toContain("Other Admin");
    });

    it("adds a user, shows the first password once (never cached), and keeps only its hash", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/users/new");
      const added = await admin.post("/admin/users/new", {
        name: "Nia New",
        email: "Nia.New@BCHG.test",
        role: "reviewer",
      });
      expect(added.statusCode).toBe(200);
      expect(added.headers["cache-control"]).toBe("no-store");
      const password = /<code id="first-password">([^<]+)<\/code>/.exec(added.body)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

      const { rows } = await test.db.query<{ password_hash: string; role: string }>(
        "SELECT password_hash, role FROM users WHERE email = 'nia.new@bchg.test'",
      );
      expect(rows[0]?.role).toBe("reviewer");
      expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
      expect(rows[0]?.password_hash).not.toContain(password);

      const list = await admin.get("/admin/users");
      expect(list.body).toContain("Nia New");
      expect(list.body).not.toContain(password!);
      const nia = await signedIn("nia.new@bchg.test", password);
      expect((await nia.get("/caseload")).body).toContain("Nia New (reviewer, bchg)");
    });

    it("refuses an incomplete user at its fields, keeping what was typed", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/users/new");
      const page = await admin.post("/admin/users/new", { name: "Omar <b>Odd</b>", email: "not-an-email" });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain("govuk-error-summary");
      expect(page.body).toContain('href="#email"');
      expect(page.body).toContain("Enter an email address in the correct format");
      expect(page.body).toContain('href="#role"');
      expect(page.body).toContain("Choose a role");
      expect(page.body).toContain('value="Omar &lt;b&gt;Odd&lt;/b&gt;"');
      expect(page.body).toContain('value="not-an-email"');
    });

    it("refuses a second account with the same email in the organisation", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/users/new");
      const page = await admin.post("/admin/users/new", {
        name: "Hal Again",
        email: "HANDLER@bchg.test",
        role: "handler",
      });
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain('href="#email"');
      expect(page.body).toContain("There is already a user with the email handler@bchg.test");
      expect(page.body).toContain('value="Hal Again"');
    });

    it("changes a role, which applies at once to a session already open", async () => {
      const promoted = await signedIn("promoted@bchg.test");
      expect((await promoted.get("/complaints/new")).statusCode).toBe(200);
      const admin = await signedIn("admin@bchg.test");
      const id = ids["promoted@bchg.test"];
      await admin.get(`/admin/users/${id}`);
      const done = await admin.post(`/admin/users/${id}/role`, { role: "executive" });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(`/admin/users/${id}?done=role`);
      expect((await admin.get(done.headers.location as string)).body).toContain("Role changed");
      // Executives read and change nothing: the open session has the new role already.
      expect((await promoted.get("/complaints/new")).statusCode).toBe(403);
      expect((await promoted.get("/caseload")).body).toContain("(executive, bchg)");
    });

    it("refuses a role that is not one, at its field", async () => {
      const admin = await signedIn("admin@bchg.test");
      const id = ids["handler@bchg.test"];
      await admin.get(`/admin/users/${id}`);
      const page = await admin.post(`/admin/users/${id}/role`, { role: "overlord" });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#role"');
      expect(page.body).toContain("Choose a role");
    });

    it("removes a user: their session ends at once and the complaints they handled keep their history", async () => {
      const leaver = await signedIn("leaver@bchg.test");
      expect((await leaver.get("/caseload")).statusCode).toBe(200);
      const admin = await signedIn("admin@bchg.test");
      const id = ids["leaver@bchg.test"];
      const confirm = await admin.get(`/admin/users/${id}/remove`);
      expect(confirm.body).toContain("Are you sure you want to remove Lee Leaver?");
      const done = await admin.post(`/admin/users/${id}/remove`, {});
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe("/admin/users?done=removed");
      expect((await admin.get("/admin/users")).body).not.toContain("Lee Leaver");

      expect((await leaver.get("/caseload")).headers.location).toBe("/sign-in?next=%2Fcaseload");
      expect((await new WebClient(app).signIn("leaver@bchg.test", PASSWORD)).statusCode).toBe(400);
      const history = await admin.get(`/complaints/${reference}`);
      expect(history.statusCode).toBe(200);
      expect(history.body).toContain("Lee Leaver");
      expect((await admin.get(`/admin/users/${id}`)).statusCode).toBe(404);
    });

    it("refuses an administrator removing their own account or changing their own role", async () => {
      const admin = await signedIn("admin@bchg.test");
      const self = ids["admin@bchg.test"];
      await admin.get(`/admin/users/${self}/remove`);
      const removal = await admin.post(`/admin/users/${self}/remove`, {});
      expect(removal.statusCode).toBe(422);
      expect(removal.body).toContain('href="#form"');
      expect(removal.body).toContain("You cannot remove your own account.");
      const demotion = await admin.post(`/admin/users/${self}/role`, { role: "handler" });
      expect(demotion.statusCode).toBe(422);
      expect(demotion.body).toContain("You cannot change your own role.");
      expect((await admin.get("/admin/users")).statusCode).toBe(200); // still an administrator
    });

    it("hides another organisation's users behind a plain 404", async () => {
      const admin = await signedIn("admin@bchg.test");
      const theirs = ids["admin@bdht.test"];
      for (const url of [
        `/admin/users/${theirs}`,
        `/admin/users/${theirs}/remove`,
        "/admin/users/not-a-uuid",
      ]) {
        const page = await admin.get(url);
        expect(page.statusCode, url).toBe(404);
        expect(page.body).not.toContain("Other Admin");
      }
      await admin.get("/admin/users");
      expect((await admin.post(`/admin/users/${theirs}/role`, { role: "agent" })).statusCode).toBe(404);
      expect((await admin.post(`/admin/users/${theirs}/remove`, {})).statusCode).toBe(404);
      const { rows } = await test.db.query("SELECT role FROM users WHERE id = $1", [theirs]);
      expect(rows).toEqual([{ role: "admin" }]);
    });
  });

  describe("policy pack", () => {
    it("shows the pack in force with its citations, the Code check and the complaints pinned to it", async () => {
      const admin = await signedIn("admin@bchg.test");
      const page = await admin.get("/admin/policy");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Customer Complaint Policy");
      expect(page.body).toContain("Black Country Housing Group (BCHG)");
      expect(page.body).toContain("bchg, version 1.0.0");
      expect(page.body).toContain("Monday 1 April 2024");
      expect(page.body).toContain("Stage 2: Review");
      expect(page.body).toContain("At most 10 working days in all.");
      expect(page.body).toContain(
        "paragraph 7.3 Summary of approach, Stage 1 row: <q>Acknowledge within 5</q>",
      );
      expect(page.body).toContain("The issue is, or has been, subject to legal proceedings.");
      expect(page.body).toContain("the right to take the decision to Ombudsman");
      expect(page.body).toContain("0300 111 3000");
      expect(page.body).toContain("What the Stage 1 clocks run from");
      // The linter's warning about the 7-working-day escalation window, with its Code paragraph.
      expect(page.body).toMatch(/Warning\s*<\/strong>\s*<\/td>\s*<td class="govuk-table__cell">5.11<\/td>/);
      expect(page.body).toContain("window to escalate");
      expect(page.body).toMatch(/bchg 1.0.0 \(in force\)<\/td>\s*<td[^>]*>1<\/td>/);
    });
  });

  describe("calendar", () => {
    it("closes a day: running complaints' own targets move, the change is recorded, and the closure is flagged", async () => {
      const admin = await signedIn("admin@bchg.test");
      const before = await admin.get("/admin/calendar");
      expect(before.body).toContain("The calendar has not been changed.");
      expect(before.body).toContain("The Complaint Handling Code does not provide for closure days.");
      // Received Mon 2 Nov: acknowledgement due Mon 9 Nov; a closure on Thu 5 Nov moves the target to Tue 10 Nov.
      expect((await admin.get(`/complaints/${reference}`)).body).not.toContain("Tuesday 10 November 2026");
      await admin.get("/admin/calendar");
      const done = await admin.post("/admin/calendar/close", { date: "2026-11-05", reason: "Office move" });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe("/admin/calendar?done=1");
      const page = await admin.get(done.headers.location as string);
      expect(page.body).toContain("Calendar changed. 1 complaint recomputed");
      expect(page.body).toContain("Thursday 5 November 2026");
      expect(page.body).toContain("Not in the Code");
      expect(page.body).toContain("Closure declared on 2026-11-05 (Office move).");
      expect(page.body).toContain("admin@bchg.test");
      expect((await admin.get(`/complaints/${reference}`)).body).toContain("Tuesday 10 November 2026");
    });

    it("refuses a closure without a real date at its field, keeping the reason typed", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/calendar");
      const page = await admin.post("/admin/calendar/close", {
        date: "2026-02-30",
        reason: "Staff <b>training</b>",
      });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('href="#close-date"');
      expect(page.body).toContain("Enter a real date, like 2026-12-29");
      expect(page.body).toContain('value="Staff &lt;b&gt;training&lt;/b&gt;"');
    });

    it("refuses to reopen a day that is not closed", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/calendar");
      const page = await admin.post("/admin/calendar/reopen", { date: "2026-11-06" });
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain('href="#reopen-date"');
      expect(page.body).toContain("There is no closure declared on Friday 6 November 2026.");
    });

    it("reopens a day, and adds and removes bank holidays", async () => {
      const admin = await signedIn("admin@bchg.test");
      await admin.get("/admin/calendar");
      expect((await admin.post("/admin/calendar/reopen", { date: "2026-11-05" })).statusCode).toBe(303);
      const added = await admin.post("/admin/calendar/add-bank-holiday", {
        date: "2027-06-07",
        name: "One-off bank holiday",
      });
      expect(added.statusCode).toBe(303);
      let page = await admin.get("/admin/calendar");
      expect(page.body).toContain("Added: Monday 7 June 2027, One-off bank holiday");
      expect(page.body).not.toContain("Not in the Code</strong>");
      const removed = await admin.post("/admin/calendar/remove-bank-holiday", { date: "2026-12-28" });
      expect(removed.statusCode).toBe(303);
      page = await admin.get("/admin/calendar");
      expect(page.body).toContain("Removed: Monday 28 December 2026");
      expect(page.body).toContain("Bank holiday on 2026-12-28 removed.");
      const notOne = await admin.post("/admin/calendar/remove-bank-holiday", { date: "2026-12-30" });
      expect(notOne.statusCode).toBe(422);
      expect(notOne.body).toContain("Wednesday 30 December 2026 is not a bank holiday in this calendar.");
    });
  });
});
