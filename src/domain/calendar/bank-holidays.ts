import Holidays from "date-holidays";
import { z } from "zod";
import { isLocalDate, isWeekend, toDayNumber, type LocalDate } from "./day-number.ts";

/** One bank holiday, and where Redress learned of it. */
export interface BankHoliday {
  date: LocalDate;
  name: string;
  source: "gov.uk" | "rules" | "added";
}

/** A function from a year to that year's bank holidays in England and Wales. */
export type BankHolidaySource = (year: number) => readonly BankHoliday[];

const govUkEventSchema = z.object({
  title: z.string().min(1),
  date: z.string().refine(isLocalDate, "a date as YYYY-MM-DD"),
  notes: z.string(),
  bunting: z.boolean(),
});

/** The GOV.UK `bank-holidays.json` format; only the england-and-wales division is read. */
export const govUkBankHolidaysSchema = z.object({
  "england-and-wales": z.object({
    division: z.literal("england-and-wales"),
    events: z.array(govUkEventSchema),
  }),
});
export type GovUkBankHolidays = z.infer<typeof govUkBankHolidaysSchema>;

/**
 * Bank holidays from rules (the `date-holidays` package, England): public bank holidays, including
 * substitute days, without dates that fall at a weekend (the substitute day is the holiday then).
 */
export function ruleBasedBankHolidays(year: number): BankHoliday[] {
  const holidays = new Holidays("GB", "ENG", { types: ["public", "bank"] });
  return holidays
    .getHolidays(year)
    .filter((h) => h.type === "public" || h.type === "bank")
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, source: "rules" as const }))
    .filter((h) => !isWeekend(toDayNumber(h.date)));
}

export interface EnglandAndWalesOptions {
  /** The GOV.UK list; it is trusted for every year it has dates in. */
  snapshot?: GovUkBankHolidays;
  /** Dates to add, e.g. a one-off holiday announced after the snapshot was taken. */
  added?: readonly { date: LocalDate; name: string }[];
  /** Dates to drop, e.g. a holiday moved by proclamation. */
  removed?: readonly LocalDate[];
}

/** Bank holidays from the snapshot for the years it covers, from rules beyond it, then additions and removals. */
export function englandAndWalesBankHolidays(options: EnglandAndWalesOptions = {}): BankHolidaySource {
  const snapshotByYear = new Map<number, BankHoliday[]>();
  for (const e of options.snapshot?.["england-and-wales"].events ?? []) {
    const year = Number(e.date.slice(0, 4));
    const list = snapshotByYear.get(year) ?? [];
    list.push({ date: e.date, name: e.title, source: "gov.uk" });
    snapshotByYear.set(year, list);
  }
  const removed = new Set(options.removed ?? []);
  const added = options.added ?? [];
  const cache = new Map<number, readonly BankHoliday[]>();
  return (year) => {
    const cached = cache.get(year);
    if (cached) return cached;
    const base = snapshotByYear.get(year) ?? ruleBasedBankHolidays(year);
    const extra = added
      .filter((a) => a.date.startsWith(`${year}-`))
      .map((a) => ({ date: a.date, name: a.name, source: "added" as const }));
    const result = [...base, ...extra]
      .filter((h) => !removed.has(h.date))
      .sort((a, b) => a.date.localeCompare(b.date));
    cache.set(year, result);
    return result;
  };
}

/** The years a snapshot covers, e.g. to tell an administrator when to refresh it. */
export function snapshotYears(snapshot: GovUkBankHolidays): { first: number; last: number } | null {
  const years = snapshot["england-and-wales"].events.map((e) => Number(e.date.slice(0, 4)));
  return years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) };
}
