import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anApiWorld, call, type ApiWorld } from "../../../test/support/api.ts";
import {
  COMPLAINT_ACTION_CASES,
  complaintAt,
  type Fixture,
} from "../../../test/support/complaint-action-cases.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import { NOW, ON } from "../../app/test-builders.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";

describe("every complaint action through the API", () => {
  let world: ApiWorld;
  let theirs: string;
  /** Read-only fixtures for requests that must change nothing (each is checked to be unchanged). */
  const shared = new Map<Fixture, string>();

  const fixture = (on: Fixture) => complaintAt(world.services, on);

  async function sharedFixture(on: Fixture): Promise<string> {
    const existing = shared.get(on);
    if (existing) return existing;
    const reference = await fixture(on);
    shared.set(on, reference);
    return reference;
  }

  const eventsOf = async (reference: string) =>
    (
      await call(world.app, "GET", `/api/v1/complaints/${reference}`, { token: world.tokens.executive })
    ).json().timeline.length;

  beforeAll(async () => {
    world = await anApiWorld(NOW);
    theirs = (
      await logComplaint(
        world.services,
        {
          organisationId: "bdht",
          receivedOn: ON.received,
          channel: "letter",
          description: "Another landlord's secret complaint",
          resident: { name: "Someone Else" },
          definition: { issues: [{ id: "1", summary: "x" }], outcomesSought: ["y"] },
        },
        "agent@bdht",
      )
    ).reference;
  });
  afterAll(() => world.close());

  it("has a row for every action, and no row for an action that does not exist", () => {
    expect(Object.keys(COMPLAINT_ACTION_CASES).sort()).toEqual(Object.keys(COMPLAINT_ACTIONS).sort());
  });

  describe.each(Object.entries(COMPLAINT_ACTION_CASES))("%s", (name, row) => {
    const url = (reference: string) => `/api/v1/complaints/${reference}/${name}`;

    it("succeeds, records the event by the token's name, and returns the complaint after the change", async () => {
      const reference = await fixture(row.success.on);
      const response = await call(world.app, "POST", url(reference), {
        token: world.tokens.admin,
        body: row.success.body,
      });
      expect(response.statusCode, response.body).toBe(200);
      const complaint = response.json();
      expect(complaint.reference).toBe(reference);
      expect(complaint.timeline.at(-1)).toMatchObject({
        recordedBy: "api:hms-admin",
        event: { type: row.success.event, on: "2026-12-15" },
      });
      row.success.check?.(complaint);
    });

    it("refuses a body its schema does not accept: 400 with the field", async () => {
      const reference = await sharedFixture(row.success.on);
      const before = await eventsOf(reference);
      const response = await call(world.app, "POST", url(reference), {
        token: world.tokens.admin,
        body: row.invalid.body,
      });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
      expect(error.fields[row.invalid.field], JSON.stringify(error.fields)).toEqual(expect.any(String));
      expect(await eventsOf(reference)).toBe(before);
    });

    it("refuses what breaks a rule of the process: 422 with the domain code", async () => {
      const reference = await sharedFixture(row.rule.on);
      const before = await eventsOf(reference);
      if (row.rule.clock) world.services.setNow(row.rule.clock);
      try {
        const response = await call(world.app, "POST", url(reference), {
          token: world.tokens.admin,
          body: row.rule.body,
        });
        expect(response.statusCode, response.body).toBe(422);
        expect(response.json().error).toMatchObject({
          status: 422,
          code: row.rule.code,
          message: expect.any(String),
          ...(row.rule.field ? { field: row.rule.field } : {}),
        });
      } finally {
        world.services.setNow(NOW);
      }
      expect(await eventsOf(reference)).toBe(before);
    });

    it("refuses a role that may not do it (executives read only): 403", async () => {
      const reference = await sharedFixture(row.success.on);
      const response = await call(world.app, "POST", url(reference), {
        token: world.tokens.executive,
        body: row.success.body,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
    });

    it("answers another organisation's complaint exactly as one that does not exist: 404", async () => {
      const other = await call(world.app, "POST", url(theirs), {
        token: world.tokens.admin,
        body: row.success.body,
      });
      const missing = await call(world.app, "POST", url("BCHG-2026-999999"), {
        token: world.tokens.admin,
        body: row.success.body,
      });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual(missing.json());
      expect(other.json().error.code).toBe("NOT_FOUND");
      expect(other.body).not.toContain(theirs);
      expect(other.body).not.toContain("secret");
    });

    it("refuses a missing or revoked token: 401 with the Bearer challenge", async () => {
      const reference = await sharedFixture(row.success.on);
      for (const token of [undefined, world.tokens.revoked, "not-a-token"]) {
        const response = await call(world.app, "POST", url(reference), { token, body: row.success.body });
        expect(response.statusCode).toBe(401);
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer realm="redress"/);
        expect(response.json().error.code).toBe("UNAUTHENTICATED");
      }
    });
  });

  it("checks the permission at the complaint's stage, as the staff pages do", async () => {
    const stage1 = await sharedFixture("defined");
    const asAgent = await call(world.app, "POST", `/api/v1/complaints/${stage1}/acknowledge`, {
      token: world.tokens.agent,
      body: { stage: 1 },
    });
    expect(asAgent.statusCode).toBe(403);
    // A Stage 2 decision needs a Stage 2 handler: a Stage 1 handler may not accept a late escalation.
    const late = await fixture("late-escalation");
    const asHandler = await call(world.app, "POST", `/api/v1/complaints/${late}/accept-late-escalation`, {
      token: world.tokens.handler,
      body: { reason: "x" },
    });
    expect(asHandler.statusCode).toBe(403);
    const asReviewer = await call(world.app, "POST", `/api/v1/complaints/${late}/accept-late-escalation`, {
      token: world.tokens.reviewer,
      body: { reason: "Accepted: the resident was in hospital" },
    });
    expect(asReviewer.statusCode).toBe(200);
  });

  it("answers an action that does not exist with a JSON 404", async () => {
    const reference = await sharedFixture("defined");
    const response = await call(world.app, "POST", `/api/v1/complaints/${reference}/approve`, {
      token: world.tokens.admin,
      body: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });
});
