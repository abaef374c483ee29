/**
 * Every way a command can break a rule, with a stable code (for the API, tests and logs) and a message
 * in words an officer or resident understands. The web layer maps codes to HTTP statuses in one place.
 */
export const COMPLAINT_RULES = {
  POLICY_MISMATCH:
    "This complaint is measured against a different version of the policy than the one given; load the pack version it was received under.",
  DATE_IN_FUTURE: "That date is in the future; record things on or after the day they happen.",
  DATE_BEFORE_RECEIPT: "That date is before the complaint was received.",
  DATE_BEFORE_LAST_EVENT:
    "That date is before something already recorded on this complaint; record events in order.",
  AWARE_BEFORE_ISSUE: "The date the resident became aware of the issue cannot be before the issue happened.",
  COMPLAINT_NOT_RUNNING:
    "This complaint has been closed, refused or withdrawn, so it cannot be changed this way.",
  WRONG_STAGE: "The complaint is not at that stage.",
  DEFINITION_REQUIRED:
    "Set out the complaint definition (the issues and the outcomes the resident wants) before acknowledging it (Code 5.6).",
  ALREADY_ACKNOWLEDGED: "This stage has already been acknowledged.",
  LATE_ESCALATION_DECISION_REQUIRED:
    "The request to escalate came after the landlord's window. Record the decision to accept it (a late request is never refused automatically) before acknowledging.",
  STAGE2_HANDLER_WAS_STAGE1_HANDLER:
    "The Stage 2 handler must be a different person from the Stage 1 handler (Code 6.13).",
  EXTENSION_REASON_REQUIRED:
    "Give the reason for the extension; it is explained to the resident (Code 6.4, 6.15).",
  EXTENSION_OVER_CAP_NEEDS_GOOD_REASON:
    "This extension goes beyond what the policy or the Code allows without good reason; record the good reason (Code 6.4, 6.15).",
  EXTENSION_AFTER_DEADLINE:
    "The response date has already passed. An extension must be agreed and explained to the resident before the date it extends (Code 6.4, 6.15).",
  EXTENSION_BEFORE_CLOCK: "There is no response deadline to extend yet at this stage.",
  ALREADY_RESPONDED: "A response has already been issued at this stage.",
  RESPOND_BEFORE_ACKNOWLEDGEMENT: "Acknowledge the complaint before responding to it (Code 6.2, 6.11).",
  FINDING_MISSING: "Every issue in the complaint definition needs a finding and a reason (Code 6.7).",
  FINDING_FOR_UNKNOWN_ISSUE: "A finding refers to an issue that is not part of this complaint.",
  OUTCOME_NOT_IN_POLICY: "That outcome is not one the policy uses.",
  OUTCOME_DOES_NOT_MATCH_FINDINGS:
    "The outcome does not match the findings: upheld when every issue is upheld, partially upheld when some are, not upheld when none are.",
  REMEDY_REQUIRED:
    "Something went wrong, so say how it will be put right: record at least one remedy (Code 7.1).",
  DUPLICATE_ID: "Two remedies, actions or issues share an identifier.",
  ESCALATION_BEFORE_STAGE1_RESPONSE:
    "The complaint can be escalated once the Stage 1 response has been issued.",
  ALREADY_AT_STAGE2:
    "This complaint is already at Stage 2, the landlord's final stage; there is no further stage (Code 5.3).",
  NO_LATE_ESCALATION_TO_DECIDE: "There is no late request to escalate waiting for a decision.",
  UNKNOWN_EXCLUSION_GROUND: "That is not one of the policy's grounds for refusing at this stage.",
  REFUSE_AFTER_RESPONSE: "A response has already been issued at this stage; it can no longer be refused.",
  AGE_UNKNOWN:
    "Record when the issue happened (and when the resident became aware of it) before refusing on age.",
  AGE_LIMIT_NOT_REACHED: "The complaint is within the time limit, so it cannot be refused on age.",
  AGE_LIMIT_UNDER_CODE_MINIMUM:
    "The Code requires complaints to be accepted within 12 months of the issue or of the resident becoming aware of it, whichever is later (Code 2.3).",
  AGE_LIMIT_EXCEPTION_APPLIES:
    "The policy does not apply its time limit to this kind of matter (for example health and safety).",
  DISCRETION_DECISION_REQUIRED:
    "Record why discretion to accept an older complaint was not used before refusing on age (Code 2.3).",
  ISSUE_ALREADY_EXISTS: "An issue with that identifier is already part of this complaint.",
  UNKNOWN_REMEDY: "There is no such remedy on this complaint.",
  UNKNOWN_ACTION: "There is no such action on this complaint.",
  ALREADY_COMPLETED: "That has already been recorded as complete.",
  CLOSE_BEFORE_RESPONSE:
    "The complaint can be closed once the response at its current stage has been issued.",
  REMEDIES_OUTSTANDING: "Remedies or actions are still outstanding; complete them before closing (Code 7.3).",
  LEARNING_REQUIRED:
    "Record the learning from this complaint, or that there was none and why, before closing (Code 9.1).",
  SURVEY_BEFORE_CLOSURE: "The closing survey can be answered once the complaint is closed.",
  NO_HAZARD_OPEN: "There is no open hazard on this complaint.",
} as const;

export type ComplaintRuleCode = keyof typeof COMPLAINT_RULES;

/** A command broke a rule: nothing was recorded. */
export class ComplaintRuleError extends Error {
  constructor(
    readonly code: ComplaintRuleCode,
    /** The command field the rule is about, so a form can show the error at that field. */
    readonly field?: string,
    detail?: string,
  ) {
    super(detail ? `${COMPLAINT_RULES[code]} ${detail}` : COMPLAINT_RULES[code]);
    this.name = "ComplaintRuleError";
  }
}
