import type { LetterDocument, LetterSection } from "../../src/domain/letters/letter-document.ts";

/**
 * A Stage 1 response as a handler would issue it: the complaint as defined, a finding per issue, the
 * remedies, the actions still to do, how to escalate and the Ombudsman's details (Code 6.9). Overrides
 * replace whole fields.
 */
export function aStage1ResponseLetter(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    kind: "stage1-response",
    language: "en-GB",
    title: "Complaint BCHG-2026-000012: Stage 1 response",
    landlord: {
      name: "Bright Crescent Housing Group",
      addressLines: ["Crescent House", "12 Canal Street", "Birmingham", "B1 2AB"],
    },
    recipient: {
      name: "Ms Adaeze Okafor",
      addressLines: ["Flat 4, Riverside Court", "3 Mill Lane", "Birmingham", "B12 9QP"],
    },
    date: "2026-11-20",
    reference: "BCHG-2026-000012",
    salutation: "Dear Ms Okafor,",
    sections: stage1Sections(),
    signOff: { closing: "Yours sincerely,", name: "Priya Shah", role: "Repairs Team Leader" },
    ...overrides,
  };
}

function stage1Sections(): LetterSection[] {
  return [
    {
      id: "definition",
      heading: "Your complaint",
      paragraphs: [
        "Thank you for your complaint, which we received on 2 November 2026 and acknowledged on 4 November 2026.",
        "We understood your complaint to be about the following, and the outcome you are looking for is that the leak is fixed for good and the damage put right.",
      ],
      items: [
        "The leak from the bathroom of the flat above has come through your kitchen ceiling since August.",
        "Two repair appointments were missed without notice, on 9 and 23 September.",
      ],
    },
    {
      id: "findings",
      heading: "What we found",
      paragraphs: [
        "The leak: our surveyor found a failed waste pipe seal in the flat above on 10 November. It was replaced the same day and the ceiling has dried out. We should have found this in August; we did not, and we uphold this part of your complaint.",
        "The missed appointments: our records show both appointments were cancelled by our contractor without telling you. We uphold this part of your complaint.",
      ],
    },
    {
      id: "decision",
      heading: "Our decision",
      paragraphs: ["We uphold your complaint."],
    },
    {
      id: "remedies",
      heading: "How we will put things right",
      paragraphs: ["We are sorry for the distress and inconvenience this has caused you."],
      items: [
        "£150 compensation for the time and trouble caused, paid to your rent account by 4 December 2026.",
        "Redecorating the kitchen ceiling, booked for 1 December 2026.",
      ],
    },
    {
      id: "actions",
      heading: "What we will still do",
      paragraphs: ["These actions are still outstanding. We will tell you when each one is done."],
      items: [
        "Redecorate the kitchen ceiling by 1 December 2026.",
        "Inspect the flat above's bathroom again by 15 January 2027.",
      ],
    },
    {
      id: "escalation",
      heading: "If you are not happy with our response",
      paragraphs: [
        "You can ask us to take your complaint to Stage 2. You do not have to give a reason. Reply to this letter, call us on 0121 000 0000, or use our website, quoting your reference.",
      ],
    },
    {
      id: "ombudsman",
      heading: "The Housing Ombudsman",
      paragraphs: [
        "You can contact the Housing Ombudsman at any time for advice. Once you have had our Stage 2 response, the Ombudsman can investigate your complaint.",
        "Housing Ombudsman Service, PO Box 152, Liverpool, L33 7WQ. Telephone 0300 111 3000. Website www.housing-ombudsman.org.uk.",
      ],
    },
  ];
}

/**
 * A letter long enough to run over several pages: `count` numbered sections of one to four paragraphs
 * (so that headings fall at every height on a page) and a list of two items each.
 */
export function aLongLetter(count = 30): LetterDocument {
  const sections: LetterSection[] = [];
  for (let n = 1; n <= count; n++) {
    const paragraphs = [
      `Paragraph ${n}a. We looked at the repair records, the notes of the calls you made and what our contractor told us about visit ${n}, and we spoke to the officer who arranged it.`,
      `Paragraph ${n}b. What we found about visit ${n} is set out here in full, so that nothing is lost when the letter runs over more than one page.`,
      `Paragraph ${n}c. A short one.`,
      `Paragraph ${n}d. Another short one, about the follow-up visit.`,
    ];
    sections.push({
      id: `part-${n}`,
      heading: `Part ${n} of the findings`,
      paragraphs: paragraphs.slice(0, ((n - 1) % 4) + 1),
      items: [`Item ${n}.1: the first thing we will do.`, `Item ${n}.2: the second thing we will do.`],
    });
  }
  return aStage1ResponseLetter({ sections });
}
