import { describe, expect, it } from "vitest";
import {
  assessmentCsvTable,
  assessmentRows,
  assessmentTable,
  evidenceAsShown,
  supportingEvidence,
} from "./self-assessment-table.ts";
import { ANSWERS, PREFILL, PROVISIONS } from "./test-builders.ts";

describe("the self-assessment's rows and table, shared by the annual report and the self-assessment's own downloads", () => {
  it("keeps only the evidence that supports a statement for the published report, and labels all of it as the page does for the landlord's own", () => {
    const items = PREFILL["6.2"]!;
    expect(supportingEvidence(items)).toEqual(["Acknowledge within 5 working days"]);
    expect(evidenceAsShown(items)).toEqual([
      "Policy pack: Acknowledge within 5 working days (Policy, 3.1)",
      "Code check (breach): Response is later than the Code allows",
      "Letters (gap): Sample acknowledgement: not kept yet",
    ]);
    expect(
      evidenceAsShown([
        { source: "lint", text: "Could be clearer", severity: "warning", available: true },
        { source: "lint", text: "Worth a look", severity: "info", available: true },
      ]),
    ).toEqual(["Code check (risk): Could be clearer", "Code check (note): Worth a look"]);
  });

  it("gives each provision its answer, the evidence followed by the officer's own, and an unanswered one as such", () => {
    const rows = assessmentRows(PROVISIONS, ANSWERS, PREFILL, supportingEvidence);
    expect(rows.map((r) => [r.provision, r.comply, r.evidence])).toEqual([
      ["4.2", "yes", ["Scheme of delegation, paragraph 3"]],
      ["4.3–4.4", "no", []],
      ["6.2", "no", ["Acknowledge within 5 working days"]],
    ]);
    const blank = assessmentRows(PROVISIONS, {}, {}, supportingEvidence)[0];
    expect(blank).toEqual({
      id: "4.2",
      provision: "4.2",
      section: 4,
      requirement: "A member of the governing body is responsible for complaints",
      comply: null,
      evidence: [],
      commentary: "",
      actions: "",
      complianceBy: null,
      meetsIntentOtherwise: false,
    });
  });

  it("writes the commentary with the intent met another way and the actions with their date", () => {
    const table = assessmentTable("Caption", assessmentRows(PROVISIONS, ANSWERS, PREFILL, evidenceAsShown));
    expect(table.rows.map((r) => [r[2], r[4]])).toEqual([
      ["Yes", ""],
      ["No", "Contractors follow our process through their contract\nMeets the intent another way."],
      ["No", "Responses run late\nActions: Recruit a second officer (by Wednesday 31 March 2027)"],
    ]);
    // Meeting the intent another way is only said of a provision not complied with.
    const yes = assessmentRows(
      PROVISIONS,
      { "4.2": { ...ANSWERS["4.2"]!, meetsIntentOtherwise: true } },
      {},
      supportingEvidence,
    );
    expect(assessmentTable("Caption", yes).rows[0]![4]).toBe("");
  });

  it("gives the spreadsheet each part of a row in its own column", () => {
    const table = assessmentCsvTable(
      "Caption",
      assessmentRows(PROVISIONS, ANSWERS, PREFILL, evidenceAsShown),
    );
    expect(table.columns.map((c) => c.header)).toEqual([
      "Section",
      "Provision",
      "Requirement",
      "Comply",
      "Evidence",
      "Commentary",
      "Actions",
      "Compliance by",
    ]);
    expect(table.rows).toEqual([
      [
        4,
        "4.2",
        "A member of the governing body is responsible for complaints",
        "Yes",
        "Scheme of delegation, paragraph 3",
        "",
        "",
        null,
      ],
      [
        4,
        "4.3–4.4",
        "Contractors handle complaints under the Code",
        "No",
        "",
        "Contractors follow our process through their contract\nMeets the intent another way.",
        "",
        null,
      ],
      [
        6,
        "6.2",
        "Stage 1 acknowledged within 5 working days",
        "No",
        "Policy pack: Acknowledge within 5 working days (Policy, 3.1)\nCode check (breach): Response is later than the Code allows\nLetters (gap): Sample acknowledgement: not kept yet",
        "Responses run late",
        "Recruit a second officer",
        "2027-03-31",
      ],
    ]);
  });
});
