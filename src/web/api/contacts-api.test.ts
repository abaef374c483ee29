import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anApiWorld, call, type ApiWorld } from "../../../test/support/api.ts";
import { logContact } from "../../app/log-contact.ts";
import { updateContact } from "../../app/update-contact.ts";
import { CONTACT_ACTIONS } from "../actions/contact-actions.ts";

const NOW = "2026-12-15T10:00:00Z";
const TODAY = "2026-12-15";

type Fixture = "complaint" | "anonymous" | "feedback" | "compliment" | "early-resolution" | "closed";

interface Row {
  success: { on: Fixture; body: unknown; event: string; check?: (contact: ContactJson) => void };
  invalid: { body: unknown; field: string };
  rule: { on: Fixture; body: unknown; code: string; field?: string };
}

interface ContactJson {
  status: string;
  complaintRefs: string[];
  events: { type: string; recordedBy: string }[];
}

/** Every contact action, each with a real success, a validation error and a broken rule. */
const ROWS: Record<string, Row> = {
  "record-offer-to-complain": {
    success: { on: "complaint", body: { residentChose: "not-now" }, event: "offer-to-complain-recorded" },
    invalid: { body: { residentChose: "maybe" }, field: "residentChose" },
    rule: { on: "closed", body: { residentChose: "not-now" }, code: "CONTACT_CLOSED" },
  },
  "start-early-resolution": {
    success: {
      on: "complaint",
      body: {},
      event: "early-resolution-started",
      check: (c) => expect(c.status).toBe("early-resolution"),
    },
    invalid: { body: ["now"], field: "body" },
    rule: { on: "compliment", body: {}, code: "NOT_A_CONCERN" },
  },
  "resolve-early": {
    success: {
      on: "early-resolution",
      body: { howResolved: "Replaced the washer the same day" },
      event: "resolved-early",
      check: (c) => expect(c.status).toBe("resolved-early"),
    },
    invalid: { body: { howResolved: " " }, field: "howResolved" },
    rule: { on: "complaint", body: { howResolved: "x" }, code: "EARLY_RESOLUTION_NOT_STARTED" },
  },
  "raise-complaint": {
    success: {
      on: "complaint",
      body: { category: "repairs", definition: { issues: ["Tap leaks"], outcomesSought: ["Fix it"] } },
      event: "complaint-raised",
      check: (c) => expect(c.complaintRefs).toEqual([expect.stringMatching(/^BCHG-2026-\d{6}$/)]),
    },
    invalid: { body: { category: "weather" }, field: "category" },
    rule: { on: "anonymous", body: { category: "repairs" }, code: "RESIDENT_REQUIRED", field: "resident" },
  },
  "close-contact": {
    success: {
      on: "feedback",
      body: {},
      event: "contact-closed",
      check: (c) => expect(c.status).toBe("closed"),
    },
    invalid: { body: "x", field: "body" },
    rule: { on: "complaint", body: {}, code: "OFFER_TO_COMPLAIN_REQUIRED" },
  },
};

describe("contacts through the API", () => {
  let world: ApiWorld;
  let theirs: string;
  const shared = new Map<Fixture, string>();

  async function fixture(on: Fixture, organisationId = "bchg"): Promise<string> {
    const { services } = world;
    const actor = "agent@example.org";
    const kind =
      on === "feedback" || on === "closed" ? "feedback" : on === "compliment" ? "compliment" : "complaint";
    const { contactId } = await logContact(
      services,
      {
        organisationId,
        on: TODAY,
        kind,
        channel: "phone",
        summary: `A ${kind} from a resident`,
        dissatisfactionExpressed: kind === "complaint",
        ...(on === "anonymous" ? {} : { resident: { name: "Ruth Resident" } }),
      },
      actor,
    );
    const update = (command: Parameters<typeof updateContact>[1]["command"]) =>
      updateContact(services, { organisationId, contactId, command }, actor);
    if (on === "early-resolution") await update({ type: "start-early-resolution", on: TODAY });
    if (on === "closed") await update({ type: "close-contact", on: TODAY });
    return contactId;
  }

  async function sharedFixture(on: Fixture): Promise<string> {
    const existing = shared.get(on) ?? (await fixture(on));
    shared.set(on, existing);
    return existing;
  }

  beforeAll(async () => {
    world = await anApiWorld(NOW);
    theirs = await fixture("complaint", "bdht");
  });
  afterAll(() => world.close());

  it("has a row for every contact action", () => {
    expect(Object.keys(ROWS).sort()).toEqual(Object.keys(CONTACT_ACTIONS).sort());
  });

  describe.each(Object.entries(ROWS))("%s", (name, row) => {
    const url = (id: string) => `/api/v1/contacts/${id}/${name}`;

    it("succeeds and returns the contact after the change", async () => {
      const id = await fixture(row.success.on);
      const response = await call(world.app, "POST", url(id), {
        token: world.tokens.agent,
        body: row.success.body,
      });
      expect(response.statusCode, response.body).toBe(200);
      const contact = response.json();
      expect(contact.id).toBe(id);
      expect(contact.events.at(-1)).toMatchObject({ type: row.success.event, recordedBy: "api:hms-agent" });
      row.success.check?.(contact);
    });

    it("refuses a body its schema does not accept: 400 with the field", async () => {
      const id = await sharedFixture(row.success.on);
      const response = await call(world.app, "POST", url(id), {
        token: world.tokens.agent,
        body: row.invalid.body,
      });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.fields[row.invalid.field], JSON.stringify(error.fields)).toEqual(expect.any(String));
    });

    it("refuses what breaks a rule: 422 with the domain code", async () => {
      const id = await sharedFixture(row.rule.on);
      const before = (
        await call(world.app, "GET", `/api/v1/contacts/${id}`, { token: world.tokens.agent })
      ).json();
      const response = await call(world.app, "POST", url(id), {
        token: world.tokens.agent,
        body: row.rule.body,
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error).toMatchObject({
        status: 422,
        code: row.rule.code,
        ...(row.rule.field ? { field: row.rule.field } : {}),
      });
      const after = (
        await call(world.app, "GET", `/api/v1/contacts/${id}`, { token: world.tokens.agent })
      ).json();
      expect(after).toEqual(before);
    });

    it("refuses an executive (reads only): 403", async () => {
      const id = await sharedFixture(row.success.on);
      const response = await call(world.app, "POST", url(id), {
        token: world.tokens.executive,
        body: row.success.body,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
    });

    it("answers another organisation's contact, or none, with the same 404", async () => {
      const other = await call(world.app, "POST", url(theirs), {
        token: world.tokens.agent,
        body: row.success.body,
      });
      const none = await call(world.app, "POST", url("00000000-0000-4000-8000-000000000000"), {
        token: world.tokens.agent,
        body: row.success.body,
      });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual(none.json());
      expect(other.body).not.toContain(theirs);
    });

    it("refuses a missing or revoked token: 401", async () => {
      const id = await sharedFixture(row.success.on);
      for (const token of [undefined, world.tokens.revoked]) {
        const response = await call(world.app, "POST", url(id), { token, body: row.success.body });
        expect(response.statusCode).toBe(401);
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      }
    });
  });

  it("logs a contact (201) and gets it back, text verbatim", async () => {
    const body = {
      kind: "service-request",
      channel: "email",
      summary: "Tap <b>drips</b> & the sink is <script>slow</script>",
      dissatisfactionExpressed: false,
      resident: { name: "Omar Resident", postcode: "B66 1AA" },
    };
    const response = await call(world.app, "POST", "/api/v1/contacts", { token: world.tokens.agent, body });
    expect(response.statusCode, response.body).toBe(201);
    const contact = response.json();
    expect(response.headers.location).toBe(`/api/v1/contacts/${contact.id}`);
    expect(contact).toMatchObject({
      kind: "service-request",
      status: "open",
      summary: body.summary,
      loggedOn: TODAY,
      resident: { name: "Omar Resident", postcode: "B66 1AA" },
    });
    expect(contact).not.toHaveProperty("organisationId");
    const fetched = await call(world.app, "GET", `/api/v1/contacts/${contact.id}`, {
      token: world.tokens.executive,
    });
    expect(fetched.json()).toEqual(contact);
  });

  it("refuses a contact with missing fields (400), or from an executive (403), or without a token (401)", async () => {
    const bad = await call(world.app, "POST", "/api/v1/contacts", {
      token: world.tokens.agent,
      body: { kind: "gossip", channel: "email", resident: { name: "" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      "dissatisfactionExpressed",
      "kind",
      "resident.name",
      "summary",
    ]);
    const body = { kind: "feedback", channel: "email", summary: "Thanks", dissatisfactionExpressed: false };
    expect(
      (await call(world.app, "POST", "/api/v1/contacts", { token: world.tokens.executive, body })).statusCode,
    ).toBe(403);
    expect((await call(world.app, "POST", "/api/v1/contacts", { body })).statusCode).toBe(401);
  });

  it("runs an action without inputs sent with no body at all", async () => {
    const id = await fixture("complaint");
    const response = await world.app.inject({
      method: "POST",
      url: `/api/v1/contacts/${id}/start-early-resolution`,
      headers: { authorization: `Bearer ${world.tokens.agent}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe("early-resolution");
  });

  it("lists contacts with filters and paging, only the organisation's own", async () => {
    const list = async (query: string) =>
      (await call(world.app, "GET", `/api/v1/contacts${query}`, { token: world.tokens.executive })).json();
    const all = await list("");
    expect(all.total).toBeGreaterThan(3);
    expect(all.items.map((c: { id: string }) => c.id)).not.toContain(theirs);
    const closed = await list("?status=closed");
    expect(closed.items.length).toBeGreaterThan(0);
    expect(closed.items.every((c: { status: string }) => c.status === "closed")).toBe(true);
    const compliments = await list("?kind=compliment&limit=1");
    expect(compliments.items).toHaveLength(1);
    expect(compliments.items[0].kind).toBe("compliment");
    const bad = await call(world.app, "GET", "/api/v1/contacts?kind=gossip", { token: world.tokens.agent });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.kind).toBe("Choose a kind of contact");
  });

  it("answers a contact id that is not a UUID, another organisation's, or none, with the same 404", async () => {
    const responses = await Promise.all(
      ["not-a-uuid", theirs, "00000000-0000-4000-8000-000000000000"].map((id) =>
        call(world.app, "GET", `/api/v1/contacts/${id}`, { token: world.tokens.agent }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
  });
});
