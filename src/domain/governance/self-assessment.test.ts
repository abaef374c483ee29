import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GovernanceRuleError } from "./governance-errors.ts";
import {
  assessmentSummary,
  BLANK_ANSWER,
  checkAnswer,
  checkAssessmentApproval,
  checkBasedOnLatest,
  saveSection,
  type Answer,
} from "./self-assessment.ts";
import type { EvidenceItem } from "./self-assessment-evidence.ts";
import { parseProvisions } from "./self-assessment-provisions.ts";

const PROVISIONS = parseProvisions(parse(readFileSync("data/code-2024-self-assessment.yaml", "utf8")));
const row = (id: string) => PROVISIONS.rows.find((r) => r.id === id)!;
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return `${error.code}@${error.field ?? ""}`;
    throw error;
  }
};
const answer = (over: Partial<Answer>): Answer => ({ ...BLANK_ANSWER, ...over });
const pack: EvidenceItem = {
  source: "pack",
  text: "Stage 1 acknowledged within 5 working days",
  available: true,
};
const slot: EvidenceItem = { source: "letters", text: "Sample letter: not kept yet", available: false };
const breach: EvidenceItem = { source: "lint", text: "Too late", severity: "error", available: true };

describe("the self-assessment rows (data/code-2024-self-assessment.yaml)", () => {
  it("cover the Code's sections 1 to 9, each row once, each with the checklist's certainty", () => {
    expect(PROVISIONS.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const s of PROVISIONS.sections)
      expect(
        PROVISIONS.rows.some((r) => r.section === s.number),
        `section ${s.number}`,
      ).toBe(true);
    expect(row("6.12")).toMatchObject({ certainty: "V", paragraphs: ["6.12"] });
    // Where the checklist has no confirmed number, the row says so.
    expect(row("5.7").certainty).toBe("U");
    expect(row("5.7").note).toMatch(/not confirmed/);
    for (const r of PROVISIONS.rows.filter((r) => r.certainty === "U")) expect(r.note, r.id).toBeTruthy();
  });

  it("refuses a file with a row twice or a row in a section it does not list", () => {
    const raw = parse(readFileSync("data/code-2024-self-assessment.yaml", "utf8"));
    expect(() => parseProvisions({ ...raw, rows: [...raw.rows, raw.rows[0]] })).toThrow(
      /rows\.\d+\.id: "1.2" twice/,
    );
    expect(() => parseProvisions({ ...raw, sections: raw.sections.slice(1) })).toThrow(/no such section/);
  });
});

describe("an answer to a row", () => {
  it("says it complies only with evidence: typed, or shown by Redress (a slot or a linter finding is not evidence)", () => {
    expect(code(() => checkAnswer(row("6.2"), answer({ comply: "yes" }), [slot]))).toBe(
      "EVIDENCE_REQUIRED@answers.6.2.evidence",
    );
    expect(code(() => checkAnswer(row("6.2"), answer({ comply: "yes" }), [pack]))).toBeNull();
    expect(
      code(() => checkAnswer(row("6.2"), answer({ comply: "yes", evidence: "Audit of 20 cases" }), [])),
    ).toBeNull();
  });

  it("explains a statement of compliance where the Code linter finds the pack in breach", () => {
    expect(code(() => checkAnswer(row("6.12"), answer({ comply: "yes" }), [pack, breach]))).toBe(
      "LINT_ERROR_UNEXPLAINED@answers.6.12.commentary",
    );
    expect(
      code(() =>
        checkAnswer(row("6.12"), answer({ comply: "yes", commentary: "Redress never asks" }), [pack, breach]),
      ),
    ).toBeNull();
  });

  it("where it does not comply: why, and the actions and date, or the intent met another way", () => {
    const no = (over: Partial<Answer>) =>
      code(() => checkAnswer(row("3.4"), answer({ comply: "no", ...over }), []));
    expect(no({})).toBe("EXPLANATION_REQUIRED@answers.3.4.commentary");
    expect(no({ commentary: "No website" })).toBe("ACTIONS_REQUIRED@answers.3.4.actions");
    expect(no({ commentary: "No website", actions: "Build one" })).toBe(
      "COMPLIANCE_DATE_REQUIRED@answers.3.4.complianceBy",
    );
    expect(no({ commentary: "No website", actions: "Build one", complianceBy: "2027-03-31" })).toBeNull();
    expect(no({ commentary: "No website; leaflets to every home", meetsIntentOtherwise: true })).toBeNull();
  });

  it("may be left unanswered", () => {
    expect(code(() => checkAnswer(row("6.2"), answer({ evidence: "draft" }), []))).toBeNull();
  });
});

describe("saving a section", () => {
  it("replaces that section's rows only, checking each, and counts what is answered", () => {
    const before = saveSection(
      PROVISIONS,
      {},
      4,
      { "4.1": { comply: "yes", evidence: "Named officer: Ana" } },
      {},
    );
    const after = saveSection(PROVISIONS, before, 6, { "6.2": { comply: "yes" } }, { "6.2": [pack] });
    expect(after["4.1"]).toEqual(before["4.1"]);
    expect(after["6.2"]?.comply).toBe("yes");
    expect(after["6.3"]).toEqual(BLANK_ANSWER);
    expect(code(() => saveSection(PROVISIONS, after, 6, { "6.2": { comply: "yes" } }, {}))).toBe(
      "EVIDENCE_REQUIRED@answers.6.2.evidence",
    );
    const summary = assessmentSummary(PROVISIONS, after);
    expect(summary.yes).toBe(2);
    expect(summary.unanswered).toBe(PROVISIONS.rows.length - 2);
    expect(summary.sections.find((s) => s.number === 4)).toMatchObject({
      rows: 3,
      yes: 1,
      no: 0,
      unanswered: 2,
    });
  });

  it("starts from the latest version only", () => {
    expect(code(() => checkBasedOnLatest(3, 3))).toBeNull();
    expect(code(() => checkBasedOnLatest(3, 2))).toBe("NEWER_VERSION_SAVED@");
  });
});

describe("the governing body's approval", () => {
  it("is of the latest version, once, on a day that has happened", () => {
    const v = (version: number, approvedOn: string | null = null) => ({ version, approvedOn });
    expect(code(() => checkAssessmentApproval(v(2), 2, "2027-01-20", "2027-02-01"))).toBeNull();
    expect(code(() => checkAssessmentApproval(v(1), 2, "2027-01-20", "2027-02-01"))).toBe(
      "APPROVE_LATEST_ONLY@",
    );
    expect(code(() => checkAssessmentApproval(v(2, "2027-01-05"), 2, "2027-01-20", "2027-02-01"))).toBe(
      "ALREADY_APPROVED_VERSION@",
    );
    expect(code(() => checkAssessmentApproval(v(2), 2, "2027-02-02", "2027-02-01"))).toBe(
      "DATE_IN_FUTURE@approvedOn",
    );
    expect(code(() => checkAssessmentApproval(v(0), 0, "2027-01-20", "2027-02-01"))).toBe(
      "NOTHING_TO_APPROVE@",
    );
  });
});
