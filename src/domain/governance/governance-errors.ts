/**
 * Every way a governance record (learning, "you said, we did", Ombudsman findings, the self-assessment, the
 * annual report) can break a rule, with a stable code and words an officer understands. The web layer maps
 * them to 422 and shows each at its field.
 */
export const GOVERNANCE_RULES = {
  LESSON_ACTION_REQUIRED: "Say what is being done about this lesson.",
  LESSON_OWNER_REQUIRED: "Say who owns the action (a person or a team).",
  LESSON_DUE_REQUIRED: "Say when the action is due, like 2027-01-29.",
  LESSON_DONE_ON_REQUIRED: "Say when the action was done, like 2026-11-30.",
  LESSON_NO_ACTION_REASON_REQUIRED: "Say why no action is needed.",
  UNKNOWN_FOLLOW_UP_ACTION: "Choose one of this complaint's follow-up actions, or record the action here.",
  DATE_IN_FUTURE: "That date is in the future; record things on or after the day they happen.",
  PERSONAL_DETAILS: "This would publish a resident's details. Take them out before approving it.",
  CHANGED_ON_REQUIRED: "Say when the change was made before approving it for publication, like 2026-11-30.",
  ENTRY_WITHDRAWN: "This entry was withdrawn. Draft a new one to publish it again.",
  ALREADY_APPROVED: "This entry is already approved for publication.",
  FINDING_REQUIRED: "Record the Ombudsman's finding on at least one element of the complaint.",
  UNKNOWN_COMPLAINT_REFERENCE:
    "There is no complaint with this reference in your organisation. Check it, or leave it blank.",
  DUPLICATE_OMBUDSMAN_REFERENCE:
    "This Housing Ombudsman reference is already recorded. Open it to add to it.",
  ORDER_DUE_REQUIRED: "An order has a date to comply by. Enter it, like 2027-01-29.",
  DATE_BEFORE_DECISION: "That date is before the Ombudsman's decision.",
  ALREADY_COMPLIED: "Compliance with this order or recommendation is already recorded.",
  EVIDENCE_REQUIRED:
    "Say what shows this is met. The self-assessment asks for evidence for every statement of compliance.",
  EXPLANATION_REQUIRED: "Explain why this is not met, or how its intent is met another way.",
  ACTIONS_REQUIRED: "Say what will be done to comply, or tick that the intent is met another way.",
  COMPLIANCE_DATE_REQUIRED: "Say by when you will comply, like 2027-03-31.",
  LINT_ERROR_UNEXPLAINED:
    "Redress's check finds your policy pack in breach of this provision. Say in the commentary why you still comply.",
  NEWER_VERSION_SAVED:
    "Someone saved a newer version while you were editing. Your answers are below: check them against the latest version and save again.",
  APPROVE_LATEST_ONLY: "Only the latest version can be approved. Open the latest version.",
  NOTHING_TO_APPROVE: "There is no saved version to approve yet.",
  ALREADY_APPROVED_VERSION: "This version is already recorded as approved.",
  APPROVING_BODY_REQUIRED: "Say which governing body approved it, like the Board.",
  RESPONSE_ALREADY_RECORDED:
    "The governing body's response to this version is already recorded. Issue a new version to record another.",
  RESPONSE_BEFORE_ISSUE: "The response cannot be given before the report version was issued.",
} as const;

export type GovernanceRuleCode = keyof typeof GOVERNANCE_RULES;

export class GovernanceRuleError extends Error {
  constructor(
    readonly code: GovernanceRuleCode,
    /** The input the rule is about, by its path in the use case's input (`answers.6.2.evidence`). */
    readonly field?: string,
    message: string = GOVERNANCE_RULES[code],
  ) {
    super(message);
    this.name = "GovernanceRuleError";
  }
}
