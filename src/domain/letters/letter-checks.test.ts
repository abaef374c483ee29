import { describe, expect, it } from "vitest";
import { letterKindSchema, type LetterKind } from "../policy/schema.ts";
import { editLetterDocument } from "./edit-letter.ts";
import { letterChecklist, missingContent, withoutEmptySections } from "./letter-checks.ts";
import type { LetterDocument } from "./letter-document.ts";
import { draftOf, REPRESENTED } from "./test-builders.ts";

const KINDS = letterKindSchema.options;

/** The document with one section's words taken out (what a handler's edit can do). */
function emptied(document: LetterDocument, sectionId: string): LetterDocument {
  return editLetterDocument(document, { sections: [{ id: sectionId, paragraphs: [], items: [] }] });
}

/** The document with a section gone altogether (a stored document someone tampered with). */
function without(document: LetterDocument, sectionId: string): LetterDocument {
  return { ...document, sections: document.sections.filter((s) => s.id !== sectionId) };
}

// What each kind must say, by section and in the words the handler reads (Code section C).
const REQUIRED: Record<LetterKind, [string, string][]> = {
  "stage1-acknowledgement": [
    ["stage", "the stage of the complaint"],
    ["definition", "our understanding of the issues the complaint is about"],
    ["outcomes", "the outcomes the resident is seeking"],
    ["handler", "who is handling the complaint"],
    ["response-due", "the date the response is due"],
    ["support", "how to ask for reasonable adjustments or for someone to act for the resident"],
    ["ombudsman", "information about the Housing Ombudsman"],
  ],
  "stage2-acknowledgement": [],
  extension: [
    ["reasons", "the reasons for the extension"],
    ["new-date", "the new response date"],
    ["ombudsman", "the Housing Ombudsman's contact details"],
  ],
  "stage1-response": [
    ["stage", "the stage of the complaint"],
    ["definition", "the complaint definition: the issues"],
    ["outcomes", "the complaint definition: the outcomes sought"],
    ["decision", "the decision on the complaint"],
    ["finding:roof", "the finding on “The roof leak reported in August was not repaired”"],
    ["reason:roof", "the reason for the finding on “The roof leak reported in August was not repaired”"],
    ["finding:appointments", "the finding on “Two repair appointments were missed without notice”"],
    [
      "reason:appointments",
      "the reason for the finding on “Two repair appointments were missed without notice”",
    ],
    ["remedy", "the remedy offered to put things right"],
    ["actions", "the actions still to be done, with dates"],
    ["escalation", "how to escalate the complaint to Stage 2"],
  ],
  "stage2-response": [],
  refusal: [
    ["decision", "our decision not to accept or escalate the complaint"],
    ["ground", "the ground in our complaints policy"],
    ["reasons", "the reasons the matter is not suitable for the complaints process"],
    ["ombudsman", "the resident's right to take the decision to the Housing Ombudsman"],
  ],
  "closure-survey": [
    ["survey", "how to answer the survey"],
    ["how-to-complain", "how to make a complaint"],
  ],
};
REQUIRED["stage2-acknowledgement"] = REQUIRED["stage1-acknowledgement"];
REQUIRED["stage2-response"] = [
  ...REQUIRED["stage1-response"].filter(([id]) => id !== "escalation"),
  ["ombudsman", "how to refer the complaint to the Housing Ombudsman"],
  [
    "ombudsman-time-limit",
    "that the Ombudsman generally cannot consider a complaint referred 12 months or more after this final response",
  ],
];

describe.each(KINDS)("a %s letter", (kind) => {
  it("drafted from the default template and the case, says everything the Code asks: nothing is missing", () => {
    const { document, facts } = draftOf(kind);
    expect(missingContent(document, facts)).toEqual([]);
    const checklist = letterChecklist(document, facts);
    expect(checklist.filter((i) => !i.met)).toEqual([]);
    expect(checklist.filter((i) => i.level === "required").map((i) => [i.sectionId, i.name])).toEqual(
      REQUIRED[kind],
    );
  });

  it.each(REQUIRED[kind])("names %s as missing when its words are taken out: “%s”", (sectionId, name) => {
    const { document, facts } = draftOf(kind);
    for (const changed of [emptied(document, sectionId), without(document, sectionId)]) {
      expect(missingContent(changed, facts).map((i) => [i.sectionId, i.name])).toEqual([[sectionId, name]]);
    }
  });

  it("goes to the representative where one acts for the resident, and says for whom (Code 1.3, 3.6)", () => {
    const { document, facts } = draftOf(kind, { parties: REPRESENTED });
    expect(document.recipient).toEqual({ name: "Cllr Sam Adviser", addressLines: [] });
    expect(document.salutation).toBe("Dear Cllr Sam Adviser,");
    expect(document.sections[0]?.paragraphs[0]).toBe(
      "We are writing to you because you are acting for Ms Esther Okafor in this complaint.",
    );
    // No address is recorded for the representative: a letter by post cannot go until one is added.
    expect(missingContent(document, facts, { format: "post" }).map((i) => i.name)).toEqual([
      "the address to post the letter to Cllr Sam Adviser",
    ]);
    expect(missingContent(document, facts, { format: "email" })).toEqual([]);
  });

  it("is addressed to the resident at their address when nobody acts for them", () => {
    const { document, facts } = draftOf(kind);
    expect(document.recipient).toEqual({
      name: "Ms Esther Okafor",
      addressLines: ["12 Oak Road", "Smethwick", "B66 1AA"],
    });
    expect(document.salutation).toBe("Dear Ms Esther Okafor,");
    expect(document.sections[0]?.paragraphs.join(" ")).not.toContain("you are acting for");
    expect(missingContent(document, facts, { format: "large-print" })).toEqual([]);
  });
});

describe("the checklist", () => {
  it("needs the list itself where the case has one: the introduction alone is not the definition", () => {
    const { document, facts } = draftOf("stage1-response");
    const onlyIntro = editLetterDocument(document, {
      sections: [{ id: "definition", paragraphs: ["We understood your complaint to be about:"], items: [] }],
    });
    expect(missingContent(onlyIntro, facts).map((i) => i.sectionId)).toEqual(["definition"]);
  });

  it("shows recommended content as missing without blocking the letter", () => {
    const { document, facts } = draftOf("extension");
    const changed = emptied(document, "updates");
    expect(missingContent(changed, facts)).toEqual([]);
    expect(letterChecklist(changed, facts).find((i) => i.sectionId === "updates")).toMatchObject({
      level: "recommended",
      met: false,
      code: "5.9",
    });
  });

  it("gives each item the Code paragraph for the letter's stage", () => {
    const ext1 = draftOf("extension");
    const ack2 = draftOf("stage2-acknowledgement");
    const code = (d: ReturnType<typeof draftOf>, id: string) =>
      letterChecklist(d.document, d.facts).find((i) => i.sectionId === id)?.code;
    expect(code(ext1, "ombudsman")).toBe("6.5");
    expect(code(ext1, "reasons")).toBe("6.4");
    expect(code(ack2, "stage")).toBe("6.11");
    expect(code(draftOf("stage1-response"), "reason:roof")).toBe("6.9(d), 6.7");
  });

  it("is issued without sections left empty", () => {
    const { document } = draftOf("extension");
    const issued = withoutEmptySections(emptied(document, "updates"));
    expect(issued.sections.map((s) => s.id)).toEqual(["intro", "reasons", "new-date", "ombudsman"]);
  });
});
