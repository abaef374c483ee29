import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { TestSmtpServer } from "../../../test/support/smtp-server.ts";
import { smtpMailer, type Mailer } from "../../adapters/mailer.ts";
import { legacyAcknowledgementNotice } from "../../../test/support/legacy-notices.ts";
import { addUser } from "../../app/add-user.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { logComplaint, type LogComplaintInput } from "../../app/log-complaint.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { enqueueOutbox } from "../../store/outbox.ts";
import { runWorkerOnce } from "../worker.ts";
import { mailDelivery } from "./mail-delivery.ts";

/*
 * Who each message reaches. Staff alerts go through a real SMTP server (the handler, the complaints team);
 * residents' notices and messages nobody can be sent are checked with no mail server configured, where
 * everything is composed and kept on the sent mail page.
 */

const FROM = { name: "Redress", address: "redress@landlord.example" };
const ON = "2026-11-02"; // Monday; the Code's 5 working days to acknowledge end on Monday 9 November

describe.each(TEST_DATABASES)("who each message reaches (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  let smtp: TestSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, `${ON}T10:00:00Z`);
    await anOrganisation(services, "hos-code-2024", "landlord");
    await anOrganisation(services, "hos-code-2024", "nobody-here");
    const people: [string, string, UserRole][] = [
      ["asha@landlord.example", "Asha Patel", "handler"],
      ["cara@landlord.example", "Cara Team", "complaints-team"],
      ["dev@landlord.example", "Dev Team", "complaints-team"],
      ["sam1@landlord.example", "Sam Lee", "handler"],
      ["sam2@landlord.example", "Sam Lee", "reviewer"],
      ["ade@landlord.example", "Ade Admin", "admin"],
    ];
    for (const [email, name, role] of people)
      await addUser(services, { organisationId: "landlord", email, name, role });
    smtp = await TestSmtpServer.on();
    await smtp.start();
    mailer = smtpMailer(smtp.url);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await test?.drop();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    await test.db.query("DELETE FROM outbox");
    await test.db.query("DELETE FROM delivered_messages");
  });

  const complaint = async (
    organisationId: string,
    resident: LogComplaintInput["resident"],
    extra: Partial<LogComplaintInput> = {},
  ) => {
    const { reference } = await logComplaint(
      services,
      {
        organisationId,
        receivedOn: ON,
        channel: "phone",
        description: "Leak",
        resident,
        definition: { issues: [{ id: "1", summary: "Leak" }], outcomesSought: ["Fix it"] },
        ...extra,
      },
      "agent@landlord.example",
    );
    return reference;
  };
  const assign = (reference: string, handler: string) =>
    assignHandler(services, { organisationId: "landlord", reference, on: ON, stage: 1, handler }, "t");
  const sent = async () =>
    (
      await test.db.query(
        `SELECT d.kind, d.outcome, d.recipients, d.subject, d.body_text, d.notes, d.print_format, o.payload->>'reference' AS reference
         FROM delivered_messages d JOIN outbox o USING (organisation_id, idempotency_key) ORDER BY o.id`,
      )
    ).rows;
  const deadLetters = async () =>
    (await test.db.query("SELECT kind, last_error FROM outbox WHERE status = 'dead' ORDER BY id")).rows;
  const toOf = (subjectPart: string) =>
    smtp.received
      .find((r) => r.mail.subject?.includes(subjectPart))
      ?.envelope.to.slice()
      .sort();

  it("warns the handler; a breach reaches the handler and every complaints-team user; the team stands in for a handler who cannot be emailed", async () => {
    const withAsha = await complaint("landlord", { name: "R One" });
    const withContractor = await complaint("landlord", { name: "R Two" });
    const unassigned = await complaint("landlord", { name: "R Three" });
    const withTwoSams = await complaint("landlord", { name: "R Four" });
    await assign(withAsha, "Asha Patel");
    await assign(withContractor, "Contractor Ltd");
    await assign(withTwoSams, "Sam Lee");
    const delivery = mailDelivery(services, { mailer, from: FROM });

    services.setNow("2026-11-05T10:00:00Z"); // Thursday: due in 2 working days
    expect(await runWorkerOnce(services, delivery, { warnWorkingDays: 2 })).toMatchObject({
      warnings: 4,
      delivered: 4,
      dead: 0,
    });
    const team = ["cara@landlord.example", "dev@landlord.example"];
    expect(toOf(withAsha)).toEqual(["asha@landlord.example"]);
    expect(toOf(withContractor)).toEqual(team);
    expect(toOf(unassigned)).toEqual(team);
    expect(toOf(withTwoSams)).toEqual(team);
    const warning = smtp.received.find((r) => r.mail.subject?.includes(withAsha))!.mail;
    expect(warning.subject).toBe(`Due in 2 working days: Stage 1 acknowledgement for complaint ${withAsha}`);
    expect(warning.to).toMatchObject({ value: [{ name: "Asha Patel", address: "asha@landlord.example" }] });
    const contractorNotes = [
      "The handler, Contractor Ltd, is not a Redress user here, so they were not emailed.",
      "This warning went to the complaints team because the handler could not be emailed.",
    ];
    expect(smtp.received.find((r) => r.mail.subject?.includes(withContractor))!.mail.text).toContain(
      contractorNotes[0],
    );
    const records = await sent();
    expect(records.find((r) => r.reference === withContractor)).toMatchObject({
      kind: "deadline-warning",
      outcome: "sent",
      notes: contractorNotes,
    });
    expect(records.find((r) => r.reference === withTwoSams)?.notes[0]).toBe(
      "2 users are named Sam Lee, so Redress cannot tell which is the handler: none of them was emailed.",
    );

    smtp.received.length = 0;
    services.setNow("2026-11-10T10:00:00Z"); // Tuesday: Monday's deadline has passed
    expect(await runWorkerOnce(services, delivery, { warnWorkingDays: 2 })).toMatchObject({
      breaches: 4,
      delivered: 4,
    });
    expect(toOf(withAsha)).toEqual(["asha@landlord.example", ...team]);
    expect(toOf(withContractor)).toEqual(team);
    expect(toOf(unassigned)).toEqual(team);
    const breach = smtp.received.find((r) => r.mail.subject?.includes(withAsha))!.mail;
    expect(breach.subject).toBe(
      `Overdue: Stage 1 acknowledgement for complaint ${withAsha} was due Monday 9 November 2026`,
    );
    // Nothing more to send on the next run.
    expect(await runWorkerOnce(services, delivery, { warnWorkingDays: 2 })).toMatchObject({
      breaches: 0,
      delivered: 0,
    });
  });

  it("records a message nobody can be sent, with the reason, instead of dropping it", async () => {
    services.setNow(`${ON}T10:00:00Z`); // nothing is due yet, so the worker's scan writes nothing
    const nowhere = await complaint("landlord", { name: "No Contact" });
    const orphan = await complaint("nobody-here", { name: "R", email: "r@example.org" });
    await legacyAcknowledgementNotice(test.db, "landlord", nowhere);
    await test.db.transaction((tx) =>
      enqueueOutbox(tx, "landlord", [
        { idempotencyKey: "fax", kind: "fax", payload: { reference: nowhere } },
        {
          idempotencyKey: "link",
          kind: "portal-link",
          payload: { to: "not an address", reference: nowhere },
        },
      ]),
    );
    // A breach alert (as the deadline scan writes it) in an organisation with no users at all.
    const { rows } = await test.db.query<{ id: string }>("SELECT id FROM complaints WHERE reference = $1", [
      orphan,
    ]);
    await test.db.transaction((tx) =>
      enqueueOutbox(tx, "nobody-here", [
        {
          idempotencyKey: `breach-alert:${rows[0]!.id}:stage1.acknowledgement:2026-11-09`,
          kind: "breach-alert",
          payload: {
            complaintId: rows[0]!.id,
            reference: orphan,
            clock: "stage1.acknowledgement",
            due: "2026-11-09",
            codeLimit: "2026-11-09",
            handler: null,
            recipients: ["handler", "complaints-team"],
          },
        },
      ]),
    );
    const delivery = mailDelivery(services, { mailer: null, from: null });
    expect(await runWorkerOnce(services, delivery, { warnWorkingDays: 0 })).toMatchObject({
      warnings: 0,
      breaches: 0,
      delivered: 0,
      dead: 4,
    });
    expect(await deadLetters()).toEqual([
      {
        kind: "resident-notification",
        last_error: `No Contact has no email address or postal address on record for complaint ${nowhere}. Add one, then send this again.`,
      },
      {
        kind: "fax",
        last_error: 'Redress does not know how to deliver a message of kind "fax".',
      },
      {
        kind: "portal-link",
        last_error: expect.stringMatching(/^This portal-link message's details cannot be read \(name: /),
      },
      {
        kind: "breach-alert",
        last_error: `Nobody to send this breach alert about ${orphan} to: no handler is assigned and nobody has the complaints-team role. Add a complaints-team user (or assign a handler who is a user), then send this again.`,
      },
    ]);
    expect(await sent()).toEqual([]);
  });

  it("sends residents' notices by their chosen format: email (to a representative who acts for them), or the print queue; kept when no mail server is set", async () => {
    services.setNow(`${ON}T10:00:00Z`);
    const byEmail = await complaint("landlord", { name: "Ann Email", email: "ann@example.org" });
    const byPost = await complaint("landlord", {
      name: "Bob Post",
      email: "bob@example.org",
      address: "2 Low Road\nBristol",
      postcode: "BS2 2BB",
      contactPreferences: { letters: "large-print" },
    });
    const represented = await complaint(
      "landlord",
      { name: "Cy Resident", email: "cy@example.org" },
      { representative: { name: "Dee Advocate", email: "dee@advice.example", authority: "written consent" } },
    );
    for (const reference of [byEmail, byPost, represented])
      await legacyAcknowledgementNotice(test.db, "landlord", reference);

    const delivery = mailDelivery(services, { mailer: null, from: null });
    expect(await runWorkerOnce(services, delivery, { warnWorkingDays: 0 })).toMatchObject({ delivered: 3 });
    expect(smtp.received).toEqual([]); // no mail server: nothing leaves
    const records = await sent();
    expect(records.find((r) => r.reference === byEmail)).toMatchObject({
      outcome: "kept",
      recipients: [{ name: "Ann Email", email: "ann@example.org" }],
      subject: `Your complaint ${byEmail}: we have received it`,
      body_text: expect.stringContaining("Dear Ann Email,"),
      print_format: null,
    });
    expect(records.find((r) => r.reference === byPost)).toMatchObject({
      outcome: "print",
      print_format: "large-print",
      recipients: [{ name: "Bob Post", addressLines: ["2 Low Road", "Bristol", "BS2 2BB"] }],
      body_text: expect.stringContaining("Dear Bob Post,"),
    });
    expect(records.find((r) => r.reference === represented)).toMatchObject({
      outcome: "kept",
      recipients: [{ name: "Dee Advocate", email: "dee@advice.example" }],
      body_text: expect.stringContaining("Dear Dee Advocate,"),
    });
  });
});
