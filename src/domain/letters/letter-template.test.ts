import { describe, expect, it } from "vitest";
import { letterKindSchema } from "../policy/schema.ts";
import { DEFAULT_TEMPLATES } from "./default-templates.ts";
import { checkLetterTemplate, letterTemplateSchema, type LetterTemplate } from "./letter-template.ts";
import { LETTER_LAYOUTS } from "./letter-layouts.ts";

const copy = (t: LetterTemplate): LetterTemplate => structuredClone(t);

describe("the bundled templates", () => {
  it.each(letterKindSchema.options)("%s: valid, with wording for every section of its layout", (kind) => {
    const template = DEFAULT_TEMPLATES[kind];
    expect(letterTemplateSchema.parse(template)).toEqual(template);
    expect(checkLetterTemplate(kind, template)).toEqual([]);
    expect(Object.keys(template.sections)).toEqual(LETTER_LAYOUTS[kind].map((s) => s.id));
  });
});

describe("checking a template before it is saved", () => {
  it("refuses a section the Code requires left without words, naming the paragraph", () => {
    const t = copy(DEFAULT_TEMPLATES.extension);
    t.sections.ombudsman!.paragraphs = ["  "];
    expect(checkLetterTemplate("extension", t)).toEqual([
      {
        field: "sections.ombudsman.paragraphs",
        message:
          "The section “The Housing Ombudsman” must say the Housing Ombudsman's contact details: the Code requires it in this letter (Code 6.5 at Stage 1, 6.15–6.16 at Stage 2). Give it some words.",
      },
    ]);
  });

  it("lets an optional or recommended section be left out", () => {
    const t = copy(DEFAULT_TEMPLATES.extension);
    t.sections.updates!.paragraphs = [];
    delete t.sections.intro;
    expect(checkLetterTemplate("extension", t)).toEqual([]);
  });

  it("refuses an unknown placeholder at its place", () => {
    const t = copy(DEFAULT_TEMPLATES["stage1-response"]);
    t.sections.decision!.paragraphs = ["We have {{outcom}} your complaint."];
    const problems = checkLetterTemplate("stage1-response", t);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "sections.decision.paragraphs" });
    expect(problems[0]?.message).toContain(
      "“{{outcom}}” in the section “Our decision” is not a placeholder Redress knows",
    );
  });

  it("lets the issue placeholders be used only in the finding and its reasons", () => {
    const t = copy(DEFAULT_TEMPLATES["stage1-response"]);
    t.sections.decision!.heading = "Our decision on {{issue}}";
    expect(checkLetterTemplate("stage1-response", t)[0]).toMatchObject({
      field: "sections.decision.heading",
    });
    expect(checkLetterTemplate("stage1-response", DEFAULT_TEMPLATES["stage1-response"])).toEqual([]);
  });

  it("needs the words for when there is no remedy or no action left", () => {
    const t = copy(DEFAULT_TEMPLATES["stage2-response"]);
    delete t.sections.remedy!.whenEmpty;
    expect(checkLetterTemplate("stage2-response", t)).toEqual([
      {
        field: "sections.remedy.whenEmpty",
        message: "Say what the letter tells the resident when there is no remedy (Code 6.19(e), 7.1).",
      },
    ]);
  });

  it("refuses a section the kind does not have, a heading-less section and an empty greeting", () => {
    const t = copy(DEFAULT_TEMPLATES.refusal);
    t.sections.extra = { heading: "Extra", paragraphs: ["More"] };
    t.sections.intro!.heading = " ";
    t.salutation = "";
    expect(checkLetterTemplate("refusal", t).map((p) => p.field)).toEqual([
      "sections.extra",
      "salutation",
      "sections.intro.heading",
    ]);
  });
});
