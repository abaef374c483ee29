import { z } from "zod";
import type { LetterKind } from "../policy/schema.ts";
import { LETTER_LAYOUTS, LETTER_KIND_TITLES, type LetterSlot } from "./letter-layouts.ts";
import { placeholderProblems } from "./placeholders.ts";

/**
 * An organisation's wording for one kind of letter: for each section of the kind's layout a heading and
 * paragraphs, which may use placeholders. A list section (issues, remedies ...) shows the case's list after
 * its paragraphs, or its `whenEmpty` paragraphs when the list is empty. A section left without words is
 * left out of the letter, which only an optional section may be.
 */
export const templateSectionSchema = z
  .object({
    heading: z.string(),
    paragraphs: z.array(z.string()),
    whenEmpty: z.array(z.string()).optional(),
  })
  .strict();
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const letterTemplateSchema = z
  .object({
    salutation: z.string(),
    sections: z.record(z.string(), templateSectionSchema),
    closing: z.string(),
    signOff: z.object({ name: z.string(), role: z.string() }).strict(),
  })
  .strict();
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

/** Something wrong with a template, at the place it is about (`sections.ombudsman.paragraphs`, `salutation`). */
export interface TemplateProblem {
  field: string;
  message: string;
}

const blank = (texts: readonly string[] | undefined) => !(texts ?? []).some((t) => t.trim() !== "");

/** Whether a section of this layout must have words: the Code requires its content. */
export function slotMustHaveWords(slot: LetterSlot): boolean {
  return slot.perIssue === true || slot.requirement?.level === "required";
}

/**
 * Everything wrong with a template for a kind, in words: unknown sections, unknown or misplaced
 * placeholders, and sections the Code requires left without words. Empty when it can be saved.
 */
export function checkLetterTemplate(kind: LetterKind, template: LetterTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const slots = LETTER_LAYOUTS[kind];
  const title = LETTER_KIND_TITLES[kind].toLowerCase();
  for (const id of Object.keys(template.sections)) {
    if (!slots.some((s) => s.id === id))
      problems.push({ field: `sections.${id}`, message: `A “${title}” letter has no section “${id}”.` });
  }
  const text = (field: string, where: string, value: string, perIssue = false) => {
    for (const message of placeholderProblems(value, where, perIssue)) problems.push({ field, message });
  };
  text("salutation", "the greeting", template.salutation);
  if (template.salutation.trim() === "")
    problems.push({
      field: "salutation",
      message: "Enter the greeting, for example Dear {{recipient-name}},",
    });
  text("closing", "the closing words", template.closing);
  if (template.closing.trim() === "")
    problems.push({ field: "closing", message: "Enter the closing words, for example Yours sincerely," });
  text("signOffName", "the name the letter is signed with", template.signOff.name);
  text("signOffRole", "the role the letter is signed with", template.signOff.role);

  for (const slot of slots) {
    const section = template.sections[slot.id];
    const name = `the section “${section?.heading.trim() || slot.purpose}”`;
    const field = `sections.${slot.id}`;
    const perIssue = slot.perIssue === true;
    if (section) {
      text(`${field}.heading`, `the heading of ${name}`, section.heading, perIssue);
      section.paragraphs.forEach((p) => text(`${field}.paragraphs`, name, p, perIssue));
      (section.whenEmpty ?? []).forEach((p) => text(`${field}.whenEmpty`, name, p, perIssue));
    }
    const hasWords = section && !blank(section.paragraphs);
    if (section && hasWords && section.heading.trim() === "")
      problems.push({ field: `${field}.heading`, message: `Give ${name} a heading.` });
    if (!slotMustHaveWords(slot)) continue;
    if (!hasWords)
      problems.push({
        field: `${field}.paragraphs`,
        message: `${capitalise(name)} must say ${slot.requirement?.name ?? slot.purpose.toLowerCase()}: the Code requires it in this letter (${codeOf(slot)}). Give it some words.`,
      });
    if ((slot.list === "remedies" || slot.list === "actions") && blank(section?.whenEmpty))
      problems.push({
        field: `${field}.whenEmpty`,
        message: `Say what the letter tells the resident when there ${slot.list === "remedies" ? "is no remedy" : "are no actions left"} (${codeOf(slot)}).`,
      });
  }
  return problems;
}

function codeOf(slot: LetterSlot): string {
  if (slot.perIssue) return "Code 6.7";
  const code = slot.requirement?.code;
  return typeof code === "string"
    ? `Code ${code}`
    : code
      ? `Code ${code[1]} at Stage 1, ${code[2]} at Stage 2`
      : "";
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
