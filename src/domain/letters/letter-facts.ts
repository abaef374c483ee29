import { formatLongDate } from "../calendar/day-number.ts";
import type { FollowUpAction, Remedy } from "../complaint/events.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { LetterKind, Outcome, RemedyType } from "../policy/schema.ts";
import type { PlaceholderValues } from "./placeholders.ts";

/**
 * Everything a letter may say about its case, decided before any wording: the template supplies the
 * words, these the facts. Built from the folded complaint, its clocks and its pinned pack
 * (letter-facts-from-case.ts), so a draft says only what the record says.
 */
export interface LetterFacts {
  kind: LetterKind;
  stage: StageNumber;
  reference: string;
  /** The London date the letter is dated (YYYY-MM-DD). */
  date: string;
  landlord: { name: string; addressLines: string[] };
  /** Who the letter goes to: the representative where one acts for the resident (Code 1.3, 3.6). */
  recipient: { name: string; addressLines: string[]; email: string | null };
  residentName: string;
  representativeActs: boolean;
  receivedOn: string;
  escalationRequestedOn?: string;
  /** The policy's names for the letter's stage and for Stage 2. */
  stageName: string;
  nextStageName: string;
  handler?: string;
  responseDue?: string;
  previousResponseDue?: string;
  extension?: { reason: string; goodReason?: string; workingDays: number };
  issues: { id: string; summary: string }[];
  outcomesSought: string[];
  findings: { issueId: string; issue: string; decision: "upheld" | "not-upheld"; reason: string }[];
  outcome?: Outcome;
  remedies: Remedy[];
  actions: FollowUpAction[];
  refusal?: { ground: string; reason: string };
  ombudsmanContact?: string;
  escalateBy?: string;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  upheld: "upheld",
  "partially-upheld": "partly upheld",
  "not-upheld": "not upheld",
};

const REMEDY_WORDS: Record<RemedyType, string> = {
  apology: "An apology",
  "acknowledge-failing": "Acknowledging what went wrong",
  explanation: "An explanation",
  "act-on-delay": "Acting on the delay",
  "reconsider-decision": "Reconsidering our decision",
  "amend-record": "Correcting our records",
  financial: "Compensation",
  "change-policy-or-practice": "Changing how we work",
  other: "Putting things right",
};

/** "Stage 1", or "Stage 1 (Investigation)" where the policy names the stage. */
export function stageWords(stage: StageNumber, name: string): string {
  return name.trim() === `Stage ${stage}` ? `Stage ${stage}` : `Stage ${stage} (${name.trim()})`;
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toFixed(2).replace(/\.00$/, "")}`;
}

/** A remedy as the resident reads it: "Compensation: for the missed visits (£150), by Monday 30 November 2026". */
export function remedyLine(r: Remedy): string {
  const amount = r.amountPence !== undefined ? ` (${pounds(r.amountPence)})` : "";
  const by = r.dueOn ? `, by ${formatLongDate(r.dueOn)}` : "";
  return `${REMEDY_WORDS[r.type]}: ${r.description}${amount}${by}`;
}

/** An action as the resident reads it: what, who, and by when. */
export function actionLine(a: FollowUpAction): string {
  return `${a.description}: ${a.owner} will do this by ${formatLongDate(a.dueOn)}`;
}

/** The items of a list section, from the facts. */
export function listItems(
  facts: LetterFacts,
  list: "issues" | "outcomes-sought" | "remedies" | "actions",
): string[] {
  switch (list) {
    case "issues":
      return facts.issues.map((i) => i.summary);
    case "outcomes-sought":
      return [...facts.outcomesSought];
    case "remedies":
      return facts.remedies.map(remedyLine);
    case "actions":
      return facts.actions.map(actionLine);
  }
}

const date = (d: string | undefined) => (d ? formatLongDate(d) : undefined);

/** What each case placeholder stands for in this letter. */
export function caseValues(facts: LetterFacts): PlaceholderValues {
  const refused =
    facts.stage === 1
      ? "accept your complaint into our complaints procedure"
      : `review your complaint at ${stageWords(2, facts.nextStageName)}`;
  return {
    reference: facts.reference,
    "landlord-name": facts.landlord.name,
    "recipient-name": facts.recipient.name,
    "resident-name": facts.residentName,
    ...(facts.representativeActs ? { "represented-resident": facts.residentName } : {}),
    "letter-date": formatLongDate(facts.date),
    "received-date": formatLongDate(facts.receivedOn),
    "escalation-date": date(facts.escalationRequestedOn),
    stage: stageWords(facts.stage, facts.stageName),
    "next-stage": stageWords(2, facts.nextStageName),
    handler: facts.handler,
    "response-due": date(facts.responseDue),
    "previous-response-due": date(facts.previousResponseDue),
    "extension-reason": facts.extension?.reason,
    "extension-good-reason": facts.extension?.goodReason,
    "extension-working-days": facts.extension ? String(facts.extension.workingDays) : undefined,
    outcome: facts.outcome ? OUTCOME_WORDS[facts.outcome] : undefined,
    "escalate-by": date(facts.escalateBy),
    ...(facts.refusal
      ? {
          "refusal-decision": refused,
          "refusal-ground": facts.refusal.ground,
          "refusal-reason": facts.refusal.reason,
        }
      : {}),
    "ombudsman-contact": facts.ombudsmanContact,
  };
}

/** What the issue placeholders stand for in the sections about one finding. */
export function issueValues(finding: LetterFacts["findings"][number]): PlaceholderValues {
  return {
    issue: finding.issue,
    finding: finding.decision === "upheld" ? "upheld" : "not upheld",
    reason: finding.reason,
  };
}
