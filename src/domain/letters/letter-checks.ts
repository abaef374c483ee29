import type { LetterDocument, LetterSection } from "./letter-document.ts";
import { listItems, type LetterFacts } from "./letter-facts.ts";
import {
  codeParagraphs,
  issueRequirement,
  LETTER_LAYOUTS,
  slotGroups,
  type ContentRequirement,
  type RequirementLevel,
} from "./letter-layouts.ts";

/** One thing a letter must (or should) say, and whether this letter says it. */
export interface ChecklistItem {
  /** The section that carries it (`recipient` for the postal address). */
  sectionId: string;
  /** In words: "the reason for the finding on “Leak not fixed”". */
  name: string;
  /** The Code paragraph(s), or where the need comes from. */
  code: string;
  level: RequirementLevel;
  met: boolean;
}

/** How the letter will be sent: a letter by post needs an address. */
export interface DeliveryNeeds {
  format: "email" | "post" | "large-print";
}

const hasText = (texts: readonly string[] | undefined) => (texts ?? []).some((t) => t.trim() !== "");

/**
 * The content the Code requires of a letter of this kind about this case, each item met or not. A section
 * meets its requirement when it has words; a section showing a list the case has (the issues, the
 * remedies) needs the list too, since the introduction alone does not say it. The facts give the issues
 * whose findings a response must carry, so a deleted or emptied finding is still named.
 */
export function letterChecklist(
  document: LetterDocument,
  facts: LetterFacts,
  delivery?: DeliveryNeeds,
): ChecklistItem[] {
  const byId = new Map(document.sections.map((s) => [s.id, s]));
  const items: ChecklistItem[] = [];
  const check = (sectionId: string, requirement: ContentRequirement, needsItems: boolean) => {
    const section = byId.get(sectionId);
    items.push({
      sectionId,
      name: requirement.name,
      code: codeParagraphs(requirement, facts.stage),
      level: requirement.level,
      met: section !== undefined && says(section, needsItems),
    });
  };
  for (const group of slotGroups(LETTER_LAYOUTS[document.kind])) {
    if (group[0]?.perIssue) {
      // In the letter's order: each issue's finding, then its reasons.
      for (const f of facts.findings) {
        for (const slot of group) {
          const requirement = issueRequirement(slot, f.issue, facts.stage);
          if (requirement) check(`${slot.id}:${f.issueId}`, requirement, false);
        }
      }
      continue;
    }
    for (const slot of group) {
      if (!slot.requirement) continue;
      const needsItems = slot.list !== undefined && listItems(facts, slot.list).length > 0;
      check(slot.id, slot.requirement, needsItems);
    }
  }
  if (delivery && delivery.format !== "email") {
    items.push({
      sectionId: "recipient",
      name: `the address to post the letter to ${document.recipient.name}`,
      code: "needed to send it by post",
      level: "required",
      met: hasText(document.recipient.addressLines),
    });
  }
  return items;
}

function says(section: LetterSection, needsItems: boolean): boolean {
  if (needsItems) return hasText(section.items);
  return hasText(section.paragraphs) || hasText(section.items);
}

/** What must still be added before the letter can be issued (required content not there), in order. */
export function missingContent(
  document: LetterDocument,
  facts: LetterFacts,
  delivery?: DeliveryNeeds,
): ChecklistItem[] {
  return letterChecklist(document, facts, delivery).filter((i) => i.level === "required" && !i.met);
}

/** The letter as issued: sections left without words (an optional one the handler emptied) are dropped. */
export function withoutEmptySections(document: LetterDocument): LetterDocument {
  return {
    ...document,
    sections: document.sections.filter((s) => hasText(s.paragraphs) || hasText(s.items)),
  };
}
