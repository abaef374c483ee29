import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anApiWorld, call, type ApiWorld } from "../../../test/support/api.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { calendarFor, packVersion, requireOrganisation } from "../../app/complaint-context.ts";
import { aComplaint, NOW } from "../../app/test-builders.ts";
import { simulateComplaint } from "../../domain/complaint/simulate.ts";
import { listApiTokens } from "../../store/api-tokens.ts";
import { loadComplaintEvents } from "../../store/complaint-events.ts";
import { findComplaintIdentity } from "../../store/complaints.ts";
import { buildApp } from "../app.ts";

const RESIDENT_TEXT = "Mould <script>alert('x')</script> & damp in the <b>bedroom</b>";

const aNewComplaint = {
  receivedOn: "2026-12-14",
  channel: "phone",
  category: "damp-and-mould",
  description: RESIDENT_TEXT,
  resident: { name: "Ada <i>Resident</i>", email: "ada@example.org", adjustments: ["Large print"] },
  representative: { name: "Ben Advocate", relationship: "Son", authority: "In writing" },
  definition: { issues: ["Mould not treated"], outcomesSought: ["Treat the mould"] },
};

describe("complaints through the API", () => {
  let world: ApiWorld;
  let escalated: string;

  beforeAll(async () => {
    world = await anApiWorld(NOW);
    escalated = await aComplaint(world.services, "bchg", "escalated");
    await aComplaint(world.services, "bdht", "defined");
  });
  afterAll(() => world.close());

  const token = () => world.tokens["complaints-team"];

  it("logs a complaint (201): its reference, its clocks and where to find it; resident text comes back verbatim", async () => {
    const response = await call(world.app, "POST", "/api/v1/complaints", {
      token: token(),
      body: aNewComplaint,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers["content-type"]).toContain("application/json");
    const complaint = response.json();
    expect(complaint.reference).toMatch(/^BCHG-2026-\d{6}$/);
    expect(response.headers.location).toBe(`/api/v1/complaints/${complaint.reference}`);
    // Received Mon 14 Dec 2026: bchg acknowledges within 5 working days.
    expect(complaint.clocks["stage1.acknowledgement"]).toMatchObject({ due: "2026-12-21", state: "open" });
    expect(complaint.timeline[0].event.description).toBe(RESIDENT_TEXT);
    expect(complaint.timeline[0].recordedBy).toBe("api:hms-complaints-team");
    expect(complaint.resident).toMatchObject({ name: "Ada <i>Resident</i>", email: "ada@example.org" });
    expect(complaint.representative).toMatchObject({ name: "Ben Advocate", authority: "In writing" });
    expect(response.body).toContain(JSON.stringify(RESIDENT_TEXT));

    const fetched = await call(world.app, "GET", response.headers.location as string, { token: token() });
    expect(fetched.json()).toEqual(complaint);
  });

  it("refuses a complaint with missing or wrong fields: 400 with each field at its JSON path", async () => {
    const response = await call(world.app, "POST", "/api/v1/complaints", {
      token: token(),
      body: {
        ...aNewComplaint,
        channel: "pigeon",
        receivedOn: "14/12/2026",
        resident: { email: "not-an-email" },
      },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("INVALID_REQUEST");
    expect(Object.keys(error.fields).sort()).toEqual([
      "channel",
      "receivedOn",
      "resident.email",
      "resident.name",
    ]);
    expect(error.fields["resident.name"]).toBe("Enter the resident's name");
  });

  it("refuses a complaint that breaks a rule: 422 with the domain code and field", async () => {
    const response = await call(world.app, "POST", "/api/v1/complaints", {
      token: token(),
      body: { ...aNewComplaint, issueOn: "2026-10-01", awareOn: "2026-09-01" },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: "AWARE_BEFORE_ISSUE", field: "awareOn" });
  });

  it("lets executives read but not log: 403", async () => {
    const response = await call(world.app, "POST", "/api/v1/complaints", {
      token: world.tokens.executive,
      body: aNewComplaint,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(
      (await call(world.app, "GET", "/api/v1/complaints", { token: world.tokens.executive })).statusCode,
    ).toBe(200);
  });

  it("returns a complaint's clocks exactly as redress simulate gives them for its events, pack and today", async () => {
    const response = await call(world.app, "GET", `/api/v1/complaints/${escalated}`, { token: token() });
    expect(response.statusCode).toBe(200);
    const complaint = response.json();

    const db = world.test.db;
    const identity = await findComplaintIdentity(db, "bchg", escalated);
    if (!identity) throw new Error("the complaint was logged");
    const events = await loadComplaintEvents(db, "bchg", identity.id);
    const pack = await packVersion(db, identity.packId, identity.packVersion);
    const calendar = calendarFor(await requireOrganisation(db, "bchg"));
    const simulated = JSON.parse(JSON.stringify(simulateComplaint({ events }, pack, calendar, "2026-12-15")));

    expect(Object.keys(complaint.clocks)).toHaveLength(3);
    expect(complaint.clocks).toStrictEqual(simulated.clocks);
    expect(complaint.hazards).toStrictEqual(simulated.hazards);
    expect(complaint.findings).toStrictEqual(simulated.findings);
    expect({ stage: complaint.stage, status: complaint.status }).toEqual({
      stage: 2,
      status: "awaiting-acknowledgement",
    });
    expect(complaint.timeline.map((t: { event: unknown }) => t.event)).toStrictEqual(
      JSON.parse(JSON.stringify(events)),
    );
    expect(complaint.timeline.map((t: { seq: number }) => t.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it("answers another organisation's complaint, or none, with the same plain 404", async () => {
    const theirs = await call(world.app, "GET", "/api/v1/complaints/BDHT-2026-000001", { token: token() });
    const none = await call(world.app, "GET", "/api/v1/complaints/BCHG-2026-999999", { token: token() });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(none.json());
    expect(theirs.body).not.toContain("BDHT");
    // ... and the other organisation's token cannot see ours.
    const ours = await call(world.app, "GET", `/api/v1/complaints/${escalated}`, {
      token: world.tokens.otherOrganisation,
    });
    expect(ours.statusCode).toBe(404);
  });

  it("lists complaints with filters, paging and a total", async () => {
    await assignHandler(
      world.services,
      { organisationId: "bchg", reference: escalated, on: "2026-12-15", stage: 2, handler: "Rita Reviewer" },
      "officer@example.org",
    );
    const closed = await aComplaint(world.services, "bchg", "closed");
    const list = async (query: string) =>
      (await call(world.app, "GET", `/api/v1/complaints${query}`, { token: token() })).json();

    const all = await list("");
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((c: { reference: string }) => c.reference.startsWith("BCHG-"))).toBe(true);
    expect(all).toMatchObject({ limit: 50, offset: 0 });

    const page = await list("?limit=1&offset=1");
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(all.total);
    expect(page.items[0].reference).toBe(all.items[1].reference);

    expect((await list("?status=closed")).items.map((c: { reference: string }) => c.reference)).toEqual([
      closed,
    ]);
    expect(
      (await list("?status=running")).items.map((c: { reference: string }) => c.reference),
    ).not.toContain(closed);
    const stage2 = await list("?stage=2&handler=rita%20reviewer");
    expect(stage2.items.map((c: { reference: string }) => c.reference)).toEqual([escalated]);
    // Escalated on 10 November: the Stage 2 acknowledgement was due 5 working days later, long before today.
    expect(stage2.items[0]).toMatchObject({
      stage: 2,
      handlerStage2: "Rita Reviewer",
      nextClock: "stage2.acknowledgement",
      nextDue: "2026-11-17",
      overdue: true,
    });
    expect(
      (await list("?receivedFrom=2026-12-01")).items.every(
        (c: { receivedOn: string }) => c.receivedOn >= "2026-12-01",
      ),
    ).toBe(true);
    expect((await list("?receivedTo=2026-11-30&category=repairs")).total).toBe(0);
    // The caseload's filters.
    const overdue = await list("?filter=overdue");
    expect(overdue.items.map((c: { reference: string }) => c.reference)).toContain(escalated);
    expect(overdue.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    expect(overdue.total).toBeLessThan(all.total);
  });

  it("refuses a list query it does not understand: 400 with the parameter", async () => {
    const response = await call(world.app, "GET", "/api/v1/complaints?limit=0&stage=3&colour=red", {
      token: token(),
    });
    expect(response.statusCode).toBe(400);
    const { fields } = response.json().error;
    expect(Object.keys(fields).sort()).toEqual(["limit", "querystring", "stage"]);
    expect(fields.limit).toBe("Give limit as a whole number from 1 to 200");
  });

  it("needs a token that is known and not revoked: 401 with the Bearer challenge, and never uses a staff session", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: `Bearer ${world.tokens.revoked}` },
    ];
    for (const headers of attempts) {
      const response = await call(world.app, "GET", "/api/v1/complaints", { headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer realm="redress"/);
      expect(response.json().error.code).toBe("UNAUTHENTICATED");
    }
    const revoked = await call(world.app, "GET", "/api/v1/complaints", { token: world.tokens.revoked });
    expect(revoked.headers["www-authenticate"]).toContain('error="invalid_token"');

    await addUser(world.services, {
      organisationId: "bchg",
      email: "officer@bchg.test",
      name: "Officer",
      role: "admin",
      password: "correct horse battery",
    });
    const browser = new WebClient(world.app);
    expect((await browser.signIn("officer@bchg.test", "correct horse battery")).statusCode).toBe(303);
    expect((await browser.get("/caseload")).statusCode).toBe(200);
    expect((await browser.get("/api/v1/complaints")).statusCode).toBe(401);
  });

  it("records when a token was last used", async () => {
    const tokens = await listApiTokens(world.test.db, "bchg");
    const used = tokens.find((t) => t.name === "hms-complaints-team");
    const unused = tokens.find((t) => t.name === "hms-agent");
    expect(used?.lastUsedAt).toEqual(new Date(NOW));
    expect(unused?.lastUsedAt).toBeNull();
  });

  it("limits requests per token, not per caller address", async () => {
    const limited = await buildApp(world.services, { apiRequestsPerMinute: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await call(limited, "GET", "/api/v1/complaints?limit=1", { token: token() })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 429]);
      const tooMany = await call(limited, "GET", "/api/v1/complaints?limit=1", { token: token() });
      expect(tooMany.json().error).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      expect(tooMany.headers["retry-after"]).toBeDefined();
      // Another token, from the same address, is not held back.
      expect(
        (await call(limited, "GET", "/api/v1/complaints?limit=1", { token: world.tokens.admin })).statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("hides the internals of an unexpected failure: 500 with a plain message", async () => {
    const broken = await buildApp({
      ...world.services,
      clock: () => {
        throw new Error("clock exploded at /srv/secret");
      },
    });
    try {
      const response = await call(broken, "GET", `/api/v1/complaints`, { token: token() });
      expect(response.statusCode).toBe(500);
      expect(response.json().error).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
      expect(response.body).not.toContain("secret");
    } finally {
      await broken.close();
    }
  });
});
