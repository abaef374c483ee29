import { describe, expect, it } from "vitest";
import { composeEmail } from "./compose-email.ts";
import { escapeHtml, html } from "./email-content.ts";
import { letterFileName } from "./letter-email.ts";
import { composePortalLink } from "./portal-link.ts";
import { composeResidentNotice, type ResidentNotice } from "./resident-notice.ts";
import { clockInWords, composeStaffAlert, type StaffAlert } from "./staff-alert.ts";

const SCRIPT = "<script>alert('x')</script>";

const notice = (over: Partial<ResidentNotice> = {}): ResidentNotice => ({
  template: "stage1-acknowledgement",
  reference: "BCHG-2026-000012",
  recipientName: "Ada Resident",
  landlordName: "Bristol Community Housing",
  ombudsmanContact: "0300 111 3000",
  ...over,
});

const alert = (over: Partial<StaffAlert> = {}): StaffAlert => ({
  kind: "deadline-warning",
  reference: "BCHG-2026-000012",
  clock: "stage1.response",
  due: "2026-11-16",
  codeLimit: "2026-11-16",
  workingDaysLeft: 2,
  handler: "Asha Patel",
  landlordName: "Bristol Community Housing",
  notes: [],
  ...over,
});

describe("HTML in emails", () => {
  it("escapes every value put into the html template, unless it is already safe HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const inner = html`<b>${SCRIPT}</b>`;
    expect(html`<p>${inner} ${[SCRIPT, inner]} ${null}${undefined}${false}</p>`.value).toBe(
      "<p><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b> </p>",
    );
  });

  it("writes the same words as plain text and as an HTML document with a language and title", () => {
    const email = composeEmail("Subject <1>", [
      { paragraph: "Dear A & B," },
      { items: ["one", "<two>"] },
      { link: { text: "Follow it", href: "https://example.org/?a=1&b=2" }, before: "Here:" },
      { lines: ["Yours,", "Team"] },
    ]);
    expect(email.text).toBe(
      "Dear A & B,\n\n- one\n- <two>\n\nHere:\nFollow it: https://example.org/?a=1&b=2\n\nYours,\nTeam\n",
    );
    expect(email.html).toContain('<html lang="en-GB">');
    expect(email.html).toContain("<title>Subject &lt;1&gt;</title>");
    expect(email.html).toContain("<p>Dear A &amp; B,</p>");
    expect(email.html).toContain("<ul><li>one</li><li>&lt;two&gt;</li></ul>");
    expect(email.html).toContain('<a href="https://example.org/?a=1&amp;b=2">Follow it</a>');
    expect(email.html).toContain("<p>Yours,<br>Team</p>");
  });
});

describe("notices to residents", () => {
  it("acknowledges a complaint with its reference and the response date in words", () => {
    const email = composeResidentNotice(notice({ responseDue: "2026-11-16" }));
    expect(email.subject).toBe("Your complaint BCHG-2026-000012: we have received it");
    expect(email.text).toContain("Dear Ada Resident,");
    expect(email.text).toContain("We will send you our response by Monday 16 November 2026.");
    expect(email.text).toContain("Housing Ombudsman Service for advice at any time: 0300 111 3000.");
    expect(email.text).toContain("Bristol Community Housing");
  });

  it("says why more time is needed, the new date and the Ombudsman's details in an extension", () => {
    const email = composeResidentNotice(
      notice({
        template: "extension",
        stage: 1,
        workingDays: 5,
        reason: "We are waiting for a surveyor",
        responseDue: "2026-11-23",
      }),
    );
    expect(email.subject).toBe("Your complaint BCHG-2026-000012: we need more time to respond");
    expect(email.text).toContain("at Stage 1: 5 more working days.");
    expect(email.text).toContain("The reason: We are waiting for a surveyor");
    expect(email.text).toContain("by Monday 23 November 2026");
    expect(email.text).toContain("you can contact the Housing Ombudsman Service: 0300 111 3000.");
  });

  it("gives a Stage 1 response's decision and the right to escalate without a reason; Stage 2 is final", () => {
    const one = composeResidentNotice(notice({ template: "stage1-response", outcome: "partially-upheld" }));
    expect(one.text).toContain("Our decision: your complaint is partly upheld.");
    expect(one.text).toContain("You do not have to give a reason.");
    const two = composeResidentNotice(notice({ template: "stage2-response", outcome: "not-upheld" }));
    expect(two.subject).toBe("Your complaint BCHG-2026-000012: our final response");
    expect(two.text).toContain("This is our final response.");
  });

  it("writes a notice for every template, escaping what residents and officers typed in the HTML", () => {
    for (const template of [
      "stage1-acknowledgement",
      "stage2-acknowledgement",
      "extension",
      "stage1-response",
      "stage2-response",
      "refusal",
      "closure-survey",
    ] as const) {
      const email = composeResidentNotice(notice({ template, recipientName: SCRIPT, reason: SCRIPT }));
      expect(email.subject).toContain("BCHG-2026-000012");
      expect(email.text).toContain(`Dear ${SCRIPT},`);
      expect(email.html).not.toContain("<script>");
      expect(email.html).toContain("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,");
    }
  });
});

describe("alerts to staff", () => {
  it("names the clock in words and says when it is due", () => {
    expect(clockInWords("stage1.response")).toBe("Stage 1 response");
    expect(clockInWords("stage2.acknowledgement")).toBe("Stage 2 acknowledgement");
    expect(clockInWords("hazard.make-safe")).toBe("Hazard make safe");
    const warning = composeStaffAlert(alert());
    expect(warning.subject).toBe("Due in 2 working days: Stage 1 response for complaint BCHG-2026-000012");
    expect(warning.text).toContain("is due in 2 working days, on Monday 16 November 2026.");
    expect(warning.text).toContain("Handler: Asha Patel.");
    expect(composeStaffAlert(alert({ workingDaysLeft: 0 })).subject).toMatch(/^Due today:/);
    expect(composeStaffAlert(alert({ workingDaysLeft: 1 })).subject).toMatch(/^Due in 1 working day:/);
  });

  it("says a breach plainly, with the Code's limit, the handler and why the team was told", () => {
    const breach = composeStaffAlert(
      alert({
        kind: "breach-alert",
        due: "2026-11-09",
        codeLimit: "2026-11-16",
        handler: "Contractor <Ltd>",
        notes: ["The handler, Contractor <Ltd>, is not a Redress user here, so they were not emailed."],
      }),
    );
    expect(breach.subject).toBe(
      "Overdue: Stage 1 response for complaint BCHG-2026-000012 was due Monday 9 November 2026",
    );
    expect(breach.text).toContain("The Complaint Handling Code's limit for it is Monday 16 November 2026.");
    expect(breach.text).toContain("is not a Redress user here");
    expect(breach.html).toContain("Handler: Contractor &lt;Ltd&gt;.");
    expect(composeStaffAlert(alert({ handler: null })).text).toContain("Handler: nobody is assigned yet.");
  });
});

describe("the portal link and letters", () => {
  it("emails the link with the day it stops working and a warning not to share it", () => {
    const email = composePortalLink({
      name: "Ada <Resident>",
      reference: "BCHG-2026-000012",
      url: "https://complaints.example.org/p/abc?x=1&y=2",
      expiresOn: "2026-12-02",
      landlordName: "Bristol Community Housing",
    });
    expect(email.subject).toBe("Follow your complaint BCHG-2026-000012 online");
    expect(email.text).toContain(
      "Follow your complaint BCHG-2026-000012: https://complaints.example.org/p/abc?x=1&y=2",
    );
    expect(email.text).toContain("The link works until Wednesday 2 December 2026. Do not share it");
    expect(email.html).toContain('href="https://complaints.example.org/p/abc?x=1&amp;y=2"');
    expect(email.html).toContain("Dear Ada &lt;Resident&gt;,");
  });

  it("names a letter's PDF by the complaint's reference and the letter's kind", () => {
    expect(letterFileName("BCHG-2026-000012", "stage1-response")).toBe(
      "BCHG-2026-000012-stage1-response.pdf",
    );
    expect(letterFileName("../A B/12", "refusal")).toBe("A-B-12-refusal.pdf");
  });
});
