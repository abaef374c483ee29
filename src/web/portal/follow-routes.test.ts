import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { storedMessageDelivery } from "../../adapters/delivery.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { sendFollowLink } from "../../app/send-follow-link.ts";
import { aComplaint, NOW } from "../../app/test-builders.ts";
import { foldComplaint } from "../../domain/complaint/state.ts";
import { deliverDueMessages } from "../../jobs/outbox-worker.ts";
import { loadComplaintEvents } from "../../store/complaint-events.ts";
import { findComplaintIdentity } from "../../store/complaints.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
const PUBLIC = "https://complaints.example.org";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("following a complaint through its emailed link", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let services: ReturnType<typeof testServices>;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, NOW); // Tuesday 15 December 2026
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    await addUser(services, {
      organisationId: "bchg",
      email: "asha@bchg.test",
      name: "Asha Patel",
      role: "handler",
      password: PASSWORD,
    });
    app = await buildApp(services, { publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  /** A link to follow the complaint, as the resident would get it: the path of the address in the email. */
  const linkFor = async (reference: string, organisationId = "bchg") => {
    await sendFollowLink(services, { organisationId, reference, publicUrl: PUBLIC }, "staff");
    const { rows } = await test.db.query(
      "SELECT payload->>'url' AS url FROM outbox WHERE kind = 'portal-link' AND payload->>'reference' = $1 ORDER BY id DESC LIMIT 1",
      [reference],
    );
    return String(rows[0]?.url).replace(PUBLIC, "");
  };
  const stateOf = async (reference: string) => {
    const identity = await findComplaintIdentity(test.db, "bchg", reference);
    if (!identity) throw new Error(reference);
    return foldComplaint(await loadComplaintEvents(test.db, "bchg", identity.id));
  };
  const staff = async () => {
    const client = new WebClient(app);
    expect((await client.signIn("asha@bchg.test", PASSWORD)).statusCode).toBe(303);
    return client;
  };

  it("shows its own complaint only: stage, status, dates in plain English and the handler's first name", async () => {
    const ours = await aComplaint(services, "bchg", "acknowledged");
    const other = await aComplaint(services, "bchg", "acknowledged");
    await assignHandler(
      services,
      { organisationId: "bchg", reference: ours, on: "2026-12-15", stage: 1, handler: "Asha Patel" },
      "t",
    );
    const path = await linkFor(ours);
    const page = await new WebClient(app).get(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const body = text(page.body);
    expect(body).toContain(`Your complaint ${ours}`);
    expect(body).not.toContain(other);
    expect(body).toContain("Stage 1 (General Complaints)");
    expect(body).toContain("We acknowledged your complaint on Tuesday 3 November 2026");
    // Acknowledged 3 November; BCHG responds within 10 working days: Tuesday 17 November, now passed.
    expect(body).toContain("We will send our Stage 1 answer by Tuesday 17 November 2026");
    expect(body).toContain(
      "We aim to send our Stage 1 answer within 10 working days of the day we acknowledge it (Tuesday 3 November 2026).",
    );
    expect(body).toContain("This date has passed.");
    expect(body).toContain("Dealt with by Asha ");
    expect(body).not.toContain("Patel");
    expect(body).not.toContain("asha@bchg.test");
    expect(body).toContain("Leak not fixed"); // the complaint definition
  });

  it("says in words when a link is unknown, expired or stopped, revealing nothing about the complaint", async () => {
    const reference = await aComplaint(services, "bchg", "defined");
    const path = await linkFor(reference);
    const token = path.split("/follow/")[1] ?? "";
    const client = new WebClient(app);
    const unknown = await client.get(`/o/bchg/follow/${"x".repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(text(unknown.body)).toContain("This link does not work");
    // Another organisation's address never opens this organisation's complaint.
    const elsewhere = await client.get(`/o/bdht/follow/${token}`);
    expect(elsewhere.statusCode).toBe(404);

    services.setNow("2027-03-16T09:00:00Z");
    const expired = await client.get(path);
    services.setNow(NOW);
    expect(expired.statusCode).toBe(410);
    expect(text(expired.body)).toContain("This link has expired");

    const handler = await staff();
    const casePage = await handler.get(`/complaints/${reference}`);
    const linkId = /name="linkId" value="([0-9a-f-]{36})"/.exec(casePage.body)?.[1] ?? "";
    const revoke = await handler.post(`/complaints/${reference}/revoke-portal-link`, { linkId });
    expect(revoke.statusCode).toBe(303);
    const stopped = await client.get(path);
    expect(stopped.statusCode).toBe(410);
    expect(text(stopped.body)).toContain("This link has been cancelled");
    for (const page of [unknown, elsewhere, expired, stopped]) {
      expect(page.body).not.toContain(reference);
      expect(page.body).not.toContain("Resident");
    }
    expect(text((await handler.get(`/complaints/${reference}`)).body)).toContain("Stopped");
  });

  it("emails a new link for an expired one, once, only to the address it was sent to, with the same answer either way", async () => {
    const reference = await aComplaint(services, "bchg", "defined");
    const path = await linkFor(reference);
    const count = async () =>
      Number(
        (
          await test.db.query(
            "SELECT count(*) AS n FROM outbox WHERE kind = 'portal-link' AND payload->>'reference' = $1",
            [reference],
          )
        ).rows[0]?.n,
      );
    services.setNow("2027-03-20T09:00:00Z");
    const client = new WebClient(app);
    await client.get(path);
    const wrong = await client.post(`${path}/renew`, { email: "someone@else.example" });
    const right = await client.post(`${path}/renew`, { email: "Resident@Example.org" });
    await client.post(`${path}/renew`, { email: "resident@example.org" });
    services.setNow(NOW);
    expect(text(wrong.body)).toContain("Check your email");
    expect(text(right.body).replace("Resident@Example.org", "someone@else.example")).toBe(
      text(wrong.body).replace(/csrf[^ ]*/g, ""),
    );
    expect(await count()).toBe(2);
  });

  it("carries messages both ways: the resident's (with a file) on the case page, the team's reply on the follow page and by email", async () => {
    const reference = await aComplaint(services, "bchg", "acknowledged");
    const path = await linkFor(reference);
    const resident = new WebClient(app);
    await resident.get(path);
    const sent = await resident.postForm(`${path}/messages`, { message: "The leak is <b>worse</b> now" }, [
      { field: "files", name: "leak.txt", content: Buffer.from("Photos to follow\n"), type: "text/plain" },
    ]);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${path}?done=message#messages`);

    const handler = await staff();
    const casePage = await handler.get(`/complaints/${reference}`);
    expect(casePage.body).toContain("The leak is &lt;b&gt;worse&lt;/b&gt; now");
    expect(casePage.body).toContain("leak.txt");
    const reply = await handler.post(`/complaints/${reference}/write-to-resident`, {
      body: "We will visit on Friday",
    });
    expect(reply.statusCode).toBe(303);

    const followed = text((await resident.get(path)).body);
    expect(followed).toContain("You wrote");
    expect(followed).toContain("Test landlord (bchg) complaints team wrote");
    expect(followed).toContain("We will visit on Friday");
    const { rows } = await test.db.query(
      "SELECT payload FROM outbox WHERE kind = 'resident-message' AND payload->>'reference' = $1",
      [reference],
    );
    expect(rows.map((r) => r.payload)).toEqual([
      {
        to: "resident@example.org",
        name: "Ms R Resident",
        reference,
        url: expect.stringContaining(`${PUBLIC}/o/bchg/follow/`),
        body: "We will visit on Friday",
      },
    ]);

    const empty = await resident.postForm(`${path}/messages`, { message: "" });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain("Write a message or choose a file to send");
    const refused = await resident.postForm(`${path}/messages`, { message: "See the zip" }, [
      { field: "files", name: "all.zip", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("“all.zip” was not added.");
    expect(refused.body).toContain("See the zip");
  });

  it("asks for Stage 2 with no reason, or with what is still wrong, only after the Stage 1 response", async () => {
    const early = await aComplaint(services, "bchg", "acknowledged");
    const earlyPath = await linkFor(early);
    const resident = new WebClient(app);
    expect(text((await resident.get(earlyPath)).body)).not.toContain("Ask for Stage 2");
    const notYet = await resident.get(`${earlyPath}/escalate`);
    expect(notYet.statusCode).toBe(303);
    const refused = await resident.post(`${earlyPath}/escalate`, {});
    expect(refused.statusCode).toBe(422);
    expect(text(refused.body)).toContain("You can ask for Stage 2 once we have sent you our Stage 1 answer.");

    const withText = await aComplaint(services, "bchg", "responded");
    const withTextPath = await linkFor(withText);
    services.setNow("2026-11-10T10:00:00Z"); // the day after the Stage 1 response: within BCHG's 7 working days
    await resident.get(`${withTextPath}/escalate`);
    const asked = await resident.post(`${withTextPath}/escalate`, { whatIsStillWrong: "The leak came back" });
    services.setNow(NOW);
    expect(asked.headers.location).toBe(`${withTextPath}?done=escalate`);
    const s1 = await stateOf(withText);
    expect(s1.stage).toBe(2);
    expect(text((await resident.get(withTextPath)).body)).toContain(
      "We will acknowledge your request for Stage 2 by",
    );

    // Five weeks after the response: late for BCHG's window, recorded all the same, never refused.
    const late = await aComplaint(services, "bchg", "responded");
    const latePath = await linkFor(late);
    await resident.get(`${latePath}/escalate`);
    const lateAsk = await resident.post(`${latePath}/escalate`, { whatIsStillWrong: "" });
    expect(lateAsk.statusCode).toBe(303);
    expect((await stateOf(late)).stage).toBe(2);
    const followed = text((await resident.get(latePath)).body);
    expect(followed).toContain(
      "You asked for Stage 2 after the time our policy suggests. We will still consider your request",
    );
    const events = await loadComplaintEvents(
      test.db,
      "bchg",
      (await findComplaintIdentity(test.db, "bchg", late))?.id ?? "",
    );
    expect(events.at(-1)).toEqual({ type: "escalation-requested", on: "2026-12-15" });
  });

  it("offers the closing survey only after closure, once", async () => {
    const open = await aComplaint(services, "bchg", "responded");
    const openPath = await linkFor(open);
    const resident = new WebClient(app);
    await resident.get(openPath);
    expect((await resident.get(`${openPath}/survey`)).statusCode).toBe(303);
    const early = await resident.post(`${openPath}/survey`, { satisfaction: "4" });
    expect(early.statusCode).toBe(422);
    expect(text(early.body)).toContain("You can answer these questions once your complaint is closed.");

    const closed = await aComplaint(services, "bchg", "closed");
    const closedPath = await linkFor(closed);
    expect(text((await resident.get(closedPath)).body)).toContain("Tell us how we did");
    await resident.get(`${closedPath}/survey`);
    const missing = await resident.post(`${closedPath}/survey`, { comment: "Kept" });
    expect(missing.statusCode).toBe(400);
    expect(text(missing.body)).toContain("Choose how satisfied you are, from 1 to 5");
    expect(missing.body).toContain("Kept");
    const answered = await resident.post(`${closedPath}/survey`, { satisfaction: "2", comment: "Too slow" });
    expect(answered.headers.location).toBe(`${closedPath}?done=survey`);
    expect((await stateOf(closed)).survey).toMatchObject({ satisfaction: 2 });
    expect(text((await resident.get(closedPath)).body)).not.toContain("Tell us how we did");
  });

  it("lets staff email a link from the case page, to the resident's address or another", async () => {
    const reference = await aComplaint(services, "bchg", "defined");
    const handler = await staff();
    const casePage = await handler.get(`/complaints/${reference}`);
    expect(casePage.body).toContain('id="resident-portal"');
    expect(casePage.body).toContain('value="resident@example.org"');
    expect((await handler.post(`/complaints/${reference}/send-portal-link`, { to: "" })).statusCode).toBe(
      303,
    );
    expect(
      (await handler.post(`/complaints/${reference}/send-portal-link`, { to: "son@example.org" })).statusCode,
    ).toBe(303);
    const bad = await handler.post(`/complaints/${reference}/send-portal-link`, { to: "not an email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#send-portal-link-to"');
    const { rows } = await test.db.query(
      "SELECT payload->>'to' AS to FROM outbox WHERE kind = 'portal-link' AND payload->>'reference' = $1 ORDER BY id",
      [reference],
    );
    expect(rows.map((r) => r.to)).toEqual(["resident@example.org", "son@example.org"]);
    // The case page says whether each link's email went out.
    expect(text((await handler.get(`/complaints/${reference}`)).body)).toContain("Email waiting to send");
    await deliverDueMessages(services, storedMessageDelivery(test.db, services.clock));
    const delivered = text((await handler.get(`/complaints/${reference}`)).body);
    expect(delivered).toContain("Email sent Tuesday 15 December 2026 at 10:00");
    expect(delivered).not.toContain("Email waiting to send");
    // Another organisation's complaint is a plain 404, and nothing is sent.
    const theirs = await aComplaint(services, "bdht", "defined");
    expect((await handler.post(`/complaints/${theirs}/send-portal-link`, { to: "" })).statusCode).toBe(404);
  });
});
