import type { LetterDocument, LetterSection } from "./letter-document.ts";
import { caseValues, issueValues, listItems, type LetterFacts } from "./letter-facts.ts";
import { LETTER_KIND_TITLES, LETTER_LAYOUTS, slotGroups, type LetterSlot } from "./letter-layouts.ts";
import { slotMustHaveWords, type LetterTemplate, type TemplateSection } from "./letter-template.ts";
import { fillPlaceholders, type PlaceholderValues } from "./placeholders.ts";

/** Who signs when the stage has no handler yet: the handler can put their name in before issuing. */
export const UNSIGNED = "The complaints team";

/**
 * A letter drafted from a template and the case's facts: each section of the kind's layout in order, its
 * paragraphs with the placeholders filled in. A paragraph whose placeholder has no value for this case is
 * left out. A section the Code asks for is kept even when it ends up without words, so the handler sees it
 * and fills it in (the checklist names it); an optional section without words is left out.
 */
export function draftLetterDocument(template: LetterTemplate, facts: LetterFacts): LetterDocument {
  const values = caseValues(facts);
  const sections: LetterSection[] = [];
  for (const group of slotGroups(LETTER_LAYOUTS[facts.kind])) {
    const [first] = group;
    if (!first?.perIssue) {
      for (const slot of group) {
        const drafted = draftSection(slot, slot.id, template.sections[slot.id], values, facts);
        if (drafted) sections.push(drafted);
      }
      continue;
    }
    // A finding and its reasons are repeated together for each issue.
    for (const finding of facts.findings) {
      const issueVals = { ...values, ...issueValues(finding) };
      for (const s of group) {
        const id = `${s.id}:${finding.issueId}`;
        const drafted = draftSection(s, id, template.sections[s.id], issueVals, facts);
        if (drafted) sections.push(drafted);
      }
    }
  }
  return {
    kind: facts.kind,
    language: "en-GB",
    title: `Complaint ${facts.reference}: ${LETTER_KIND_TITLES[facts.kind]}`,
    landlord: { name: facts.landlord.name, addressLines: [...facts.landlord.addressLines] },
    recipient: { name: facts.recipient.name, addressLines: [...facts.recipient.addressLines] },
    date: facts.date,
    reference: facts.reference,
    salutation: fillPlaceholders(template.salutation, values) ?? "Dear Sir or Madam,",
    sections,
    signOff: {
      closing: fillPlaceholders(template.closing, values) ?? "Yours sincerely,",
      name: fillPlaceholders(template.signOff.name, values) || UNSIGNED,
      role: fillPlaceholders(template.signOff.role, values) ?? "",
    },
  };
}

function draftSection(
  slot: LetterSlot,
  id: string,
  wording: TemplateSection | undefined,
  values: PlaceholderValues,
  facts: LetterFacts,
): LetterSection | null {
  const fill = (texts: readonly string[] | undefined) =>
    (texts ?? []).flatMap((t) => {
      const filled = fillPlaceholders(t, values);
      return filled !== null && filled.trim() !== "" ? [filled.trim()] : [];
    });
  const items = slot.list ? listItems(facts, slot.list) : [];
  const emptyList = slot.list !== undefined && items.length === 0;
  const paragraphs = emptyList && wording?.whenEmpty ? fill(wording.whenEmpty) : fill(wording?.paragraphs);
  const heading = (wording && fillPlaceholders(wording.heading, values)) || slot.purpose;
  const hasWords = paragraphs.length > 0 || items.length > 0;
  if (!hasWords && !slotMustHaveWords(slot) && slot.requirement === undefined) return null;
  return { id, heading, paragraphs, ...(items.length > 0 ? { items } : {}) };
}
