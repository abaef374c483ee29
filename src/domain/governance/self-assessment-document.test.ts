import { describe, expect, it } from "vitest";
import { reportingYear } from "../reporting/reporting-year.ts";
import {
  selfAssessmentCsvTable,
  selfAssessmentDocument,
  type AssessmentVersionSummary,
  type SelfAssessmentContent,
} from "./self-assessment-document.ts";
import { ANSWERS, PREFILL, PROVISIONS } from "./test-builders.ts";
import { outlineOf } from "../reporting/test-builders.ts";

const period = reportingYear(2026);

const notStarted: SelfAssessmentContent = {
  organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
  period,
  today: "2027-02-01",
  provisions: PROVISIONS,
  versions: [],
  shown: null,
  latestVersion: 0,
  answers: {},
  prefill: PREFILL,
};

const v1: AssessmentVersionSummary = {
  version: 1,
  change: "Section 4",
  savedBy: "cara@bchg.test",
  // 23:30 UTC on 14 January is 23:30 in London (GMT).
  savedAt: new Date("2027-01-14T23:30:00Z"),
  approvedOn: "2027-01-30",
  approvedByBody: "The Board",
  approvalRecordedBy: "cara@bchg.test",
};
const v2: AssessmentVersionSummary = {
  ...v1,
  version: 2,
  change: "Section 6",
  savedAt: new Date("2027-01-31T09:05:00Z"),
  approvedOn: null,
  approvedByBody: null,
  approvalRecordedBy: null,
};

const latest: SelfAssessmentContent = {
  ...notStarted,
  versions: [v2, v1],
  shown: v2,
  latestVersion: 2,
  answers: ANSWERS,
};

describe("the Code self-assessment as a report document", () => {
  it("says a year not started is not started, with every provision unanswered and no versions", () => {
    const document = selfAssessmentDocument(notStarted);
    expect(document).toMatchObject({
      language: "en-GB",
      title: "Complaint Handling Code self-assessment: 2026/27",
      organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
      period,
      producedOn: "2027-02-01",
    });
    expect(outlineOf(document.blocks)).toEqual([
      "P Not started for this year. Each section is saved as a new version, and the earlier versions are kept.",
      "P 0 of 3 provisions complied with, 0 not, 3 not answered yet.",
      "P Paragraph numbers follow the 2024 Code.",
      "P The requirements are paraphrased from the Code, each with how sure the checklist behind them is. Check them against the Code before publishing.",
      "H2 4. Complaint handling staff",
      "P 0 yes, 0 no, 2 not answered.",
      "Table Section 4: Complaint handling staff",
      "H2 6. Stage 1",
      "P 0 yes, 0 no, 1 not answered.",
      "Table Section 6: Stage 1",
    ]);
  });

  it("sets out the latest version in the page's order: who saved it, its approval, each section's provisions, every version", () => {
    const document = selfAssessmentDocument(latest);
    expect(outlineOf(document.blocks)).toEqual([
      "P Version 2 of 2, saved by cara@bchg.test on Sunday 31 January 2027 at 09:05 (Section 6). Not approved by the governing body.",
      "P 1 of 3 provisions complied with, 2 not, 0 not answered yet.",
      "P Paragraph numbers follow the 2024 Code.",
      "P The requirements are paraphrased from the Code, each with how sure the checklist behind them is. Check them against the Code before publishing.",
      "H2 4. Complaint handling staff",
      "P 1 yes, 1 no, 0 not answered.",
      "Table Section 4: Complaint handling staff",
      "H2 6. Stage 1",
      "P 0 yes, 1 no, 0 not answered.",
      "Table Section 6: Stage 1",
      "H2 Versions",
      "Table Every saved version, newest first",
    ]);
    const [section4, section6, versions] = document.blocks.filter((b) => b.kind === "table");
    expect(section4?.kind === "table" && section4.rows).toEqual([
      [
        "4.2",
        "A member of the governing body is responsible for complaints\nWording confirmed",
        "Yes",
        "Scheme of delegation, paragraph 3",
        "",
      ],
      [
        "4.3–4.4",
        "Contractors handle complaints under the Code\nNot confirmed. Paragraph number not confirmed",
        "No",
        "",
        "Contractors follow our process through their contract\nMeets the intent another way.",
      ],
    ]);
    expect(section6?.kind === "table" && section6.rows[0]?.[3]).toBe(
      "Policy pack: Acknowledge within 5 working days (Policy, 3.1)\nCode check (breach): Response is later than the Code allows\nLetters (gap): Sample acknowledgement: not kept yet",
    );
    expect(versions?.kind === "table" && versions.rows).toEqual([
      ["Version 2", "Sunday 31 January 2027 at 09:05 by cara@bchg.test", "Section 6", ""],
      [
        "Version 1",
        "Thursday 14 January 2027 at 23:30 by cara@bchg.test",
        "Section 4",
        "Approved by The Board on Saturday 30 January 2027 (recorded by cara@bchg.test)",
      ],
    ]);
  });

  it("says an earlier version is one, with its approval", () => {
    const lines = outlineOf(selfAssessmentDocument({ ...latest, shown: v1 }).blocks);
    expect(lines.slice(0, 2)).toEqual([
      "P Version 1 of 2, saved by cara@bchg.test on Thursday 14 January 2027 at 23:30 (Section 4). Approved by The Board on Saturday 30 January 2027.",
      "P This is an earlier version, with the evidence Redress showed when it was saved.",
    ]);
  });

  it("gives the spreadsheet a row per provision, in the file's order", () => {
    const table = selfAssessmentCsvTable(latest);
    expect(table.rows.map((r) => [r[0], r[1], r[3], r[6], r[7]])).toEqual([
      [4, "4.2", "Yes", "", null],
      [4, "4.3–4.4", "No", "", null],
      [6, "6.2", "No", "Recruit a second officer", "2027-03-31"],
    ]);
    // The requirement as the Code's, without the checklist's certainty.
    expect(table.rows[2]?.[2]).toBe("Stage 1 acknowledged within 5 working days");
  });
});
