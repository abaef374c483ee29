import { isLocalDate, type LocalDate } from "../calendar/day-number.ts";
import { GovernanceRuleError } from "./governance-errors.ts";
import type { EvidenceItem } from "./self-assessment-evidence.ts";
import type { Provision, Provisions } from "./self-assessment-provisions.ts";

/**
 * The Code self-assessment (Code 8; the Code's Appendix A form): for each provision, whether the landlord
 * complies, the evidence, and a commentary; where it does not comply, the actions and the date for reaching
 * compliance, or how it meets the intent another way. Completed by the complaints officer, approved by the
 * governing body at least once a year; every save is a new version.
 */
export interface Answer {
  comply: "yes" | "no" | null;
  /** What the officer adds to the evidence Redress shows. */
  evidence: string;
  commentary: string;
  actions: string;
  complianceBy: LocalDate | null;
  /** Not complying to the letter, but meeting the provision's intent another way (e.g. no website). */
  meetsIntentOtherwise: boolean;
}

export type Answers = Record<string, Answer>;

export const BLANK_ANSWER: Answer = {
  comply: null,
  evidence: "",
  commentary: "",
  actions: "",
  complianceBy: null,
  meetsIntentOtherwise: false,
};

/** Where a rule about a row points: the row's part in the input (`answers.6.2.evidence`). */
export const answerField = (rowId: string, part: keyof Answer) => `answers.${rowId}.${part}`;

/** Evidence Redress shows that supports a statement (a linter finding is a concern, not support). */
const supports = (e: EvidenceItem) => e.available && e.source !== "lint";

/**
 * Checks one row's answer. Compliance needs evidence (the officer's, or what Redress shows), and an
 * explanation where Redress's check finds the pack in breach of the provision; not complying needs an
 * explanation and either the actions and a date for compliance, or the intent met another way.
 */
export function checkAnswer(row: Provision, answer: Answer, prefilled: readonly EvidenceItem[]): void {
  const field = (part: keyof Answer) => answerField(row.id, part);
  if (answer.comply === "yes") {
    if (!answer.evidence.trim() && !prefilled.some(supports))
      throw new GovernanceRuleError("EVIDENCE_REQUIRED", field("evidence"));
    const breach = prefilled.some((e) => e.source === "lint" && e.severity === "error");
    if (breach && !answer.commentary.trim())
      throw new GovernanceRuleError("LINT_ERROR_UNEXPLAINED", field("commentary"));
  }
  if (answer.comply === "no") {
    if (!answer.commentary.trim()) throw new GovernanceRuleError("EXPLANATION_REQUIRED", field("commentary"));
    if (!answer.meetsIntentOtherwise) {
      if (!answer.actions.trim()) throw new GovernanceRuleError("ACTIONS_REQUIRED", field("actions"));
      if (!answer.complianceBy || !isLocalDate(answer.complianceBy))
        throw new GovernanceRuleError("COMPLIANCE_DATE_REQUIRED", field("complianceBy"));
    }
  }
}

/**
 * The answers after saving one section: the section's rows replaced by what was typed (each checked), the
 * other sections as they were. Rows not in the section are never touched by a section's form.
 */
export function saveSection(
  provisions: Provisions,
  current: Answers,
  section: number,
  typed: Readonly<Record<string, Partial<Answer>>>,
  prefill: Readonly<Record<string, readonly EvidenceItem[]>>,
): Answers {
  const next: Answers = { ...current };
  for (const row of provisions.rows.filter((r) => r.section === section)) {
    const answer: Answer = { ...BLANK_ANSWER, ...typed[row.id] };
    checkAnswer(row, answer, prefill[row.id] ?? []);
    next[row.id] = answer;
  }
  return next;
}

export interface SectionSummary {
  number: number;
  title: string;
  rows: number;
  yes: number;
  no: number;
  unanswered: number;
}

/** How far the assessment has got: per section and in all, rows complying, not complying and not answered. */
export function assessmentSummary(provisions: Provisions, answers: Answers) {
  const sections: SectionSummary[] = provisions.sections.map((s) => {
    const rows = provisions.rows.filter((r) => r.section === s.number);
    const count = (c: Answer["comply"]) => rows.filter((r) => (answers[r.id]?.comply ?? null) === c).length;
    return { ...s, rows: rows.length, yes: count("yes"), no: count("no"), unanswered: count(null) };
  });
  const total = (k: "rows" | "yes" | "no" | "unanswered") => sections.reduce((n, s) => n + s[k], 0);
  return {
    sections,
    rows: total("rows"),
    yes: total("yes"),
    no: total("no"),
    unanswered: total("unanswered"),
  };
}

/** A save must start from the latest version, so nobody overwrites answers they never saw. */
export function checkBasedOnLatest(latest: number, basedOn: number): void {
  if (basedOn !== latest) throw new GovernanceRuleError("NEWER_VERSION_SAVED");
}

/**
 * Recording that the governing body approved a version (at least once a year): only the latest version,
 * once, on a day that has happened.
 */
export function checkAssessmentApproval(
  target: { version: number; approvedOn: LocalDate | null },
  latest: number,
  approvedOn: LocalDate,
  today: LocalDate,
): void {
  if (latest === 0) throw new GovernanceRuleError("NOTHING_TO_APPROVE");
  if (target.version !== latest) throw new GovernanceRuleError("APPROVE_LATEST_ONLY");
  if (target.approvedOn) throw new GovernanceRuleError("ALREADY_APPROVED_VERSION");
  if (approvedOn > today) throw new GovernanceRuleError("DATE_IN_FUTURE", "approvedOn");
}
