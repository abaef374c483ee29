import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import { GovernanceRuleError } from "./governance-errors.ts";

/**
 * "You said, we did": what residents told us through complaints and what was changed because of it, for the
 * landlord's website and resident panels (Code 9.3). Drafted from lessons, edited, approved by someone with
 * the right role, then published: the published form carries no resident's details and no link to a case.
 */
export interface YouSaidWeDidEntry {
  id: string;
  youSaid: string;
  weDid: string;
  themes: string[];
  changedOn: LocalDate | null;
  status: "draft" | "approved" | "withdrawn";
}

/** An entry as published: words, themes and the month of the change, nothing else. */
export interface PublishedEntry {
  youSaid: string;
  weDid: string;
  themes: string[];
  /** "2026-11": the month the change was made. */
  changedIn: string;
}

const words = (s: string) => s.replace(/-/g, " ");
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** A first draft from lessons: their themes as what residents raised, the action (or lesson) as what changed. */
export function draftFromLessons(
  lessons: readonly { text: string; themes: readonly string[]; action: string | null }[],
): { youSaid: string; weDid: string; themes: string[] } {
  const themes = [...new Set(lessons.flatMap((l) => l.themes))];
  const about = themes.length ? themes.map(words).join(", ") : "our service";
  return {
    youSaid: `You told us about problems with ${about}.`,
    weDid: lessons.map((l) => sentence(l.action ?? l.text)).join(" "),
    themes,
  };
}

/** The details of residents (and representatives) connected to an entry, to be kept off the website. */
export interface KnownPersonalDetails {
  names: readonly string[];
  addresses: readonly string[];
  postcodes: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
  references: readonly string[];
}

export interface PersonalDetailFound {
  kind: "name" | "address" | "postcode" | "email" | "phone" | "reference";
  text: string;
}

// Shapes that identify someone whoever they are: a complaint reference (BCHG-2026-000123), an email
// address, a UK postcode, a phone number, a titled name (Mrs Smith), a house number and street.
const PATTERNS: [PersonalDetailFound["kind"], RegExp][] = [
  ["reference", /\b[A-Z0-9]+-\d{4}-\d{6}\b/],
  ["email", /[^\s@]+@[^\s@]+\.[^\s@]+/],
  ["postcode", /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i],
  ["phone", /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/],
  ["name", /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][A-Za-z'-]*/],
  [
    "address",
    /\b\d+[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Grove|Gardens|Terrace|Walk|Hill|Row|Square)\b/,
  ],
];

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const digits = (s: string) => s.replace(/\D/g, "");

/** The residents' details an entry's words contain, if any: what must never be published. */
export function personalDetailsIn(text: string, known: KnownPersonalDetails): PersonalDetailFound[] {
  const found: PersonalDetailFound[] = [];
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) found.push({ kind, text: match[0].trim() });
  }
  const flat = normalise(text);
  const lists: [PersonalDetailFound["kind"], readonly string[]][] = [
    ["name", known.names],
    ["address", known.addresses],
    ["postcode", known.postcodes],
    ["email", known.emails],
    ["reference", known.references],
  ];
  for (const [kind, values] of lists) {
    for (const value of values) {
      const v = normalise(value);
      if (v.length >= 3 && new RegExp(`(^|\\W)${escape(v)}($|\\W)`).test(flat))
        found.push({ kind, text: value });
    }
  }
  const textDigits = digits(text);
  for (const phone of known.phones) {
    const d = digits(phone);
    if (d.length >= 6 && textDigits.includes(d)) found.push({ kind: "phone", text: phone });
  }
  return found;
}

const KIND_WORDS: Record<PersonalDetailFound["kind"], string> = {
  name: "a name",
  address: "an address",
  postcode: "a postcode",
  email: "an email address",
  phone: "a phone number",
  reference: "a complaint reference",
};

/**
 * Checks an entry can be approved for publication: it has been made (when), it is not withdrawn, and
 * neither what residents said nor what was done carries a resident's details.
 */
export function checkApproval(entry: YouSaidWeDidEntry, known: KnownPersonalDetails, today: LocalDate): void {
  if (entry.status === "withdrawn") throw new GovernanceRuleError("ENTRY_WITHDRAWN");
  if (entry.status === "approved") throw new GovernanceRuleError("ALREADY_APPROVED");
  for (const field of ["youSaid", "weDid"] as const) {
    const [first] = personalDetailsIn(entry[field], known);
    if (first)
      throw new GovernanceRuleError(
        "PERSONAL_DETAILS",
        field,
        `This would publish a resident's details (${KIND_WORDS[first.kind]}: "${first.text}"). Take them out before approving it.`,
      );
  }
  if (!entry.changedOn) throw new GovernanceRuleError("CHANGED_ON_REQUIRED", "changedOn");
  if (toDayNumber(entry.changedOn) > toDayNumber(today))
    throw new GovernanceRuleError("DATE_IN_FUTURE", "changedOn");
}

/** What is published of an approved entry: no link to a complaint, no person, no exact date. */
export function publishedEntry(entry: YouSaidWeDidEntry): PublishedEntry {
  return {
    youSaid: entry.youSaid,
    weDid: entry.weDid,
    themes: entry.themes.map(words),
    changedIn: (entry.changedOn ?? "").slice(0, 7),
  };
}
