import { describe, expect, it } from "vitest";
import { editLetterDocument } from "./edit-letter.ts";
import { LetterRuleError } from "./letter-errors.ts";
import { letterFormat } from "./letter-format.ts";
import { draftOf } from "./test-builders.ts";

describe("editing a draft", () => {
  it("changes only the wording of the sections given, trimmed, blank lines dropped", () => {
    const { document } = draftOf("extension");
    const edited = editLetterDocument(document, {
      sections: [{ id: "reasons", paragraphs: [" We are waiting for the roofer's report. ", "", "Sorry."] }],
      recipientAddressLines: ["Flat 1", " ", "B1 2CD"],
    });
    expect(edited.sections.find((s) => s.id === "reasons")).toEqual({
      id: "reasons",
      heading: "Why we need more time",
      paragraphs: ["We are waiting for the roofer's report.", "Sorry."],
    });
    expect(edited.sections.map((s) => s.id)).toEqual(document.sections.map((s) => s.id));
    expect(edited.sections.find((s) => s.id === "new-date")).toEqual(
      document.sections.find((s) => s.id === "new-date"),
    );
    expect(edited.recipient.addressLines).toEqual(["Flat 1", "B1 2CD"]);
  });

  it("rewords a list, or keeps it when only the paragraphs are given", () => {
    const { document } = draftOf("stage1-response");
    const edited = editLetterDocument(document, {
      sections: [
        { id: "remedy", paragraphs: ["We offer:"], items: ["A written apology from the repairs manager"] },
        { id: "actions", paragraphs: ["Still to do:"] },
      ],
    });
    expect(edited.sections.find((s) => s.id === "remedy")?.items).toEqual([
      "A written apology from the repairs manager",
    ]);
    expect(edited.sections.find((s) => s.id === "actions")?.items).toEqual(
      document.sections.find((s) => s.id === "actions")?.items,
    );
  });

  it("refuses a section the letter does not have", () => {
    const { document } = draftOf("extension");
    expect(() =>
      editLetterDocument(document, { sections: [{ id: "postscript", paragraphs: ["P.S."] }] }),
    ).toThrow(LetterRuleError);
  });
});

describe("the format a letter goes in", () => {
  it.each([
    [{ letters: "large-print" }, "a@example.org", "large-print"],
    [{ letters: "post" }, "a@example.org", "post"],
    [{ letters: "email" }, "a@example.org", "email"],
    [{ letters: "email" }, null, "post"],
    [{}, "a@example.org", "email"],
    [undefined, null, "post"],
  ] as const)("preferences %j, email %j: %s", (preferences, email, format) => {
    expect(letterFormat(preferences, email)).toBe(format);
  });
});
