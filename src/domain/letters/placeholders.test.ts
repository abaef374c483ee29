import { describe, expect, it } from "vitest";
import { fillPlaceholders, placeholderProblems, placeholdersIn } from "./placeholders.ts";

describe("filling in placeholders", () => {
  it("replaces each placeholder with its value, spaces inside the braces allowed", () => {
    expect(
      fillPlaceholders("Ref {{reference}}, due {{ response-due }}.", {
        reference: "X-1",
        "response-due": "Friday 6 November 2026",
      }),
    ).toBe("Ref X-1, due Friday 6 November 2026.");
  });

  it("leaves text without placeholders alone", () => {
    expect(fillPlaceholders("Thank you { for } writing.", {})).toBe("Thank you { for } writing.");
  });

  it("gives nothing when a placeholder has no value for the case, so the paragraph is left out", () => {
    expect(fillPlaceholders("{{handler}} is dealing with it.", {})).toBeNull();
    expect(fillPlaceholders("{{handler}} is dealing with it.", { handler: "  " })).toBeNull();
  });

  it("never fills a value in twice, nor reads a placeholder Redress does not know", () => {
    expect(
      fillPlaceholders("Dear {{recipient-name}},", { "recipient-name": "{{reference}}", reference: "X" }),
    ).toBe("Dear {{reference}},");
    expect(fillPlaceholders("{{constructor}} {{toString}}", {})).toBeNull();
  });

  it("lists the placeholders a text uses", () => {
    expect(placeholdersIn("{{a}} and {{ b-c }} and {{}}")).toEqual(["a", "b-c", ""]);
  });
});

describe("checking a template's placeholders", () => {
  const where = "the section “Our decision”";

  it("accepts the placeholders Redress knows", () => {
    expect(
      placeholderProblems("{{reference}} {{ombudsman-contact}} {{landlord-name}}", where, false),
    ).toEqual([]);
  });

  it("refuses an unknown placeholder, in words", () => {
    expect(placeholderProblems("Ref {{refrence}}", where, false)).toEqual([
      "“{{refrence}}” in the section “Our decision” is not a placeholder Redress knows. Use one from the list of placeholders, written exactly as shown.",
    ]);
  });

  it("refuses the issue placeholders outside the sections written for each issue", () => {
    expect(placeholderProblems("{{issue}}: {{reason}}", where, false)).toHaveLength(2);
    expect(placeholderProblems("{{issue}}: {{reason}}", where, true)).toEqual([]);
  });

  it("refuses braces that do not make a placeholder, and an empty one", () => {
    expect(placeholderProblems("Ref {{reference}", where, false)).toEqual([
      "the section “Our decision” has “{{” or “}}” that do not make a placeholder. Write placeholders as {{reference}}, with two braces on each side.",
    ]);
    expect(placeholderProblems("{{ }}", where, false)[0]).toContain("empty placeholder");
  });
});
