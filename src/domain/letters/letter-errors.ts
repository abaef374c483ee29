import type { ChecklistItem } from "./letter-checks.ts";
import type { TemplateProblem } from "./letter-template.ts";

/**
 * Every way a change to a letter or a template can break a rule, with a stable code and words a handler
 * or administrator understands. Mapped to HTTP and to the pages' error summaries in src/web.
 */
export const LETTER_RULES = {
  LETTER_INCOMPLETE:
    "This letter cannot be issued yet: it does not say everything the Complaint Handling Code requires.",
  LETTER_ALREADY_ISSUED: "This letter has been issued, so it can no longer be changed.",
  UNKNOWN_LETTER_SECTION: "This letter has no such section; sections can be reworded, not added.",
  TEMPLATE_INVALID: "The template cannot be saved as it is.",
} as const;

export type LetterRuleCode = keyof typeof LETTER_RULES;

export class LetterRuleError extends Error {
  constructor(
    readonly code: LetterRuleCode,
    /** The input the rule is about, where there is one. */
    readonly field?: string,
    detail?: string,
  ) {
    super(detail ? `${LETTER_RULES[code]} ${detail}` : LETTER_RULES[code]);
    this.name = "LetterRuleError";
  }
}

/** Issuing refused: each missing item is named, in the message and one by one for a form. */
export class LetterIncompleteError extends LetterRuleError {
  constructor(readonly missing: ChecklistItem[]) {
    super("LETTER_INCOMPLETE", missing[0]?.sectionId, `It must also say: ${namesOf(missing)}.`);
    this.name = "LetterIncompleteError";
  }
}

/** Saving a template refused: each problem at its place. */
export class TemplateInvalidError extends LetterRuleError {
  constructor(readonly problems: TemplateProblem[]) {
    super("TEMPLATE_INVALID", problems[0]?.field, problems.map((p) => p.message).join(" "));
    this.name = "TemplateInvalidError";
  }
}

function namesOf(items: ChecklistItem[]): string {
  return items.map((i) => i.name).join("; ");
}
