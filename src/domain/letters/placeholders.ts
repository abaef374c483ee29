/**
 * The words a letter template may leave for Redress to fill in, written `{{reference}}`. The set is fixed
 * and small on purpose: a template is wording, never code, so an organisation can change what its letters
 * say without being able to change what Redress does. A placeholder Redress does not know is refused when
 * the template is saved.
 */
export const CASE_PLACEHOLDERS = {
  reference: "The complaint's reference, for example BCHG-2026-000012",
  "landlord-name": "Your organisation's name",
  "recipient-name": "Who the letter is addressed to: the resident, or the representative acting for them",
  "resident-name": "The resident's name",
  "represented-resident":
    "The resident's name, only when a representative acts for them (a paragraph using it is left out otherwise)",
  "letter-date": "The date of the letter",
  "received-date": "The date the complaint was received",
  "escalation-date": "The date the resident asked for Stage 2",
  stage:
    "The stage the letter is about, with the policy's name for it, for example “Stage 1 (Investigation)”",
  "next-stage": "Stage 2, with the policy's name for it, for example “Stage 2 (Review by a Director)”",
  handler: "The person dealing with the complaint at this stage",
  "response-due": "The date the response is due, after any extension",
  "previous-response-due": "The response date before this extension",
  "extension-reason": "The reason recorded for the extension",
  "extension-good-reason": "The good reason recorded for going beyond the usual limit on extensions",
  "extension-working-days": "How many working days the extension adds",
  outcome: "The overall decision: “upheld”, “partly upheld” or “not upheld”",
  "escalate-by": "The last day of the policy's window for asking for Stage 2 (only where the policy has one)",
  "refusal-decision":
    "What was refused: “accept your complaint into our complaints procedure” or “review your complaint at Stage 2”",
  "refusal-ground": "The ground in the complaints policy the refusal relies on",
  "refusal-reason": "Why that ground applies, as recorded",
  "ombudsman-contact": "The Housing Ombudsman's contact details, from the policy pack",
} as const;

/** Placeholders about one issue, only for the sections repeated for each issue of a response. */
export const ISSUE_PLACEHOLDERS = {
  issue: "The issue, as set out in the complaint definition",
  finding: "The finding on the issue: “upheld” or “not upheld”",
  reason: "The reason recorded for the finding",
} as const;

export type CasePlaceholder = keyof typeof CASE_PLACEHOLDERS;
export type IssuePlaceholder = keyof typeof ISSUE_PLACEHOLDERS;
export type Placeholder = CasePlaceholder | IssuePlaceholder;

/** What each placeholder stands for in one letter; absent means "not known for this case". */
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a piece of template text uses, in order (unknown ones included, as written). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] ?? "");
}

/**
 * Text with every placeholder replaced by its value, or null when one of them has no value for this case:
 * a paragraph is then left out of the draft rather than sent half-filled, and the letter's checklist says
 * what is missing.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string | null {
  let unfilled = false;
  const filled = text.replace(TOKEN, (_token, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as Placeholder] : undefined;
    if (value === undefined || value.trim() === "") {
      unfilled = true;
      return "";
    }
    return value;
  });
  return unfilled ? null : filled;
}

export function isCasePlaceholder(name: string): name is CasePlaceholder {
  return Object.hasOwn(CASE_PLACEHOLDERS, name);
}

export function isIssuePlaceholder(name: string): name is IssuePlaceholder {
  return Object.hasOwn(ISSUE_PLACEHOLDERS, name);
}

/**
 * What is wrong with the placeholders in a piece of template text, in words; empty when nothing is.
 * `where` names the place ("the heading of “Our decision”"), `issueSection` whether the issue placeholders
 * may be used there.
 */
export function placeholderProblems(text: string, where: string, issueSection: boolean): string[] {
  const problems: string[] = [];
  for (const name of placeholdersIn(text)) {
    if (isCasePlaceholder(name)) continue;
    if (isIssuePlaceholder(name)) {
      if (!issueSection)
        problems.push(
          `“{{${name}}}” in ${where} can be used only in the sections written for each issue (the finding and its reasons).`,
        );
      continue;
    }
    problems.push(
      name === ""
        ? `${where} has an empty placeholder “{{}}”. Write a placeholder's name between the braces, or remove them.`
        : `“{{${name}}}” in ${where} is not a placeholder Redress knows. Use one from the list of placeholders, written exactly as shown.`,
    );
  }
  // Braces left once the placeholders are taken out are a placeholder typed wrongly, e.g. "{{reference}".
  const rest = text.replace(TOKEN, "");
  if (rest.includes("{{") || rest.includes("}}"))
    problems.push(
      `${where} has “{{” or “}}” that do not make a placeholder. Write placeholders as {{reference}}, with two braces on each side.`,
    );
  return problems;
}
