import type { LetterDocument } from "./letter-document.ts";
import { LetterRuleError } from "./letter-errors.ts";

/** A handler's change to a draft: new wording for some sections, and the postal address if it was unknown. */
export interface LetterEdits {
  sections: { id: string; paragraphs: string[]; items?: string[] }[];
  recipientAddressLines?: string[];
}

const clean = (texts: readonly string[]) => texts.map((t) => t.trim()).filter((t) => t !== "");

/**
 * The draft with the handler's wording. Only the wording changes: sections keep their ids, headings and
 * order, so the checklist still finds each one (a section emptied is named as missing, not lost). A
 * section the letter does not have is refused.
 */
export function editLetterDocument(document: LetterDocument, edits: LetterEdits): LetterDocument {
  const byId = new Map(edits.sections.map((s) => [s.id, s]));
  for (const id of byId.keys()) {
    if (!document.sections.some((s) => s.id === id))
      throw new LetterRuleError("UNKNOWN_LETTER_SECTION", "sections", `There is no section “${id}”.`);
  }
  return {
    ...document,
    recipient: edits.recipientAddressLines
      ? { ...document.recipient, addressLines: clean(edits.recipientAddressLines) }
      : document.recipient,
    sections: document.sections.map((section) => {
      const edit = byId.get(section.id);
      if (!edit) return section;
      const items = edit.items ?? section.items;
      const { items: _old, ...rest } = section;
      const kept = items ? clean(items) : [];
      return { ...rest, paragraphs: clean(edit.paragraphs), ...(kept.length > 0 ? { items: kept } : {}) };
    }),
  };
}
