import { formatLongDate } from "../../domain/calendar/day-number.ts";
import type { LetterDocument } from "../../domain/letters/letter-document.ts";

/**
 * The letter as plain text, for mail clients that show no HTML: the same parts in the same order, the
 * title and headings underlined, list items as "- " lines. Lines are not wrapped: the reader's mail
 * client wraps them to its own width.
 */
export function renderLetterText(letter: LetterDocument): string {
  const blocks: string[] = [
    [letter.landlord.name, ...letter.landlord.addressLines].join("\n"),
    [letter.recipient.name, ...letter.recipient.addressLines].join("\n"),
    `${formatLongDate(letter.date)}\nOur reference: ${letter.reference}`,
    underline(letter.title, "="),
    letter.salutation,
  ];
  for (const section of letter.sections) {
    blocks.push(underline(section.heading, "-"), ...section.paragraphs);
    if (section.items && section.items.length > 0)
      blocks.push(section.items.map((item) => `- ${item}`).join("\n"));
  }
  blocks.push(letter.signOff.closing, `${letter.signOff.name}\n${letter.signOff.role}`);
  return `${blocks.join("\n\n")}\n`;
}

function underline(text: string, mark: string): string {
  return `${text}\n${mark.repeat(Math.max(3, [...text].length))}`;
}
