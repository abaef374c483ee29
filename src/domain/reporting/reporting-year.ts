import {
  addCalendarMonths,
  fromDayNumber,
  isLocalDate,
  toDayNumber,
  type LocalDate,
} from "../calendar/day-number.ts";

/** A reporting period: inclusive London dates, with a label people use ("2026/27"). */
export interface ReportingPeriod {
  from: LocalDate;
  to: LocalDate;
  label: string;
}

/**
 * The reporting year that starts on the first day of `startMonth` (April by default: the social housing
 * year the TSMs use, 1 April to 31 March) of `year`.
 */
export function reportingYear(year: number, startMonth = 4): ReportingPeriod {
  if (!Number.isInteger(year) || year < 1990 || year > 2199)
    throw new RangeError(`No reporting year ${year}.`);
  const from = `${year}-${String(startMonth).padStart(2, "0")}-01`;
  const to = fromDayNumber(toDayNumber(addCalendarMonths(from, 12)) - 1);
  const label = startMonth === 1 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  return { from, to, label };
}

/** A period of whole calendar months ending on the last day of the month containing `date` (monthly, quarterly reports). */
export function monthsEnding(date: LocalDate, months: number): ReportingPeriod {
  if (!isLocalDate(date)) throw new RangeError(`Not a date: ${date}.`);
  const firstOfMonth = `${date.slice(0, 7)}-01`;
  const to = fromDayNumber(toDayNumber(addCalendarMonths(firstOfMonth, 1)) - 1);
  const from = addCalendarMonths(firstOfMonth, -(months - 1));
  return { from, to, label: `${from} to ${to}` };
}

export function within(date: LocalDate | null | undefined, period: ReportingPeriod): boolean {
  if (!date) return false;
  const n = toDayNumber(date);
  return n >= toDayNumber(period.from) && n <= toDayNumber(period.to);
}

/** The period from one date to another, both included; a whole reporting year is labelled as one ("2026/27"). */
export function periodBetween(from: LocalDate, to: LocalDate): ReportingPeriod {
  if (!isLocalDate(from)) throw new RangeError(`Not a date: ${from}.`);
  if (!isLocalDate(to)) throw new RangeError(`Not a date: ${to}.`);
  if (toDayNumber(to) < toDayNumber(from))
    throw new RangeError(`The period ends (${to}) before it starts (${from}).`);
  const year = Number(from.slice(0, 4));
  if (from.endsWith("-04-01") && year >= 1990 && year <= 2199) {
    const whole = reportingYear(year);
    if (whole.to === to) return whole;
  }
  return { from, to, label: `${from} to ${to}` };
}

/** The year of the reporting year (starting 1 April) that a date falls in: 2026 for any day from 1 April 2026 to 31 March 2027. */
export function reportingYearOf(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}
