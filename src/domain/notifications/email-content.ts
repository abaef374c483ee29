/**
 * An email's words, decided: what every composer returns. The plain text and the HTML say the same thing;
 * the text is for mail clients that show no HTML (and for screen readers that prefer it).
 */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** HTML that is already safe: produced by `html`, never by hand from outside text. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function interpolate(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * A tagged template that escapes every value put into it (names, reasons, references: anything a resident
 * or officer typed), unless the value is itself `SafeHtml`. Escaping is the default, so forgetting is safe.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += interpolate(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** A whole HTML email: language, title, and readable type without a stylesheet. */
export function emailDocument(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em">${body}</body>
</html>`.value;
}
