import type { StageNumber } from "../policy/code-2024.ts";
import type { LetterKind } from "../policy/schema.ts";

/**
 * What each kind of letter is made of: its sections in reading order, and what the Complaint Handling
 * Code (and the Housing Ombudsman) require each to say. An organisation's template words the sections; it
 * cannot drop one the Code requires. Section C of docs/letters.md explains each requirement.
 *
 * `required` content blocks issuing until it is there. `recommended` content is on the handler's checklist
 * but does not block: the Code's paragraph for it is not confirmed (DESIGN: unconfirmed rules are never a
 * hard block).
 */
export type RequirementLevel = "required" | "recommended";

export interface ContentRequirement {
  /** What the letter must say, in words a handler reads on the checklist. */
  name: string;
  /** The Code paragraph(s) it comes from, for each stage where they differ. */
  code: string | Record<StageNumber, string>;
  level: RequirementLevel;
}

/** A list the case supplies, shown after a section's paragraphs. */
export type LetterList = "issues" | "outcomes-sought" | "remedies" | "actions";

export interface LetterSlot {
  /** The section id in the letter (for a slot repeated per issue: `<id>:<issue id>`). */
  id: string;
  /** What the section is for, shown to the administrator editing the template. */
  purpose: string;
  requirement?: ContentRequirement;
  list?: LetterList;
  /** Repeated for each issue with a finding (responses): the issue placeholders may be used in it. */
  perIssue?: boolean;
}

const required = (name: string, code: ContentRequirement["code"]): ContentRequirement => ({
  name,
  code,
  level: "required",
});
const recommended = (name: string, code: string): ContentRequirement => ({
  name,
  code,
  level: "recommended",
});

const OMBUDSMAN_CONTACT = "the Housing Ombudsman's contact details";

const INTRO: LetterSlot = {
  id: "intro",
  purpose:
    "Opening words (and, where a representative acts, that the letter is written to them for the resident)",
};

const ACKNOWLEDGEMENT: LetterSlot[] = [
  INTRO,
  {
    id: "stage",
    purpose: "The stage",
    requirement: required("the stage of the complaint", { 1: "6.2", 2: "6.11" }),
  },
  {
    id: "definition",
    purpose: "The complaint definition: the issues",
    list: "issues",
    requirement: required("our understanding of the issues the complaint is about", "5.6"),
  },
  {
    id: "outcomes",
    purpose: "The complaint definition: the outcomes sought",
    list: "outcomes-sought",
    requirement: required("the outcomes the resident is seeking", "5.6"),
  },
  { id: "corrections", purpose: "How to tell you if the definition is wrong" },
  {
    id: "responsibility",
    purpose: "What is and is not the landlord's responsibility",
    requirement: recommended("what is and is not our responsibility", "5.7"),
  },
  {
    id: "handler",
    purpose: "Who is handling the complaint",
    requirement: required("who is handling the complaint", { 1: "6.2", 2: "6.11" }),
  },
  {
    id: "response-due",
    purpose: "When the response is due",
    requirement: required("the date the response is due", { 1: "6.2, 6.3", 2: "6.11, 6.14" }),
  },
  {
    id: "support",
    purpose: "How to ask for adjustments or a representative",
    requirement: required(
      "how to ask for reasonable adjustments or for someone to act for the resident",
      "3.6, 5.10",
    ),
  },
  {
    id: "ombudsman",
    purpose: "The Housing Ombudsman",
    requirement: required("information about the Housing Ombudsman", "3.7"),
  },
];

const EXTENSION: LetterSlot[] = [
  INTRO,
  {
    id: "reasons",
    purpose: "Why more time is needed",
    requirement: required("the reasons for the extension", { 1: "6.4", 2: "6.15" }),
  },
  {
    id: "new-date",
    purpose: "The new response date",
    requirement: required("the new response date", { 1: "6.4", 2: "6.15" }),
  },
  {
    id: "updates",
    purpose: "How often the resident will be updated",
    requirement: recommended("how often we will update the resident, as agreed with them", "5.9"),
  },
  {
    id: "ombudsman",
    purpose: "The Housing Ombudsman",
    requirement: required(OMBUDSMAN_CONTACT, { 1: "6.5", 2: "6.15–6.16" }),
  },
];

/** A Stage 1 or Stage 2 response: (a) to (f) of Code 6.9 / 6.19, then where the resident can go next. */
function response(stage: StageNumber): LetterSlot[] {
  const p = stage === 1 ? "6.9" : "6.19";
  const slots: LetterSlot[] = [
    INTRO,
    { id: "stage", purpose: "The stage", requirement: required("the stage of the complaint", `${p}(a)`) },
    {
      id: "definition",
      purpose: "The complaint definition: the issues",
      list: "issues",
      requirement: required("the complaint definition: the issues", `${p}(b)`),
    },
    {
      id: "outcomes",
      purpose: "The complaint definition: the outcomes sought",
      list: "outcomes-sought",
      requirement: required("the complaint definition: the outcomes sought", `${p}(b)`),
    },
    {
      id: "decision",
      purpose: "The decision on the complaint",
      requirement: required("the decision on the complaint", `${p}(c)`),
    },
    { id: "finding", purpose: "The finding on each issue", perIssue: true },
    { id: "reason", purpose: "The reasons for the finding on each issue", perIssue: true },
    {
      id: "remedy",
      purpose: "The remedy offered",
      list: "remedies",
      requirement: required("the remedy offered to put things right", `${p}(e), 7.1`),
    },
    {
      id: "actions",
      purpose: "Outstanding actions, with dates",
      list: "actions",
      requirement: required("the actions still to be done, with dates", `${p}(f), 6.6`),
    },
  ];
  if (stage === 1) {
    return [
      ...slots,
      {
        id: "escalation",
        purpose: "How to escalate to Stage 2",
        requirement: required("how to escalate the complaint to Stage 2", "6.9(g), 6.12"),
      },
      { id: "ombudsman", purpose: "The Housing Ombudsman (advice at any time)" },
    ];
  }
  return [
    ...slots,
    {
      id: "ombudsman",
      purpose: "How to refer the complaint to the Housing Ombudsman",
      requirement: required("how to refer the complaint to the Housing Ombudsman", "6.19(g), 3.7"),
    },
    {
      id: "ombudsman-time-limit",
      purpose: "The Ombudsman's 12-month time limit",
      requirement: required(
        "that the Ombudsman generally cannot consider a complaint referred 12 months or more after this final response",
        "Housing Ombudsman (12 months after the final response)",
      ),
    },
  ];
}

const REFUSAL: LetterSlot[] = [
  INTRO,
  {
    id: "decision",
    purpose: "The decision not to accept or escalate",
    requirement: required("our decision not to accept or escalate the complaint", "2.4, 5.11"),
  },
  {
    id: "ground",
    purpose: "The policy ground relied on",
    requirement: required("the ground in our complaints policy", "2.2, 2.4"),
  },
  {
    id: "reasons",
    purpose: "Why the ground applies",
    requirement: required("the reasons the matter is not suitable for the complaints process", "2.4, 2.5"),
  },
  {
    id: "ombudsman",
    purpose: "The right to take the decision to the Ombudsman",
    requirement: required("the resident's right to take the decision to the Housing Ombudsman", "2.4"),
  },
];

const CLOSURE_SURVEY: LetterSlot[] = [
  INTRO,
  {
    id: "survey",
    purpose: "How to answer the survey",
    requirement: required("how to answer the survey", "1.6"),
  },
  {
    id: "how-to-complain",
    purpose: "How to complain",
    requirement: required("how to make a complaint", "1.6"),
  },
];

export const LETTER_LAYOUTS: Record<LetterKind, LetterSlot[]> = {
  "stage1-acknowledgement": ACKNOWLEDGEMENT,
  "stage2-acknowledgement": ACKNOWLEDGEMENT,
  extension: EXTENSION,
  "stage1-response": response(1),
  "stage2-response": response(2),
  refusal: REFUSAL,
  "closure-survey": CLOSURE_SURVEY,
};

/** The layout in runs: each slot on its own, except consecutive per-issue slots, which go together. */
export function slotGroups(slots: readonly LetterSlot[]): LetterSlot[][] {
  const groups: LetterSlot[][] = [];
  for (const slot of slots) {
    const last = groups.at(-1);
    if (slot.perIssue && last?.[0]?.perIssue) last.push(slot);
    else groups.push([slot]);
  }
  return groups;
}

/** The requirement a per-issue section carries, named after its issue. */
export function issueRequirement(
  slot: LetterSlot,
  issue: string,
  stage: StageNumber,
): ContentRequirement | undefined {
  const p = stage === 1 ? "6.9" : "6.19";
  if (slot.id === "finding") return required(`the finding on “${issue}”`, `${p}(c), 6.7`);
  if (slot.id === "reason") return required(`the reason for the finding on “${issue}”`, `${p}(d), 6.7`);
  return undefined;
}

/** The Code paragraph(s) of a requirement, for a letter at a stage. */
export function codeParagraphs(requirement: ContentRequirement, stage: StageNumber): string {
  return typeof requirement.code === "string" ? requirement.code : requirement.code[stage];
}

/** What each kind of letter is called, in the letter's title and on the staff pages. */
export const LETTER_KIND_TITLES: Record<LetterKind, string> = {
  "stage1-acknowledgement": "Stage 1 acknowledgement",
  "stage2-acknowledgement": "Stage 2 acknowledgement",
  extension: "More time needed to respond",
  "stage1-response": "Stage 1 response",
  "stage2-response": "Stage 2 final response",
  refusal: "Decision not to accept or escalate",
  "closure-survey": "Complaint closed: tell us how we did",
};
