import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addResidentMessage } from "../../src/app/add-resident-message.ts";
import { addUser } from "../../src/app/add-user.ts";
import { sendFollowLink } from "../../src/app/send-follow-link.ts";
import { aComplaint, NOW } from "../../src/app/test-builders.ts";
import { writeToResident } from "../../src/app/write-to-resident.ts";
import { buildApp } from "../../src/web/app.ts";
import {
  axeViolations,
  chromiumAvailable,
  launchChromium,
  screenshot,
  signInAs,
} from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { anOrganisation, testServices } from "../support/services.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;
const PUBLIC = "https://complaints.example.org";
// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

run("resident portal pages in a real browser (headless Chromium)", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let services: ReturnType<typeof testServices>;
  const links: Record<string, string> = {};
  let withMessages = "";

  /** A follow link's path, as emailed. */
  const linkFor = async (reference: string) => {
    await sendFollowLink(services, { organisationId: "bchg", reference, publicUrl: PUBLIC }, "staff");
    const { rows } = await test.db.query(
      "SELECT payload->>'url' AS url FROM outbox WHERE kind = 'portal-link' AND payload->>'reference' = $1 ORDER BY id DESC LIMIT 1",
      [reference],
    );
    return String(rows[0]?.url).replace(PUBLIC, "");
  };

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await addUser(services, {
      organisationId: "bchg",
      email: "asha@bchg.test",
      name: "Asha Patel",
      role: "handler",
      password: "correct horse battery",
    });
    for (const milestone of ["acknowledged", "responded", "escalated", "closed"] as const) {
      const reference = await aComplaint(services, "bchg", milestone);
      if (milestone === "acknowledged") withMessages = reference;
      links[milestone] = await linkFor(reference);
    }
    // Messages both ways on the acknowledged complaint, so the follow page shows them.
    const acknowledged = await test.db.query(
      "SELECT l.id, l.complaint_id, c.reference, l.sent_to FROM portal_links l JOIN complaints c ON c.id = l.complaint_id WHERE c.reference = $1",
      [withMessages],
    );
    const row = acknowledged.rows[0] as {
      id: string;
      complaint_id: string;
      reference: string;
      sent_to: string;
    };
    await addResidentMessage(services, {
      organisationId: "bchg",
      link: { id: row.id, complaintId: row.complaint_id, reference: row.reference, sentTo: row.sent_to },
      body: "The leak is worse <script>alert(1)</script>",
      files: [{ fileName: "leak.txt", content: Buffer.from("notes\n") }],
    });
    await writeToResident(
      services,
      {
        organisationId: "bchg",
        reference: row.reference,
        body: "We will visit on Friday",
        publicUrl: PUBLIC,
      },
      "asha@bchg.test",
    );
    app = await buildApp(services, { publicUrl: PUBLIC });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const checked = async (page: Page, name: string) => {
    expect(await axeViolations(page), name).toEqual([]);
    await screenshot(page, `portal-${name}`);
  };
  const submit = (page: Page, text: string) => page.click(`button:has-text('${text}')`);
  const errorSummary = (page: Page) =>
    expect.poll(() => page.locator(".govuk-error-summary").count()).toBe(1);

  it("every portal page, with its errors, has no WCAG 2.2 A/AA violations", async () => {
    // axe is injected through the debugging protocol; the pages' own CSP stays on.
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });

    await page.goto(`${base}/o/bchg/complain`);
    await checked(page, "complain");
    await submit(page, "Send complaint");
    await errorSummary(page);
    await checked(page, "complain-errors");

    await page.goto(`${base}/o/bchg/complaints-policy`);
    await checked(page, "complaints-policy");

    await page.goto(`${base}${links.acknowledged}`);
    expect(await page.textContent("body")).toContain("The leak is worse <script>alert(1)</script>");
    await page.evaluate(`document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""))`);
    await checked(page, "follow");
    await submit(page, "Send");
    await errorSummary(page);
    await checked(page, "follow-errors");

    await page.goto(`${base}${links.responded}`);
    await page.click("a:has-text('Ask for Stage 2')");
    await page.waitForURL(/\/escalate$/);
    await checked(page, "escalate");

    await page.goto(`${base}${links.escalated}`);
    await checked(page, "follow-stage2");

    await page.goto(`${base}${links.closed}`);
    await page.click("a:has-text('Answer the questions')");
    await checked(page, "survey");
    await submit(page, "Send answers");
    await errorSummary(page);
    await checked(page, "survey-errors");

    await page.goto(`${base}/o/bchg/follow/${"x".repeat(43)}`);
    await checked(page, "link-unknown");
    services.setNow("2027-06-01T09:00:00Z");
    await page.goto(`${base}${links.closed}`);
    await checked(page, "link-expired");
    await submit(page, "Send me a new link");
    await errorSummary(page);
    await checked(page, "link-expired-errors");
    await page.fill("#email", "resident@example.org");
    await submit(page, "Send me a new link");
    await expect.poll(() => page.textContent("h1")).toContain("Check your email");
    await checked(page, "link-renewed");
    services.setNow(NOW);

    await page.goto(`${base}/o/nobody/complain`);
    await checked(page, "not-found");
    expect(alerts).toEqual([]); // resident text is never run as script
    await page.close();
  });

  it("works with JavaScript off: a complaint with a photo, an error on the way that keeps what was typed, then the confirmation", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/o/bchg/complain`);
    // The page's own Content Security Policy lets govuk-frontend's stylesheet apply.
    const font = await page.evaluate(`getComputedStyle(document.querySelector("h1")).fontFamily`);
    expect(font).toContain("GDS Transport");
    await page.check("input[name=hazardRisks][value=damp-mould]");
    await page.check("input[name=hazardOccupants][value=breathing]");
    await page.check("input[name=raisedBy][value=resident]");
    await page.fill("#residentEmail", "ruth@example.org");
    await page.check("input[name=category][value=damp-and-mould]");
    await page.fill("#whatHappened", "Black mould in the bedroom since October");
    await page.fill("#issueOn-day", "1");
    await page.fill("#issueOn-month", "10");
    await page.fill("#issueOn-year", "2026");
    await page.setInputFiles("#files", { name: "mould.png", mimeType: "image/png", buffer: PNG });
    // The name is missing: the form comes back with everything kept and the photo held.
    await page.click("button:has-text('Send complaint')");
    await page.waitForSelector(".govuk-error-summary");
    expect(await page.textContent(".govuk-error-summary")).toContain("Enter your full name");
    expect(await page.inputValue("#whatHappened")).toBe("Black mould in the bedroom since October");
    expect(await page.inputValue("#residentEmail")).toBe("ruth@example.org");
    expect(await page.inputValue("#issueOn-month")).toBe("10");
    expect(await page.isChecked("input[name=hazardRisks][value=damp-mould]")).toBe(true);
    expect(await page.isChecked("input[name=category][value=damp-and-mould]")).toBe(true);
    expect(await page.textContent("body")).toContain("mould.png");

    await page.fill("#residentName", "Ruth Example");
    await page.click("button:has-text('Send complaint')");
    await page.waitForURL(/\/complain\/made$/);
    const confirmation = (await page.textContent("body")) ?? "";
    expect(confirmation).toMatch(/Your reference is\s*BCHG-2026-\d{6}/);
    // Received Tuesday 15 December 2026: BCHG acknowledges within 5 working days.
    expect(confirmation).toContain("We will acknowledge your complaint by Tuesday 22 December 2026");
    expect(confirmation).toContain("must look into the risk within 24 hours");
    await screenshot(page, "portal-complaint-made-no-js");
    const reference = /BCHG-2026-\d{6}/.exec(confirmation)?.[0];
    const { rows } = await test.db.query(
      `SELECT a.file_name FROM attachments a JOIN complaints c ON c.id = a.complaint_id WHERE c.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ file_name: "mould.png" }]);
    await context.close();
  });

  it("the case page's resident portal section (messages, reply, links, a refused reply) has no violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await signInAs(page, base, "asha@bchg.test");
    await linkFor(withMessages); // a second link, so one can be stopped
    await page.goto(`${base}/complaints/${withMessages}`);
    expect(await page.textContent("#resident-portal ~ div")).toContain(
      "The leak is worse <script>alert(1)</script>",
    );
    await page.click("button:has-text('Stop link') >> nth=0");
    await page.waitForURL(/done=revoke-portal-link/);
    expect(await page.textContent("body")).toContain("Stopped");
    await page.click("summary:has-text('Write to the resident')");
    await page.click("button:has-text('Send the message')");
    await errorSummary(page);
    await page.evaluate(`document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""))`);
    await checked(page, "staff-case-portal-section");
    await page.close();
  });
});
