import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { logComplaint } from "../../app/log-complaint.ts";
import { USER_ROLES, type UserRole } from "../../domain/access/roles.ts";
import { mailDelivery } from "../../jobs/mail/mail-delivery.ts";
import { deliverDueMessages, DEFAULT_DELIVERY_OPTIONS } from "../../jobs/outbox-worker.ts";
import { enqueueOutbox } from "../../store/outbox.ts";
import { legacyAcknowledgementNotice } from "../../../test/support/legacy-notices.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const SCRIPT = "<script>alert('x')</script>";

describe("the sent mail page", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
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
      email: "complaints-team@bdht.test",
      name: "Sam",
      role: "complaints-team",
      password: PASSWORD,
    });
    const acknowledged = async (
      organisationId: string,
      resident: { name: string } & Record<string, unknown>,
    ) => {
      const { reference } = await logComplaint(
        services,
        {
          organisationId,
          receivedOn: "2026-11-02",
          channel: "phone",
          description: "Leak",
          resident,
          definition: { issues: [{ id: "1", summary: "Leak" }], outcomesSought: ["Fix it"] },
        },
        "agent@test",
      );
      // A notice written before letters were documents: such rows must still go out and show here.
      await legacyAcknowledgementNotice(test.db, organisationId, reference);
      return reference;
    };
    const emailed = await acknowledged("bchg", { name: `Ada ${SCRIPT}`, email: "ada@example.org" });
    const posted = await acknowledged("bchg", {
      name: "Bob Post",
      address: "2 Low Road",
      postcode: "BS2 2BB",
      contactPreferences: { letters: "post" },
    });
    const theirs = await acknowledged("bdht", { name: "Their Resident", email: "their@example.org" });
    await test.db.transaction((tx) =>
      enqueueOutbox(tx, "bchg", [
        {
          idempotencyKey: "bad-link",
          kind: "portal-link",
          payload: { to: "nowhere", name: "X", reference: emailed },
        },
      ]),
    );
    await deliverDueMessages(
      services,
      mailDelivery(services, { mailer: null, from: null }),
      DEFAULT_DELIVERY_OPTIONS,
    );
    const idOf = async (reference: string, kind: string) =>
      (
        await test.db.query<{ id: number }>(
          "SELECT id::integer AS id FROM outbox WHERE payload->>'reference' = $1 AND kind = $2",
          [reference, kind],
        )
      ).rows[0]!.id;
    ids.emailed = await idOf(emailed, "resident-notification");
    ids.posted = await idOf(posted, "resident-notification");
    ids.dead = await idOf(emailed, "portal-link");
    ids.theirs = await idOf(theirs, "resident-notification");
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  const signedIn = async (role: UserRole, org = "bchg") => {
    const client = new WebClient(app);
    expect((await client.signIn(`${role}@${org}.test`, PASSWORD)).statusCode).toBe(303);
    return client;
  };

  it("is for the complaints team and administrators only, and in their navigation only", async () => {
    expect((await new WebClient(app).get("/sent-mail")).headers.location).toBe("/sign-in?next=%2Fsent-mail");
    for (const role of ["agent", "handler", "reviewer", "executive"] as const) {
      const client = await signedIn(role);
      expect((await client.get("/caseload")).body).not.toContain('href="/sent-mail"');
      expect((await client.get("/sent-mail")).statusCode, role).toBe(403);
      expect((await client.get(`/sent-mail/${ids.emailed}`)).statusCode, role).toBe(403);
      expect((await client.post(`/sent-mail/${ids.dead}/send-again`, {})).statusCode, role).toBe(403);
    }
    for (const role of ["complaints-team", "admin"] as const) {
      const client = await signedIn(role);
      expect((await client.get("/caseload")).body).toContain('href="/sent-mail"');
      expect((await client.get("/sent-mail")).statusCode, role).toBe(200);
    }
  });

  it("lists the organisation's own messages only: not delivered with the reason, the print queue, and what was kept", async () => {
    const client = await signedIn("complaints-team");
    const page = await client.get("/sent-mail");
    expect(page.body).toMatch(/<h2[^>]*id="not-delivered"/);
    expect(page.body).toContain("This portal-link message&#39;s details cannot be read");
    expect(page.body).toContain(`action="/sent-mail/${ids.dead}/send-again"`);
    expect(page.body).toContain(`action="/sent-mail/${ids.posted}/mark-posted"`);
    expect(page.body).toContain("Bob Post, 2 Low Road, BS2 2BB");
    expect(page.body).toContain(`href="/sent-mail/${ids.emailed}"`);
    expect(page.body).toContain(
      "Ada &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;ada@example.org&gt;",
    );
    expect(page.body).not.toContain(SCRIPT);
    expect(page.body).toContain("Kept here, not sent");
    expect(page.body).not.toContain("their@example.org");

    expect((await client.get(`/sent-mail/${ids.theirs}`)).statusCode).toBe(404);
    expect((await client.get("/sent-mail/not-a-number")).statusCode).toBe(404);
    expect((await client.post(`/sent-mail/${ids.theirs}/mark-posted`, {})).statusCode).toBe(404);
    expect((await client.post(`/sent-mail/${ids.emailed}/delete`, {})).statusCode).toBe(404);
    const other = await signedIn("complaints-team", "bdht");
    expect((await other.get("/sent-mail")).body).toContain("their@example.org");
  });

  it("shows a message with who it went to, its subject and its words, escaped", async () => {
    const client = await signedIn("admin");
    const page = await client.get(`/sent-mail/${ids.emailed}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1[^>]*>Your complaint BCHG-2026-\d+: we have received it<\/h1>/);
    expect(page.body).toContain("Dear Ada &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,");
    expect(page.body).not.toContain(SCRIPT);
    expect(page.body).toContain("Message-ID");
    expect(page.body).not.toContain("Send again");
  });

  it("sends a dead message again (with its CSRF token), and marks a letter as posted once", async () => {
    const client = await signedIn("complaints-team");
    await client.get("/sent-mail");
    expect((await client.post(`/sent-mail/${ids.dead}/send-again`, {}, { csrf: "forged" })).statusCode).toBe(
      403,
    );
    const again = await client.post(`/sent-mail/${ids.dead}/send-again`, {});
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/sent-mail?done=send-again");
    const status = await test.db.query("SELECT status, attempts FROM outbox WHERE id = $1", [ids.dead]);
    expect(status.rows[0]).toEqual({ status: "pending", attempts: 0 });
    expect((await client.get("/sent-mail?done=send-again")).body).toContain("will be sent again");
    // No longer dead: a second press finds nothing to send again.
    expect((await client.post(`/sent-mail/${ids.dead}/send-again`, {})).statusCode).toBe(404);

    await client.get(`/sent-mail/${ids.posted}`);
    const posted = await client.post(`/sent-mail/${ids.posted}/mark-posted`, { back: "message" });
    expect(posted.headers.location).toBe(`/sent-mail/${ids.posted}?done=mark-posted`);
    const shown = await client.get(`/sent-mail/${ids.posted}?done=mark-posted`);
    expect(shown.body).toContain("The letter is marked as posted.");
    expect(shown.body).toContain("by complaints-team@bchg.test");
    expect(shown.body).not.toContain("Mark as posted");
    expect((await client.get("/sent-mail")).body).toContain("Nothing is waiting to be posted.");
    expect((await client.post(`/sent-mail/${ids.posted}/mark-posted`, {})).statusCode).toBe(303);
  });
});
