import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";
import type { TrustedProxies } from "../../config.ts";

const PASSWORD = "correct horse battery";

describe("staff workspace routes", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let ours: string;
  let theirs: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    const roles: UserRole[] = ["handler", "executive", "complaints-team"];
    for (const role of roles) {
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: `Pat ${role}`,
        role,
        password: PASSWORD,
      });
    }
    await addUser(services, {
      organisationId: "bdht",
      email: "handler@bdht.test",
      name: "Sam",
      role: "handler",
      password: PASSWORD,
    });
    const complaint = (organisationId: string, description: string) =>
      logComplaint(
        services,
        {
          organisationId,
          receivedOn: "2026-11-02",
          channel: "phone",
          description,
          resident: { name: "Ada <b>Resident</b>", contactPreferences: { noPhoneCalls: true } },
          definition: {
            issues: [{ id: "1", summary: "Repair not done" }],
            outcomesSought: ["Do the repair"],
          },
        },
        "agent@test",
      );
    ours = (await complaint("bchg", "Mould <script>alert('x')</script> in the bedroom")).reference;
    theirs = (await complaint("bdht", "A different landlord's complaint")).reference;
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (role: UserRole, org = "bchg") => {
    const client = new WebClient(app);
    const response = await client.signIn(`${role}@${org}.test`, PASSWORD);
    expect(response.statusCode).toBe(303);
    return client;
  };

  it("sends visitors to sign in, and refuses a wrong password with a GOV.UK error summary", async () => {
    const client = new WebClient(app);
    expect((await client.get("/caseload")).headers.location).toBe("/sign-in?next=%2Fcaseload");
    const wrong = await client.signIn("handler@bchg.test", "wrong password");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("govuk-error-summary");
    expect(wrong.body).toContain("The email address or password is not right.");
    expect(wrong.body).toContain('value="handler@bchg.test"'); // what was typed is kept
  });

  it("throttles sign-in attempts from one address", async () => {
    const throttled = await buildApp(testServices(test.db), { signInAttemptsPerMinute: 3 });
    const client = new WebClient(throttled);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.signIn("handler@bchg.test", "guess")).statusCode);
    expect(statuses).toEqual([400, 400, 400, 429]);
    await throttled.close();
  });

  it("counts sign-in attempts by the connection's address unless a proxy in front is trusted (REDRESS_TRUST_PROXY)", async () => {
    const attempts = async (options: { trustProxy?: TrustedProxies }) => {
      const app = await buildApp(testServices(test.db), { signInAttemptsPerMinute: 2, ...options });
      const statuses = [];
      for (let i = 1; i <= 3; i++) {
        const response = await app.inject({
          method: "POST",
          url: "/sign-in",
          headers: { "x-forwarded-for": `203.0.113.${i}` },
          payload: { email: "handler@bchg.test", password: "guess" },
        });
        statuses.push(response.statusCode);
      }
      await app.close();
      return statuses;
    };
    // A made-up X-Forwarded-For on each request does not buy a fresh allowance...
    expect((await attempts({})).at(-1)).toBe(429);
    // ...but behind a trusted proxy each visitor's own address is counted.
    expect(await attempts({ trustProxy: (_address, hop) => hop < 1 })).not.toContain(429);
  });

  it("refuses a form without its CSRF token", async () => {
    const client = new WebClient(app);
    await client.get("/sign-in");
    const response = await client.post(
      "/sign-in",
      { email: "handler@bchg.test", password: PASSWORD },
      { csrf: "forged" },
    );
    expect(response.statusCode).toBe(403);
  });

  it("sends security headers", async () => {
    const response = await new WebClient(app).get("/sign-in");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("signs out: the session ends at once", async () => {
    const client = await signedIn("handler");
    expect((await client.get("/caseload")).statusCode).toBe(200);
    expect((await client.post("/sign-out", {})).headers.location).toBe("/sign-in");
    expect((await client.get("/caseload")).statusCode).toBe(303);
  });

  it("shows the caseload of the user's own organisation only, sorted by deadline, with counts", async () => {
    const client = await signedIn("handler");
    const page = await client.get("/caseload");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ours);
    expect(page.body).not.toContain(theirs);
    expect(page.body).toMatch(/Overdue \(0\)/);
    expect(page.body).toContain("Ada &lt;b&gt;Resident&lt;/b&gt;");
  });

  it("shows a case with its clocks and why, and complaint text as text", async () => {
    const client = await signedIn("executive");
    const page = await client.get(`/complaints/${ours}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Why these dates");
    // Received Mon 2 Nov 2026: 5 working days → Mon 9 Nov.
    expect(page.body).toContain("Monday 9 November 2026");
    expect(page.body).toContain("Mould &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; in the bedroom");
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).toContain("No phone calls");
  });

  it("hides other organisations' cases behind a plain 404", async () => {
    const client = await signedIn("complaints-team");
    const page = await client.get(`/complaints/${theirs}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain("A different landlord");
    await client.get(`/complaints/${ours}`);
    expect((await client.post(`/complaints/${theirs}/acknowledge`, { stage: 1 })).statusCode).toBe(404);
  });

  it("acknowledges a complaint and shows the new response clock", async () => {
    const client = await signedIn("handler");
    await client.get(`/complaints/${ours}`);
    const done = await client.post(`/complaints/${ours}/acknowledge`, { stage: 1 });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/complaints/${ours}?done=acknowledge`);
    const page = await client.get(done.headers.location as string);
    expect(page.body).toContain("Saved: acknowledge");
    // Acknowledged Mon 9 Nov: 10 working days → Mon 23 Nov.
    expect(page.body).toContain("Monday 23 November 2026");
  });

  it("shows a validation error at the field, keeping what was typed", async () => {
    const client = await signedIn("handler");
    await client.get(`/complaints/${ours}`);
    const page = await client.post(`/complaints/${ours}/extend`, {
      stage: 1,
      workingDays: "ten",
      reason: "Waiting for a survey",
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#extend-workingDays"');
    expect(page.body).toContain("Enter the number of working days as a number");
    expect(page.body).toContain("Waiting for a survey");
  });

  it("shows a broken rule in words at the field", async () => {
    const client = await signedIn("handler");
    await client.get(`/complaints/${ours}`);
    const page = await client.post(`/complaints/${ours}/extend`, {
      stage: 1,
      workingDays: 15,
      reason: "Complex",
    });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('href="#extend-goodReason"');
    expect(page.body).toContain("the limit without good reason is 10");
  });

  it("records findings and responds: every issue needs a finding and a reason, and an upheld one a remedy", async () => {
    const client = await signedIn("handler");
    await client.get(`/complaints/${ours}`);
    const missing = await client.post(`/complaints/${ours}/respond`, {
      "finding-1": "upheld",
      learning: "Check repairs",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#respond-reason-1"');
    expect(missing.body).toContain("Give the reason for the finding on “Repair not done”");

    const noRemedy = await client.post(`/complaints/${ours}/respond`, {
      "finding-1": "upheld",
      "reason-1": "The repair was missed twice",
      learning: "Check repairs",
    });
    expect(noRemedy.statusCode).toBe(422);
    expect(noRemedy.body).toContain('href="#respond-remedies"');
    expect(noRemedy.body).toContain("record at least one remedy (Code 7.1)");
    expect(noRemedy.body).toContain("The repair was missed twice"); // kept

    const done = await client.post(`/complaints/${ours}/respond`, {
      "finding-1": "upheld",
      "reason-1": "The repair was missed twice",
      "remedy1-type": "financial",
      "remedy1-description": "Compensation for the delay",
      "remedy1-amount": "75.50",
      "action1-description": "Complete the repair",
      "action1-owner": "Repairs manager",
      "action1-due": "2026-11-20",
      learning: "Missed appointments are followed up the next day",
    });
    expect(done.statusCode).toBe(303);
    const page = await client.get(done.headers.location as string);
    expect(page.body).toContain("Stage 1: responded");
    expect(page.body).toContain("Record the resident&#39;s request to escalate to Stage 2");
  });

  it("logs a phone complaint made by a representative, and refuses an incomplete one keeping what was typed", async () => {
    const client = await signedIn("handler");
    expect((await client.get("/complaints/new")).statusCode).toBe(200);
    const incomplete = await client.post("/complaints/new", {
      receivedOn: "2026-11-09",
      channel: "phone",
      category: "repairs",
      description: "The <em>boiler</em> is broken",
      residentName: "Bea Resident",
      raisedBy: "representative",
      representativeName: "Cal Advocate",
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('href="#representativeAuthority"');
    expect(incomplete.body).toContain("The &lt;em&gt;boiler&lt;/em&gt; is broken");

    const logged = await client.post("/complaints/new", {
      receivedOn: "2026-11-09",
      channel: "phone",
      category: "repairs",
      description: "The boiler is broken",
      residentName: "Bea Resident",
      residentNoPhoneCalls: "yes",
      raisedBy: "representative",
      representativeName: "Cal Advocate",
      representativeAuthority: "in writing",
      definitionIssues: "Boiler not repaired\nNo one called back",
      definitionOutcomesSought: "Repair the boiler",
    });
    expect(logged.statusCode).toBe(303);
    const page = await client.get(logged.headers.location as string);
    expect(page.body).toContain("Cal Advocate");
    expect(page.body).toContain("No one called back");
    expect(page.body).toContain("No phone calls");
    // Received Mon 9 Nov 2026: acknowledgement due 5 working days later, Mon 16 Nov.
    expect(page.body).toContain("Monday 16 November 2026");
  });

  it("refuses a receipt date in the future, at its field", async () => {
    const client = await signedIn("handler");
    await client.get("/complaints/new");
    const response = await client.post("/complaints/new", {
      receivedOn: "2026-12-01",
      channel: "email",
      category: "repairs",
      description: "x",
      residentName: "Bea",
      raisedBy: "resident",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#receivedOn"');
    expect(response.body).toContain("That date is in the future");
  });

  it("lets an executive read but not change anything", async () => {
    const client = await signedIn("executive");
    await client.get(`/complaints/${ours}`);
    const response = await client.post(`/complaints/${ours}/withdraw`, {});
    expect(response.statusCode).toBe(403);
    expect((await client.get("/complaints/new")).statusCode).toBe(403);
    expect(response.body).toContain("Your role does not allow this.");
  });
});
