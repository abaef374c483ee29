import { emailDocument, html, type EmailContent } from "./email-content.ts";

/** A part of an email, in reading order. Every string is text: it is escaped in the HTML. */
export type EmailBlock =
  | { paragraph: string }
  | { link: { text: string; href: string }; before?: string }
  | { items: readonly string[] }
  /** Lines kept together, such as a sign-off ("Yours sincerely," / "Complaints team"). */
  | { lines: readonly string[] };

/** One email, written once as blocks and rendered as both plain text and HTML, so the two never differ. */
export function composeEmail(subject: string, blocks: readonly EmailBlock[]): EmailContent {
  return {
    subject,
    text: `${blocks.map(asText).join("\n\n")}\n`,
    html: emailDocument(subject, asHtml(blocks)),
  };
}

function asText(block: EmailBlock): string {
  if ("paragraph" in block) return block.paragraph;
  if ("link" in block)
    return `${block.before ? `${block.before}\n` : ""}${block.link.text}: ${block.link.href}`;
  if ("items" in block) return block.items.map((i) => `- ${i}`).join("\n");
  return block.lines.join("\n");
}

function asHtml(blocks: readonly EmailBlock[]) {
  // (Prettier leaves the HTML in these templates alone: embeddedLanguageFormatting is off.)
  return html`${blocks.map((block) => {
    if ("paragraph" in block) return html`<p>${block.paragraph}</p>`;
    if ("link" in block)
      return html`${block.before ? html`<p>${block.before}</p>` : ""}<p><a href="${block.link.href}">${block.link.text}</a></p>`;
    if ("items" in block) return html`<ul>${block.items.map((i) => html`<li>${i}</li>`)}</ul>`;
    return html`<p>${block.lines.map((l, i) => html`${i > 0 ? html`<br>` : ""}${l}`)}</p>`;
  })}`;
}

/** Only web addresses become links: a `javascript:` or `data:` address in a payload is never clickable. */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === "https:" || protocol === "http:";
}
