import { describe, expect, it } from "vitest";
import { BUNDLED_PACK_IDS, packFor } from "../complaint/test-builders.ts";
import { DEFAULT_TEMPLATES } from "./default-templates.ts";
import { draftLetterDocument, UNSIGNED } from "./draft-letter.ts";
import { missingContent } from "./letter-checks.ts";
import { addressLines } from "./letter-facts-from-case.ts";
import { draftOf, factsFor, HISTORIES, PARTIES, sectionText, textOf } from "./test-builders.ts";

describe("a Stage 2 final response, under each bundled pack", () => {
  it.each(BUNDLED_PACK_IDS)(
    "%s: tells the resident how to refer to the Housing Ombudsman, with its details and the 12-month window",
    (packId) => {
      const { document, facts } = draftOf("stage2-response", { packId });
      const ombudsman = packFor(packId).signposting.find((s) => s.body === "housing-ombudsman");
      expect(ombudsman).toBeDefined();
      expect(sectionText(document, "ombudsman")).toContain(
        "ask the Housing Ombudsman Service to investigate your complaint",
      );
      expect(sectionText(document, "ombudsman")).toContain(ombudsman!.contact);
      expect(sectionText(document, "ombudsman-time-limit")).toContain(
        "within 12 months of the date of this letter",
      );
      expect(sectionText(document, "ombudsman-time-limit")).toContain(
        "12 months or more after our final response",
      );
      expect(missingContent(document, facts)).toEqual([]);
    },
  );
});

describe("drafting from the case", () => {
  it("names the stage with the policy's own name for it", () => {
    expect(sectionText(draftOf("stage1-response", { packId: "bchg" }).document, "stage")).toContain(
      "at Stage 1 (General Complaints) of our complaints procedure",
    );
    expect(sectionText(draftOf("stage1-response").document, "stage")).toContain("at Stage 1 of our");
    // A one-stage pack still gets the Code's Stage 2.
    expect(
      sectionText(draftOf("stage1-response", { packId: "putting-things-right" }).document, "escalation"),
    ).toContain("at Stage 2 of our complaints procedure");
  });

  it("gives an extension's reason, its new date and the date it replaces", () => {
    const text = textOf(draftOf("extension").document);
    expect(text).toContain("This is because: Waiting for a surveyor's report");
    expect(text).toContain("We will now send you our response by Tuesday 24 November 2026.");
    expect(text).toContain("This replaces the date we gave you before, Tuesday 17 November 2026.");
    // No good reason was recorded, so that paragraph is left out rather than sent half-filled.
    expect(text).not.toContain("longer than we would usually take");
  });

  it("gives the acknowledgement's handler, response date and definition", () => {
    const { document } = draftOf("stage1-acknowledgement");
    expect(sectionText(document, "handler")).toContain("Hana Handler is dealing with your complaint.");
    expect(sectionText(document, "response-due")).toContain("by Tuesday 17 November 2026");
    expect(document.sections.find((s) => s.id === "definition")?.items).toEqual([
      "The roof leak reported in August was not repaired",
      "Two repair appointments were missed without notice",
    ]);
    expect(document.sections.find((s) => s.id === "outcomes")?.items).toEqual([
      "Repair the roof",
      "An apology for the missed appointments",
    ]);
    expect(document.signOff).toEqual({
      closing: "Yours sincerely,",
      name: "Hana Handler",
      role: "For Example Homes",
    });
  });

  it("keeps a required section with no words when the case lacks the fact, so the handler sees what to add", () => {
    const { state } = HISTORIES["stage1-acknowledgement"]();
    const unassigned = {
      ...state,
      stages: { ...state.stages, 1: { ...state.stages[1], handler: undefined } },
    };
    const facts = factsFor("stage1-acknowledgement", { state: unassigned });
    const document = draftLetterDocument(DEFAULT_TEMPLATES["stage1-acknowledgement"], facts);
    expect(document.sections.find((s) => s.id === "handler")).toEqual({
      id: "handler",
      heading: "Who is dealing with your complaint",
      paragraphs: [],
    });
    expect(missingContent(document, facts).map((i) => i.name)).toEqual(["who is handling the complaint"]);
    expect(document.signOff.name).toBe(UNSIGNED);
  });

  it("says each finding with its reason, the remedy with its amount, and the actions with dates", () => {
    const stage1 = draftOf("stage1-response").document;
    expect(sectionText(stage1, "decision")).toContain("We have partly upheld your complaint.");
    expect(sectionText(stage1, "finding:roof")).toBe(
      "The roof leak reported in August was not repaired\nWe have upheld this part of your complaint.",
    );
    expect(sectionText(stage1, "reason:roof")).toContain("The repair was booked late.");
    expect(sectionText(stage1, "finding:appointments")).toContain("We have not upheld this part");
    expect(sectionText(stage1, "actions")).toContain(
      "Repair the roof: Repairs team will do this by Monday 30 November 2026",
    );
    const stage2 = draftOf("stage2-response").document;
    expect(sectionText(stage2, "remedy")).toContain("Compensation: For the missed visits (£150)");
    expect(sectionText(stage2, "actions")).toContain(
      "There is nothing more we need to do on your complaint.",
    );
  });

  it("offers the escalation window's last day only while it is still to come", () => {
    const inTime = draftOf("stage1-response", { packId: "bchg", today: "2026-11-09" }).document;
    // BCHG: 7 working days from the response on Monday 9 November.
    expect(sectionText(inTime, "escalation")).toContain(
      "Please ask by Wednesday 18 November 2026 if you can.",
    );
    const late = draftOf("stage1-response", { packId: "bchg", today: "2026-11-30" }).document;
    expect(sectionText(late, "escalation")).not.toContain("Please ask by");
    expect(sectionText(late, "escalation")).toContain("You do not need to give a reason");
  });

  it("gives a refusal's ground in the policy's words, and the reason recorded", () => {
    const text = textOf(draftOf("refusal", { packId: "bchg" }).document);
    expect(text).toContain(
      "We have decided that we cannot accept your complaint into our complaints procedure.",
    );
    expect(text).toContain("The issue is, or has been, subject to legal proceedings.");
    expect(text).toContain("Explained to the resident.");
    expect(text).toContain("may tell us to accept your complaint");
  });

  it("keeps the text of the record as it is: markup is data, never interpreted", () => {
    const parties = { ...PARTIES, resident: { ...PARTIES.resident!, name: "<b>Bold</b> {{reference}}" } };
    const { document } = draftOf("stage1-acknowledgement", { parties });
    expect(document.recipient.name).toBe("<b>Bold</b> {{reference}}");
    // A placeholder inside a value is not filled in again.
    expect(document.salutation).toBe("Dear <b>Bold</b> {{reference}},");
  });

  it("titles and dates the letter", () => {
    const { document } = draftOf("stage2-response");
    expect(document).toMatchObject({
      kind: "stage2-response",
      language: "en-GB",
      title: "Complaint EX-2026-000012: Stage 2 final response",
      date: "2026-12-02",
      reference: "EX-2026-000012",
      landlord: { name: "Example Homes", addressLines: ["1 High Street", "Birmingham", "B1 1AA"] },
    });
  });
});

describe("an address as lines", () => {
  it.each([
    ["12 Oak Road, Smethwick", "B66 1AA", ["12 Oak Road", "Smethwick", "B66 1AA"]],
    ["Flat 2\n3 Elm Street\nDudley", "DY1 1AA", ["Flat 2", "3 Elm Street", "Dudley", "DY1 1AA"]],
    ["3 Elm Street, Dudley DY1 1AA", "DY1 1AA", ["3 Elm Street", "Dudley DY1 1AA"]],
    [null, null, []],
  ])("%j with postcode %j", (address, postcode, lines) => {
    expect(addressLines(address, postcode)).toEqual(lines);
  });
});
