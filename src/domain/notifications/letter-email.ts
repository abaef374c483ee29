import type { LetterKind } from "../policy/schema.ts";

/**
 * The PDF's file name when a letter is emailed or downloaded: the complaint's reference and the letter's
 * kind, e.g. "BCHG-2026-000012-stage1-response.pdf". Only letters, digits and hyphens, so every mail client
 * and file system keeps it as it is.
 */
export function letterFileName(reference: string, kind: LetterKind): string {
  const safe = (s: string) =>
    s
      .replace(/[^A-Za-z0-9-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "");
  return `${safe(reference) || "letter"}-${safe(kind)}.pdf`;
}
