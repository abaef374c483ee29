/**
 * Type sizes and spacing for a letter, in points, shared by the HTML and the PDF so both look alike.
 * Standard print follows the usual advice for accessible letters (body 12 pt, never smaller); large print
 * is 18 pt body, above the 16 pt floor that large print must meet, with looser line spacing.
 */
export interface TypeScale {
  /** Body text, addresses, list items, sign-off and page numbers. */
  body: number;
  /** The letter's title (H1). */
  title: number;
  /** Each section's heading (H2). */
  heading: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

export const STANDARD_PRINT: TypeScale = { body: 12, title: 16, heading: 14, lineHeight: 1.4 };
export const LARGE_PRINT: TypeScale = { body: 18, title: 24, heading: 21, lineHeight: 1.5 };

export function typeScaleFor(options: { largePrint: boolean }): TypeScale {
  return options.largePrint ? LARGE_PRINT : STANDARD_PRINT;
}
