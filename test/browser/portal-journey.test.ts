import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer, type Mailer } from "../../src/adapters/mailer.ts";
import { acknowledgeComplaint } from "../../src/app/acknowledge-complaint.ts";
import { assignHandler } from "../../src/app/assign-handler.ts";
import { defineComplaint } from "../../src/app/define-complaint.ts";
import { issueLetter } from "../../src/app/issue-letter.ts";
import { respondToComplaint } from "../../src/app/respond-to-complaint.ts";
import { lettersOf } from "../../src/app/test-builders.ts";
import { configuredDelivery } from "../../src/jobs/mail/configured-delivery.ts";
import { runWorkerOnce } from "../../src/jobs/worker.ts";
import { buildApp } from "../../src/web/app.ts";
import { axeViolations, chromiumAvailable, launchChromium, screenshot } from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { pdfText, popplerAvailable } from "../support/pdf-tools.ts";
import { anOrganisation, testServices } from "../support/services.ts";
import { TestSmtpServer } from "../support/smtp-server.ts";

const run = (chromiumAvailable && popplerAvailable) || process.env.CI ? describe : describe.skip;
// A real 1×1 PNG: the photo of the damp.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * A representative complains for a resident on the portal, with a photo; the link to follow it arrives by
 * email (through a real SMTP server); they follow it, ask for Stage 2 when the Stage 1 answer disappoints, and
 * download the landlord's final response as a PDF, whose text shows every section the Code requires, in order.
 * The complaints team's part (acknowledging, answering, issuing letters) runs through the use cases.
 */
run("a representative's complaint on the portal, followed by email link to the final letter", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let base: string;
  const services = { current: null as unknown as ReturnType<typeof testServices> };

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    // Monday 7 December 2026.
    services.current = testServices(test.db, "2026-12-07T10:30:00Z");
    await anOrganisation(services.current, "bchg");
    smtp = await TestSmtpServer.on();
    await smtp.start();
    mailer = smtpMailer(smtp.url);
    const port = await TestSmtpServer.reservePort();
    base = `http://127.0.0.1:${port}`;
    app = await buildApp(services.current, { publicUrl: base });
    await app.listen({ port, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    mailer?.close();
    await smtp?.stop();
    await app?.close();
    await test?.drop();
  });

  /** The worker's delivery as `npm start` wires it: real letters, rendered and attached, over SMTP. */
  const deliver = async () => {
    const s = services.current;
    const mail = configuredDelivery(s, {
      smtpUrl: smtp.url,
      from: { name: "", address: "complaints@bchg.example" },
      replyTo: null,
    });
    const result = await runWorkerOnce(s, mail.delivery, { warnWorkingDays: 0 });
    mail.close();
    expect(result.errors).toEqual([]);
  };
  const issueEvery = async (reference: string, kind: string) => {
    const letter = (await lettersOf(test.db, reference)).find((l) => l.kind === kind && l.status === "draft");
    expect(letter, kind).toBeDefined();
    await issueLetter(
      services.current,
      { organisationId: "bchg", reference, letterId: letter!.id },
      "asha@bchg",
    );
  };

  it("complains with a photo, follows the emailed link, escalates, and downloads the final response", async () => {
    const page = await browser.newPage({
      viewport: { width: 1000, height: 900 },
      bypassCSP: true,
      acceptDownloads: true,
    });

    // 1. The representative complains, with a photo.
    await page.goto(`${base}/o/bchg/complain`);
    await page.check("input[name=hazardRisks][value=damp-mould]");
    await page.check("input[name=raisedBy][value=representative]");
    await page.fill("#representativeName", "Cal Advocate");
    await page.fill("#representativeRelationship", "Daughter");
    await page.fill("#representativeAuthority", "My mother signed a consent form");
    await page.fill("#representativeEmail", "cal@example.org");
    await page.fill("#residentName", "Grace Okafor");
    await page.fill("#residentAddress", "4 Green Lane, Smethwick");
    await page.fill("#residentPostcode", "B66 1AA");
    await page.check("input[name=category][value=damp-and-mould]");
    await page.fill(
      "#whatHappened",
      "Black mould has come back in my mother's bedroom after the last treatment.",
    );
    await page.fill("#outcomeWanted", "Treat the mould properly and find the cause");
    await page.check("input[name=residentLetters][value=email]");
    await page.setInputFiles("#files", { name: "bedroom-wall.png", mimeType: "image/png", buffer: PNG });
    await page.click("button:has-text('Send complaint')");
    await page.waitForURL(/\/complain\/made$/);
    const made = (await page.textContent("body")) ?? "";
    const reference = /BCHG-2026-\d{6}/.exec(made)?.[0] as string;
    expect(reference).toBeDefined();
    // Received Monday 7 December: BCHG acknowledges within 5 working days.
    expect(made).toContain("We will acknowledge your complaint by Monday 14 December 2026");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "portal-journey-1-made");

    // 2. The link to follow it arrives by email, to the representative.
    await deliver();
    const linkEmail = smtp.received.find((r) => r.envelope.to.includes("cal@example.org"));
    expect(linkEmail?.mail.subject).toBe(`Follow your complaint ${reference} online`);
    const link = new RegExp(`${base}/o/bchg/follow/[A-Za-z0-9_-]+`).exec(linkEmail?.mail.text ?? "")?.[0];
    expect(link).toBeDefined();

    // 3. The complaints team acknowledges and answers Stage 1; both letters are issued and emailed.
    const s = services.current;
    const at = { organisationId: "bchg", reference };
    // The portal records the resident's words; the handler sets out the complaint definition (Code 5.6).
    await assignHandler(s, { ...at, on: "2026-12-07", stage: 1, handler: "Asha Patel" }, "asha@bchg");
    await defineComplaint(
      s,
      {
        ...at,
        on: "2026-12-07",
        stage: 1,
        issues: [{ id: "1", summary: "Mould came back after treatment" }],
        outcomesSought: ["Treat the mould properly and find the cause"],
      },
      "asha@bchg",
    );
    await acknowledgeComplaint(s, { ...at, on: "2026-12-07", stage: 1 }, "asha@bchg");
    await issueEvery(reference, "stage1-acknowledgement");
    const issue = "1";
    await respondToComplaint(
      s,
      {
        ...at,
        on: "2026-12-07",
        stage: 1,
        findings: [
          { issueId: issue, decision: "not-upheld", reason: "The treatment was done as specified." },
        ],
        outcome: "not-upheld",
        remedies: [],
        actions: [],
        learning: ["Check for the cause of damp before treating mould"],
      },
      "asha@bchg",
    );
    await issueEvery(reference, "stage1-response");
    await deliver();
    expect(smtp.received.map((r) => r.mail.attachments.length).filter((n) => n > 0)).toHaveLength(2);

    // 4. The representative follows the link and asks for Stage 2, giving no reason.
    await page.goto(link as string);
    expect(await page.textContent("body")).toContain(reference);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "portal-journey-2-follow");
    await page.click("a:has-text('Ask for Stage 2')");
    await page.waitForURL(/\/escalate$/);
    await page.click("button:has-text('Ask for Stage 2')");
    await page.waitForURL(/done=/);
    expect(await page.textContent("body")).toMatch(/Stage 2/);
    await screenshot(page, "portal-journey-3-escalated");

    // 5. A different person reviews it at Stage 2 and issues the final response.
    await assignHandler(s, { ...at, on: "2026-12-07", stage: 2, handler: "Rhys Morgan" }, "rhys@bchg");
    await acknowledgeComplaint(s, { ...at, on: "2026-12-07", stage: 2 }, "rhys@bchg");
    await issueEvery(reference, "stage2-acknowledgement");
    await respondToComplaint(
      s,
      {
        ...at,
        on: "2026-12-07",
        stage: 2,
        findings: [
          {
            issueId: issue,
            decision: "upheld",
            reason: "The cause, a leaking gutter, was never looked for.",
          },
        ],
        outcome: "upheld",
        remedies: [{ id: "r1", type: "apology", description: "We apologise that the cause was not found." }],
        actions: [{ id: "a1", description: "Repair the gutter", owner: "Repairs", dueOn: "2026-12-18" }],
        learning: ["Find the cause of damp before treating mould"],
      },
      "rhys@bchg",
    );
    await issueEvery(reference, "stage2-response");
    await deliver();

    // 6. The final response is on the follow page, and downloads as the PDF that was sent.
    await page.goto(link as string);
    const final = (await lettersOf(test.db, reference)).find((l) => l.kind === "stage2-response")!;
    const title = final.document.title;
    expect(await page.textContent("#letters ~ ul")).toContain(title);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`a:has-text("${title}")`),
    ]);
    const pdf = readFileSync((await download.path()) as string);
    const text = pdfText(pdf);
    // Every section of the final response, in the order the letter sets them out.
    const headings = final.document.sections.map((section) => section.heading);
    expect(headings.length).toBeGreaterThan(3);
    // Each heading is looked for after the one before it, so finding them all proves the order.
    let from = 0;
    for (const heading of headings) {
      const at = text.indexOf(heading, from);
      expect(at, `"${heading}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
      from = at + heading.length;
    }
    expect(text).toContain("The cause, a leaking gutter, was never looked for.");
    expect(text).toMatch(/Housing Ombudsman/);
    expect(text).toMatch(/12 months/);
    await screenshot(page, "portal-journey-4-final-letter");
    // Only the link's own complaint's issued letters: an unknown letter is not found.
    expect((await fetch(`${link}/letters/00000000-0000-4000-8000-000000000000/pdf`)).status).toBe(404);
    await page.close();
  });
});
