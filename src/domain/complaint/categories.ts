/**
 * What a complaint is about: the filing label reports group by (themes, top categories). A fixed list for
 * now, shared by every organisation, so figures compare across landlords and years.
 */
export const COMPLAINT_CATEGORIES = [
  "damp-and-mould",
  "repairs",
  "anti-social-behaviour",
  "leaks",
  "staff-conduct",
  "estate-management",
  "rent-and-charges",
  "other",
] as const;

export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
