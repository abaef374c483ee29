import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { smtpMailer, type MailAddress, type Mailer } from "../../src/adapters/mailer.ts";
import { acknowledgeComplaint } from "../../src/app/acknowledge-complaint.ts";
import { addUser } from "../../src/app/add-user.ts";
import { LETTER_MESSAGE } from "../../src/app/letter-contracts.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
import { mailDelivery, messageIdFor } from "../../src/jobs/mail/mail-delivery.ts";
import type { LetterDependencies } from "../../src/jobs/mail/prepared-message.ts";
import { runWorkerOnce, startWorker, type WorkerOptions } from "../../src/jobs/worker.ts";
import { claimDueMessages } from "../../src/store/outbox-delivery.ts";
import { enqueueOutbox, type OutboxMessage } from "../../src/store/outbox.ts";
import { buildApp } from "../../src/web/app.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { legacyAcknowledgementNotice } from "../support/legacy-notices.ts";
import { anIssuedLetter, lettersFrom } from "../support/letters.ts";
import { anOrganisation, testServices } from "../support/services.ts";
import { TestSmtpServer } from "../support/smtp-server.ts";
import { WebClient } from "../support/web.ts";

/*
 * Email end to end: the real worker (loop, leases, retries) over the outbox on PGlite, nodemailer, and a real
 * SMTP server listening on a localhost port, whose messages are parsed as a mail client would.
 */

const T0 = "2026-11-02T10:00:00.000Z";
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const FROM: MailAddress = { name: "", address: "complaints@bchg.example" };
const REPLY_TO: MailAddress = { name: "Complaints team", address: "replies@bchg.example" };
const LANDLORD = "Test landlord (bchg)";
const PASSWORD = "correct horse battery";
// No deadline is near at T0, so the worker's scan writes nothing and only the messages under test go out.
const QUIET: Partial<WorkerOptions> = { intervalMs: 10, warnWorkingDays: 0, log: () => {} };

const portalLink = (key: string, to: string) => ({
  idempotencyKey: key,
  kind: "portal-link",
  payload: {
    to,
    name: "Ada Resident",
    reference: "BCHG-2026-000012",
    url: "https://complaints.bchg.example/follow/abc",
    expiresOn: "2026-12-02",
  },
});

describe("email through a real SMTP server", () => {
  let test: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let services: ReturnType<typeof testServices>;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, T0);
    await anOrganisation(services, "bchg");
    await addUser(services, {
      organisationId: "bchg",
      email: "cara@bchg.test",
      name: "Cara Team",
      role: "complaints-team",
      password: PASSWORD,
    });
    await addUser(services, {
      organisationId: "bchg",
      email: "asha@bchg.test",
      name: "Asha Patel",
      role: "handler",
    });
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
    smtp = await TestSmtpServer.on();
    await smtp.start();
    mailer = smtpMailer(smtp.url);
  });
  afterAll(async () => {
    mailer?.close();
    await app?.close();
    await smtp?.stop();
    await test?.drop();
  });
  beforeEach(async () => {
    services.setNow(T0);
    smtp.received.length = 0;
    smtp.refuse.clear();
    await test.db.query("DELETE FROM outbox");
    await test.db.query("DELETE FROM delivered_messages");
  });

  const delivery = (m: Mailer = mailer, letters?: LetterDependencies) =>
    mailDelivery(services, { mailer: m, from: FROM, replyTo: REPLY_TO, ...(letters ? { letters } : {}) });
  const enqueue = (...messages: OutboxMessage[]) =>
    test.db.transaction((tx) => enqueueOutbox(tx, "bchg", messages));
  const rowOf = async (key: string) => {
    const { rows } = await test.db.query(
      "SELECT id, status, attempts, next_attempt_at, last_error FROM outbox WHERE idempotency_key = $1",
      [key],
    );
    return rows[0]!;
  };
  const sentMailOf = async (key: string) =>
    (await test.db.query("SELECT * FROM delivered_messages WHERE idempotency_key = $1", [key])).rows[0];

  it("a resident's notice (as written before letters were documents) arrives with the right From, To, Subject, Message-ID and body, through the worker loop", async () => {
    const s = services;
    const { reference } = await logComplaint(
      s,
      {
        organisationId: "bchg",
        receivedOn: "2026-11-02",
        channel: "phone",
        description: "Mould in the bedroom",
        resident: {
          name: "Ada <b>Resident</b>",
          email: "ada@example.org",
          contactPreferences: { letters: "email" },
        },
        definition: { issues: [{ id: "1", summary: "Mould not treated" }], outcomesSought: ["Treat it"] },
      },
      "agent@bchg.test",
    );
    await acknowledgeComplaint(s, { organisationId: "bchg", reference, on: "2026-11-02", stage: 1 }, "h");
    await legacyAcknowledgementNotice(test.db, "bchg", reference);
    const { rows } = await test.db.query<{ idempotency_key: string }>("SELECT idempotency_key FROM outbox");
    const key = rows[0]!.idempotency_key;

    const worker = startWorker(s, delivery(), QUIET);
    await vi.waitFor(async () => expect((await rowOf(key)).status).toBe("delivered"), { timeout: 20_000 });
    await worker.stop();

    expect(smtp.received).toHaveLength(1);
    const [{ mail, envelope, user }] = smtp.received as [(typeof smtp.received)[number]];
    expect(user).toBe("redress"); // logged in with the URL's credentials
    expect(envelope).toEqual({ from: "complaints@bchg.example", to: ["ada@example.org"] });
    expect(mail.from?.value).toEqual([{ name: LANDLORD, address: "complaints@bchg.example" }]);
    expect(mail.replyTo?.value).toEqual([{ name: "Complaints team", address: "replies@bchg.example" }]);
    expect(mail.to).toMatchObject({ value: [{ name: "Ada <b>Resident</b>", address: "ada@example.org" }] });
    expect(mail.subject).toBe(`Your complaint ${reference}: we have received it`);
    expect(mail.messageId).toBe(messageIdFor("bchg", key, { name: LANDLORD, address: FROM.address }));
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.text).toContain("Dear Ada <b>Resident</b>,");
    expect(mail.text).toContain(`Please quote your reference, ${reference}`);
    expect(mail.html).toContain("Dear Ada &lt;b&gt;Resident&lt;/b&gt;,");
    expect(mail.html).not.toContain("<b>Resident</b>");

    expect(await sentMailOf(key)).toMatchObject({
      outcome: "sent",
      message_id: mail.messageId,
      mail_from: `${LANDLORD} <complaints@bchg.example>`,
      recipients: [{ name: "Ada <b>Resident</b>", email: "ada@example.org" }],
      subject: mail.subject,
      body_text: mail.text,
      delivered_at: new Date(T0),
    });
  });

  it("emails a letter with its HTML as the body and its PDF attached; a large-print letter goes to the print queue", async () => {
    const byEmail = anIssuedLetter({ organisationId: "bchg" });
    const largePrint = anIssuedLetter({
      organisationId: "bchg",
      letterId: "6c1d8a3f-4b2e-4d66-8a2f-3e8b0c4d5f21",
      reference: "BCHG-2026-000013",
      format: "large-print",
    });
    const letterRow = (l: typeof byEmail) => ({
      idempotencyKey: `letter:${l.letterId}`,
      kind: LETTER_MESSAGE,
      payload: {
        letterId: l.letterId,
        complaintId: l.complaintId,
        reference: l.reference,
        kind: l.document.kind,
      },
    });
    await test.db.transaction((tx) => enqueueOutbox(tx, "bchg", [letterRow(byEmail), letterRow(largePrint)]));

    const result = await runWorkerOnce(services, delivery(mailer, lettersFrom(byEmail, largePrint)), QUIET);
    expect(result).toMatchObject({ delivered: 2, failed: 0, dead: 0, errors: [] });

    expect(smtp.received).toHaveLength(1);
    const { mail } = smtp.received[0]!;
    expect(mail.to).toMatchObject({ value: [{ name: "Ada Resident", address: "ada@example.org" }] });
    expect(mail.subject).toBe("Complaint BCHG-2026-000012: Stage 1 response");
    expect(mail.html).toContain("<p>We uphold your complaint &lt;in full&gt;.</p>");
    expect(mail.text).toContain("Dear Ms Resident,");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: "BCHG-2026-000012-stage1-response.pdf",
      contentType: "application/pdf",
    });
    expect(mail.attachments[0]!.content.toString()).toContain("%PDF-1.7");

    expect(await sentMailOf(`letter:${largePrint.letterId}`)).toMatchObject({
      outcome: "print",
      print_format: "large-print",
      recipients: [{ name: "Ada Resident", addressLines: ["1 High Street", "Bristol", "BS1 1AA"] }],
      subject: "Complaint BCHG-2026-000013: Stage 1 response",
      attachments: [expect.objectContaining({ fileName: "BCHG-2026-000013-stage1-response.pdf" })],
      posted_at: null,
    });
  });

  it("emails a message from the complaints team to the resident, with the link to read and reply", async () => {
    const key = "resident-message:m1";
    await enqueue({
      idempotencyKey: key,
      kind: "resident-message",
      payload: {
        to: "ada@example.org",
        name: "Ada Resident",
        reference: "BCHG-2026-000012",
        url: "https://complaints.bchg.example/follow/xyz",
        body: "We have booked the surveyor for Tuesday.\nPlease <b>reply</b> if that is not convenient.",
      },
    });
    const run = await runWorkerOnce(services, delivery(), QUIET);
    expect(run.errors).toEqual([]);
    expect((await rowOf(key)).status).toBe("delivered");
    const [{ mail }] = smtp.received as [(typeof smtp.received)[number]];
    expect(mail.subject).toBe("A message about your complaint BCHG-2026-000012");
    expect(mail.text).toContain("We have booked the surveyor for Tuesday.");
    expect(mail.text).toContain("https://complaints.bchg.example/follow/xyz");
    expect(mail.html).toContain("Please &lt;b&gt;reply&lt;/b&gt; if that is not convenient.");
    expect(mail.html).toContain('<a href="https://complaints.bchg.example/follow/xyz">');
  });

  it("retries when the mail server is down (the row waits for its back-off), then delivers exactly once", async () => {
    const down = await TestSmtpServer.on(); // nothing listens on its port yet: connections are refused
    const downMailer = smtpMailer(down.url);
    try {
      await enqueue(portalLink("portal:1", "ada@example.org"));
      const s = services;
      const worker = startWorker(s, delivery(downMailer), QUIET);
      await vi.waitFor(async () => expect((await rowOf("portal:1")).last_error).toBeTruthy(), {
        timeout: 20_000,
      });
      expect(await rowOf("portal:1")).toMatchObject({
        status: "pending",
        attempts: 1,
        next_attempt_at: new Date(later(30)),
        last_error: expect.stringMatching(/ECONNREFUSED/),
      });

      await down.start();
      s.setNow(later(30)); // the back-off has passed
      await vi.waitFor(async () => expect((await rowOf("portal:1")).status).toBe("delivered"), {
        timeout: 20_000,
      });
      await worker.stop();
      expect(await rowOf("portal:1")).toMatchObject({ attempts: 2 });
      expect(down.received).toHaveLength(1);
      expect(down.received[0]!.mail.subject).toBe("Follow your complaint BCHG-2026-000012 online");
      expect(down.received[0]!.mail.text).toContain("https://complaints.bchg.example/follow/abc");
    } finally {
      downMailer.close();
      await down.stop();
    }
  });

  it("sends nothing again after a worker restart, nor after a crash between sending and marking", async () => {
    const s = services;
    await enqueue(portalLink("portal:2", "ada@example.org"), portalLink("portal:3", "ben@example.org"));
    const first = startWorker(s, delivery(), QUIET);
    await vi.waitFor(async () => expect((await rowOf("portal:3")).status).toBe("delivered"), {
      timeout: 20_000,
    });
    await first.stop();
    expect(smtp.received).toHaveLength(2);

    // A new worker (a new mailer too, as after a restart) finds nothing to send.
    const restarted = smtpMailer(smtp.url);
    try {
      expect(await runWorkerOnce(s, delivery(restarted), QUIET)).toMatchObject({ delivered: 0, failed: 0 });
      expect(smtp.received).toHaveLength(2);

      // A worker claims a message, sends it, and dies before marking it delivered.
      await enqueue(portalLink("portal:4", "cy@example.org"));
      const [claimed] = await claimDueMessages(test.db, {
        now: s.clock(),
        leaseUntil: new Date(later(300)),
        limit: 1,
      });
      await delivery(restarted).deliver(claimed!);
      expect(smtp.received).toHaveLength(3);
      // Once its lease has run out another worker takes the message: it is marked delivered, not sent again.
      s.setNow(later(300));
      expect(await runWorkerOnce(s, delivery(restarted), QUIET)).toMatchObject({ delivered: 1 });
      expect(await rowOf("portal:4")).toMatchObject({ status: "delivered", attempts: 2 });
      expect(smtp.received).toHaveLength(3);
      expect(smtp.received.map((r) => r.mail.to)).toMatchObject([
        { value: [{ address: "ada@example.org" }] },
        { value: [{ address: "ben@example.org" }] },
        { value: [{ address: "cy@example.org" }] },
      ]);
    } finally {
      restarted.close();
    }
  });

  it("makes a message refused for good (550) dead at once, shows the server's reason on the sent mail page, and sends it again", async () => {
    smtp.refuse.add("gone@example.org");
    await enqueue(portalLink("portal:5", "gone@example.org"));
    expect(await runWorkerOnce(services, delivery(), QUIET)).toMatchObject({ delivered: 0, dead: 1 });
    const dead = await rowOf("portal:5");
    expect(dead).toMatchObject({
      status: "dead",
      attempts: 1,
      last_error: expect.stringMatching(
        /^The mail server refused this email for good: 550 .*No such user here/,
      ),
    });
    expect(await sentMailOf("portal:5")).toBeUndefined();
    expect(smtp.received).toHaveLength(0);

    const staff = new WebClient(app);
    expect((await staff.signIn("cara@bchg.test", PASSWORD)).statusCode).toBe(303);
    const page = await staff.get("/sent-mail");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("550 5.1.1 No such user here");
    expect(page.body).toContain(`action="/sent-mail/${dead.id}/send-again"`);

    // The address is fixed at the mail server's end; staff send it again from the page.
    smtp.refuse.clear();
    const again = await staff.post(`/sent-mail/${dead.id}/send-again`, {});
    expect(again.statusCode).toBe(303);
    expect(await runWorkerOnce(services, delivery(), QUIET)).toMatchObject({ delivered: 1, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.to).toMatchObject({ value: [{ address: "gone@example.org" }] });
  });

  it("sends an alert to the recipients the server accepts, and notes the one it refused", async () => {
    smtp.refuse.add("asha@bchg.test");
    await enqueue({
      idempotencyKey: "breach-alert:1",
      kind: "breach-alert",
      payload: {
        complaintId: "9d3e1c2b-7a4f-4e0d-8b6a-1f2e3d4c5b6a",
        reference: "BCHG-2026-000012",
        clock: "stage1.response",
        due: "2026-10-30",
        codeLimit: "2026-10-30",
        handler: "Asha Patel",
        recipients: ["handler", "complaints-team"],
      },
    });
    expect(await runWorkerOnce(services, delivery(), QUIET)).toMatchObject({ delivered: 1, dead: 0 });
    expect(smtp.received.map((r) => r.envelope.to)).toEqual([["cara@bchg.test"]]);
    expect(smtp.received[0]!.mail.to).toMatchObject({
      value: [{ address: "asha@bchg.test" }, { address: "cara@bchg.test" }],
    });
    expect(await sentMailOf("breach-alert:1")).toMatchObject({
      outcome: "sent",
      notes: ["The mail server refused asha@bchg.test: 550 5.1.1 No such user here"],
    });
  });
});
