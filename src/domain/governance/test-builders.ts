import { BLANK_ANSWER, type Answers } from "./self-assessment.ts";
import type { EvidenceItem } from "./self-assessment-evidence.ts";
import type { Provisions } from "./self-assessment-provisions.ts";

/** A few self-assessment rows for tests, in two sections, with certainties V, U and C. */
export const PROVISIONS: Provisions = {
  id: "code-2024",
  version: "1.0.0",
  title: "Complaint Handling Code 2024 self-assessment",
  notes: ["Paragraph numbers follow the 2024 Code."],
  sections: [
    { number: 4, title: "Complaint handling staff" },
    { number: 6, title: "Stage 1" },
  ],
  rows: [
    {
      id: "4.2",
      section: 4,
      paragraphs: ["4.2"],
      requirement: "A member of the governing body is responsible for complaints",
      certainty: "V",
      evidence: [],
    },
    {
      id: "4.3",
      section: 4,
      paragraphs: ["4.3", "4.4"],
      requirement: "Contractors handle complaints under the Code",
      certainty: "U",
      note: "Paragraph number not confirmed",
      evidence: [],
    },
    {
      id: "6.2",
      section: 6,
      paragraphs: ["6.2"],
      requirement: "Stage 1 acknowledged within 5 working days",
      certainty: "C",
      evidence: ["pack:stages"],
    },
  ],
};

/** Evidence Redress showed for 6.2: a pack clause, a Code check breach and a gap. */
export const PREFILL: Record<string, EvidenceItem[]> = {
  "6.2": [
    { source: "pack", text: "Acknowledge within 5 working days", cite: "Policy, 3.1", available: true },
    { source: "lint", text: "Response is later than the Code allows", severity: "error", available: true },
    { source: "letters", text: "Sample acknowledgement: not kept yet", available: false },
  ],
};

/** Yes with the officer's evidence; no, meeting the intent another way; no, with actions and a date. */
export const ANSWERS: Answers = {
  "4.2": { ...BLANK_ANSWER, comply: "yes", evidence: " Scheme of delegation, paragraph 3 " },
  "4.3": {
    ...BLANK_ANSWER,
    comply: "no",
    commentary: "Contractors follow our process through their contract",
    meetsIntentOtherwise: true,
  },
  "6.2": {
    ...BLANK_ANSWER,
    comply: "no",
    commentary: "Responses run late",
    actions: "Recruit a second officer",
    complianceBy: "2027-03-31",
  },
};
