import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { logContact, type LogContactInput } from "../../app/log-contact.ts";
import type { Services } from "../../app/services.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
// Brighter Places runs early resolution for 5 working days, so the window's last day can be shown.
const OURS = "brighter-places";

describe("contact pages", () => {
  let test: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let theirs: string;

  const aContact = async (fields: Partial<LogContactInput> = {}, organisationId = OURS) =>
    (
      await logContact(
        services,
        {
          organisationId,
          on: "2026-11-09",
          kind: "service-request",
          channel: "phone",
          summary: "Kitchen tap dripping",
          dissatisfactionExpressed: false,
          resident: { name: "Ada Lovelace", postcode: "B66 1AA" },
          ...fields,
        },
        "agent@test",
      )
    ).contactId;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, OURS);
    await anOrganisation(services, "bdht");
    const roles: UserRole[] = ["agent", "handler", "executive"];
    for (const role of roles) {
      await addUser(services, {
        organisationId: OURS,
        email: `${role}@ours.test`,
        name: `Pat ${role}`,
        role,
        password: PASSWORD,
      });
    }
    await addUser(services, {
      organisationId: "bdht",
      email: "handler@theirs.test",
      name: "Sam",
      role: "handler",
      password: PASSWORD,
    });
    theirs = await aContact({ summary: "Another landlord's service request" }, "bdht");
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (role: UserRole, domain = "ours") => {
    const client = new WebClient(app);
    expect((await client.signIn(`${role}@${domain}.test`, PASSWORD)).statusCode).toBe(303);
    return client;
  };
  const idFrom = (location: unknown) => /\/contacts\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? "";

  it("lists the organisation's contacts with counts, filtered by kind and status", async () => {
    await aContact({ summary: "Bin store light broken" });
    await aContact({ kind: "feedback", summary: "Website hard to use", resident: undefined });
    await aContact({ kind: "compliment", summary: "Thanks to the caretaker" });
    const closed = await aContact({ summary: "Fence panel loose" });
    const client = await signedIn("agent");
    await client.get(`/contacts/${closed}`);
    expect((await client.post(`/contacts/${closed}/close-contact`, {})).statusCode).toBe(303);

    const open = await client.get("/contacts");
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain("Bin store light broken");
    expect(open.body).toContain("Website hard to use");
    expect(open.body).not.toContain("Fence panel loose");
    expect(open.body).not.toContain("Another landlord");
    expect(open.body).toMatch(/All kinds \(3\)/);
    expect(open.body).toMatch(/Service requests \(1\)/);
    expect(open.body).toMatch(/Feedback \(1\)/);
    expect(open.body).toMatch(/Compliments \(1\)/);
    expect(open.body).toMatch(/Open \(3\)/);
    expect(open.body).toMatch(/Closed \(1\)/);

    const requests = await client.get("/contacts?kind=service-request&status=all");
    expect(requests.body).toContain("Bin store light broken");
    expect(requests.body).toContain("Fence panel loose");
    expect(requests.body).not.toContain("Website hard to use");
    expect(requests.body).toMatch(/Open and closed \(2\)/);
    expect(requests.body).toMatch(/Service requests \(2\)/);
    expect(requests.body).toContain(`href="/contacts/${closed}"`);

    // Nonsense filters fall back to the defaults instead of failing.
    expect((await client.get("/contacts?kind=nonsense&status=x&page=-3")).statusCode).toBe(200);
  });

  it("pages through a long list", async () => {
    for (let i = 1; i <= 26; i++) await aContact({ kind: "compliment", summary: `Compliment number ${i}` });
    const client = await signedIn("agent");
    const ids = (body: string) => [...body.matchAll(/href="\/contacts\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const first = await client.get("/contacts?kind=compliment&status=open");
    expect(first.body).toContain("27 contacts, still-open oldest first (page 1 of 2)");
    expect(first.body).toContain('href="/contacts?kind=compliment&amp;status=open&amp;page=2"');
    const second = await client.get("/contacts?kind=compliment&status=open&page=2");
    expect(second.body).toContain("(page 2 of 2)");
    expect(ids(first.body)).toHaveLength(25);
    expect(ids(second.body)).toHaveLength(2);
    expect(new Set([...ids(first.body), ...ids(second.body)]).size).toBe(27);
    // A page past the end shows the last one.
    expect((await client.get("/contacts?kind=compliment&status=open&page=9")).body).toContain(
      "(page 2 of 2)",
    );
  });

  it("logs a contact, showing a mistake at its field and keeping what was typed", async () => {
    const client = await signedIn("agent");
    expect((await client.get("/contacts/new")).statusCode).toBe(200);
    const wrong = await client.post("/contacts/new", {
      kind: "service-request",
      channel: "email",
      summary: "",
      dissatisfactionExpressed: "yes",
      residentEmail: "grace@example.org",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("govuk-error-summary");
    expect(wrong.body).toContain('href="#summary"');
    expect(wrong.body).toContain("Enter what the resident said or asked for");
    // An email without a name is asked about, never dropped.
    expect(wrong.body).toContain('href="#residentName"');
    expect(wrong.body).toContain('value="grace@example.org"');
    expect(wrong.body).toMatch(/<option value="email" selected>/);

    const done = await client.post("/contacts/new", {
      kind: "service-request",
      channel: "email",
      summary: "Front door <b>won't</b> lock",
      dissatisfactionExpressed: "yes",
      residentName: "Grace Hopper",
      residentEmail: "grace@example.org",
    });
    expect(done.statusCode).toBe(303);
    const id = idFrom(done.headers.location);
    expect(done.headers.location).toBe(`/contacts/${id}?done=logged`);
    const page = await client.get(String(done.headers.location));
    expect(page.body).toContain("Front door &lt;b&gt;won&#39;t&lt;/b&gt; lock");
    expect(page.body).toContain("Grace Hopper");
    expect(page.body).toContain(
      "The resident expressed dissatisfaction: record that they were offered the chance to complain",
    );
    expect(page.body).toContain("by agent@ours.test");
  });

  it("lets executives read contacts but not log or change them", async () => {
    const id = await aContact({ summary: "Read-only check" });
    const client = await signedIn("executive");
    expect((await client.get("/contacts")).statusCode).toBe(200);
    const page = await client.get(`/contacts/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`action="/contacts/${id}/close-contact"`);
    expect((await client.get("/contacts/new")).statusCode).toBe(403);
    expect((await client.post("/contacts/new", { kind: "feedback" })).statusCode).toBe(403);
    for (const action of [
      "record-offer-to-complain",
      "close-contact",
      "raise-complaint",
      "start-early-resolution",
    ]) {
      expect((await client.post(`/contacts/${id}/${action}`, { residentChose: "not-now" })).statusCode).toBe(
        403,
      );
    }
  });

  it("hides another organisation's contact, and anything that is not a contact id, behind a plain 404", async () => {
    const client = await signedIn("handler");
    const page = await client.get(`/contacts/${theirs}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain("Another landlord");
    expect((await client.post(`/contacts/${theirs}/close-contact`, {})).statusCode).toBe(404);
    expect((await client.get("/contacts/not-a-uuid")).statusCode).toBe(404);
    expect((await client.post("/contacts/not-a-uuid/close-contact", {})).statusCode).toBe(404);
    const ours = await aContact();
    expect((await client.post(`/contacts/${ours}/no-such-action`, {})).statusCode).toBe(404);
  });

  it("refuses to close before the offer to complain is recorded, in words, then records it and closes", async () => {
    const id = await aContact({ summary: "Repair missed again", dissatisfactionExpressed: true });
    const client = await signedIn("handler");
    await client.get(`/contacts/${id}`);
    const refused = await client.post(`/contacts/${id}/close-contact`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("govuk-error-summary");
    expect(refused.body).toContain('href="#close-contact-form"');
    expect(refused.body).toContain('id="close-contact-form"');
    expect(refused.body).toContain(
      "record that they were offered the chance to complain and what they chose (Code 1.3)",
    );

    const unanswered = await client.post(`/contacts/${id}/record-offer-to-complain`, {});
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('href="#record-offer-to-complain-residentChose"');
    expect(unanswered.body).toContain("Choose what the resident chose");

    expect(
      (await client.post(`/contacts/${id}/record-offer-to-complain`, { residentChose: "not-now" }))
        .statusCode,
    ).toBe(303);
    expect((await client.post(`/contacts/${id}/close-contact`, {})).statusCode).toBe(303);
    const page = await client.get(`/contacts/${id}`);
    expect(page.body).toContain("the resident chose not to complain now");
    expect(page.body).toContain("by handler@ours.test");
    expect(page.body).toContain("Closed on Monday 9 November 2026");
    expect(page.body).not.toContain(`action="/contacts/${id}/`);
  });

  it("runs early resolution within the policy's window and says how it was resolved", async () => {
    const id = await aContact({
      kind: "complaint",
      summary: "Rubbish not collected",
      dissatisfactionExpressed: true,
    });
    const client = await signedIn("agent");
    await client.get(`/contacts/${id}`);
    const notStarted = await client.post(`/contacts/${id}/resolve-early`, { howResolved: "Collected" });
    expect(notStarted.statusCode).toBe(422);
    expect(notStarted.body).toContain("Early resolution has not been started on this contact.");
    expect(notStarted.body).toContain(">Collected</textarea>"); // what was typed is kept

    expect((await client.post(`/contacts/${id}/start-early-resolution`, {})).statusCode).toBe(303);
    const started = await client.get(`/contacts/${id}`);
    // Started Monday 9 November; 5 working days later is Monday 16 November.
    expect(started.body).toContain("Resolve it early by Monday 16 November 2026");
    const empty = await client.post(`/contacts/${id}/resolve-early`, { howResolved: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#resolve-early-howResolved"');
    expect(
      (await client.post(`/contacts/${id}/resolve-early`, { howResolved: "Crew sent the same day" }))
        .statusCode,
    ).toBe(303);
    expect((await client.get(`/contacts/${id}`)).body).toContain("Resolved early: Crew sent the same day");
  });

  it("raises a complaint from a service request: the request stays open and each links to the other", async () => {
    const id = await aContact({ summary: "Boiler broken for a week", dissatisfactionExpressed: true });
    const client = await signedIn("handler");
    await client.get(`/contacts/${id}`);
    const missing = await client.post(`/contacts/${id}/raise-complaint`, {
      definitionIssues: "Boiler still broken",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#raise-complaint-category"');
    expect(missing.body).toContain(">Boiler still broken</textarea>");

    const raised = await client.post(`/contacts/${id}/raise-complaint`, {
      category: "repairs",
      definitionIssues: "Boiler still broken",
      definitionOutcomesSought: "Fix the boiler",
    });
    expect(raised.statusCode).toBe(303);
    const reference = /\/complaints\/([^?]+)/.exec(String(raised.headers.location))?.[1] ?? "";
    expect(reference).toMatch(/-2026-/);
    const complaint = await client.get(`/complaints/${reference}`);
    expect(complaint.statusCode).toBe(200);
    expect(complaint.body).toContain(`href="/contacts/${id}"`);

    const contact = await client.get(`/contacts/${id}`);
    expect(contact.body).toContain(`href="/complaints/${reference}"`);
    expect(contact.body).toContain("The request stays open until the service is delivered (Code 1.5)");
    expect(contact.body).toContain(`action="/contacts/${id}/close-contact"`);
    const list = await client.get("/contacts?kind=service-request&status=open");
    expect(list.body).toContain(`href="/complaints/${reference}"`);
  });

  it("asks for the resident when the contact has none, and refuses a complaint about a compliment", async () => {
    const anonymous = await aContact({
      kind: "feedback",
      summary: "Anonymous feedback",
      resident: undefined,
    });
    const client = await signedIn("agent");
    await client.get(`/contacts/${anonymous}`);
    const noResident = await client.post(`/contacts/${anonymous}/raise-complaint`, { category: "other" });
    expect(noResident.statusCode).toBe(422);
    expect(noResident.body).toContain('href="#raise-complaint-resident"');
    expect(noResident.body).toContain("give the resident&#39;s details to log the complaint");

    const compliment = await aContact({ kind: "compliment", summary: "Lovely new kitchen" });
    const refused = await client.post(`/contacts/${compliment}/raise-complaint`, { category: "other" });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("A compliment does not need resolving or a complaint raising.");
  });
});
