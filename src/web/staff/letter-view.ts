import type { LetterPage } from "../../app/view-letter.ts";
import { can } from "../../domain/access/permissions.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import type { ChecklistItem } from "../../domain/letters/letter-checks.ts";
import { LETTER_KIND_TITLES } from "../../domain/letters/letter-layouts.ts";
import { LETTER_ACTIONS } from "../actions/letter-actions.ts";

/** The edit form's field for a section's paragraphs, by its place in the letter (error summaries link to it). */
export function sectionField(page: LetterPage, sectionId: string): string {
  if (sectionId === "recipient") return "recipientAddressLines";
  const index = page.letter.document.sections.findIndex((s) => s.id === sectionId);
  return index < 0 ? "form" : `sections${index}Paragraphs`;
}

/** Each missing item at its section's field, in words: what issuing waits for. */
export function missingErrors(
  page: LetterPage,
  missing: ChecklistItem[] = page.missing,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of missing) {
    const field = sectionField(page, item.sectionId);
    const code = item.sectionId === "recipient" ? "" : ` (Code ${item.code})`;
    errors[field] = errors[field]
      ? `${errors[field]} Also add ${item.name}${code}.`
      : `Add ${item.name}${code}.`;
  }
  return errors;
}

/** What the letter page shows: the letter, its checklist, and the forms the user's role may use on it. */
export function letterView(page: LetterPage, role: UserRole) {
  const { letter } = page;
  const draft = letter.status === "draft";
  const edit = LETTER_ACTIONS.edit;
  const mayChange = draft && edit !== undefined && can(role, edit.permission(page));
  return {
    heading: LETTER_KIND_TITLES[letter.kind],
    draft,
    mayChange,
    document: letter.document,
    // The edit form: one textarea per section, paragraphs separated by a blank line.
    sectionForms: letter.document.sections.map((s, i) => ({
      index: i,
      id: s.id,
      heading: s.heading,
      paragraphsField: `sections${i}Paragraphs`,
      itemsField: `sections${i}Items`,
      paragraphs: s.paragraphs.join("\n\n"),
      items: s.items ? s.items.join("\n") : null,
    })),
    addressLines: letter.document.recipient.addressLines.join("\n"),
    required: page.checklist.filter((i) => i.level === "required"),
    recommended: page.checklist.filter((i) => i.level === "recommended"),
  };
}
