import {
  addCalendarMonths,
  fromDayNumber,
  MONTHS,
  toDayNumber,
  type LocalDate,
} from "../../calendar/day-number.ts";
import { reportingYearOf, type ReportingPeriod } from "../reporting-year.ts";

/**
 * The periods the periodic reports cover: a calendar month (the executive report), or a quarter of the
 * reporting year (the board's Customer Voice report and the MRC pack): Q1 April to June, Q2 July to September,
 * Q3 October to December, Q4 January to March. Each period has a key for URLs ("2026-11", "2026-q3": the
 * third quarter of the reporting year 2026/27) and a label people use ("November 2026").
 */
export type Cadence = "month" | "quarter";

export interface CadencePeriod extends ReportingPeriod {
  key: string;
  cadence: Cadence;
  /** For a chart's axis: "Nov 2026", "2026/27 Q3". */
  short: string;
}

const monthName = (date: LocalDate) => MONTHS[Number(date.slice(5, 7)) - 1] ?? "";
const lastDayOfMonth = (firstOfMonth: LocalDate) =>
  fromDayNumber(toDayNumber(addCalendarMonths(firstOfMonth, 1)) - 1);

function monthPeriod(firstOfMonth: LocalDate): CadencePeriod {
  return {
    cadence: "month",
    key: firstOfMonth.slice(0, 7),
    from: firstOfMonth,
    to: lastDayOfMonth(firstOfMonth),
    label: `${monthName(firstOfMonth)} ${firstOfMonth.slice(0, 4)}`,
    short: `${monthName(firstOfMonth).slice(0, 3)} ${firstOfMonth.slice(0, 4)}`,
  };
}

function quarterPeriod(year: number, quarter: number): CadencePeriod {
  const from = addCalendarMonths(`${year}-04-01`, (quarter - 1) * 3);
  const last = addCalendarMonths(from, 2);
  const yearLabel = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  return {
    cadence: "quarter",
    key: `${year}-q${quarter}`,
    from,
    to: lastDayOfMonth(last),
    label: `${monthName(from)} to ${monthName(last)} ${last.slice(0, 4)} (${yearLabel} Q${quarter})`,
    short: `${yearLabel} Q${quarter}`,
  };
}

/** The period a key names, or null when the key is not one of this cadence (or out of range). */
export function periodOfKey(cadence: Cadence, key: string): CadencePeriod | null {
  if (cadence === "month") {
    const match = /^(\d{4})-(\d{2})$/.exec(key);
    if (!match) return null;
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (year < 1990 || year > 2199 || month < 1 || month > 12) return null;
    return monthPeriod(`${match[1]}-${match[2]}-01`);
  }
  const match = /^(\d{4})-q([1-4])$/i.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2198) return null;
  return quarterPeriod(year, Number(match[2]));
}

/** The period of a cadence that contains a date. */
export function periodContaining(cadence: Cadence, date: LocalDate): CadencePeriod {
  if (cadence === "month") return monthPeriod(`${date.slice(0, 7)}-01`);
  const year = reportingYearOf(date);
  const monthsIn = (Number(date.slice(5, 7)) + 8) % 12; // April is 0
  return quarterPeriod(year, Math.floor(monthsIn / 3) + 1);
}

/** The period just before (`steps` = 1) or further back. */
export function periodBefore(period: CadencePeriod, steps = 1): CadencePeriod {
  const months = period.cadence === "month" ? 1 : 3;
  return periodContaining(period.cadence, addCalendarMonths(period.from, -months * steps));
}

/** The last whole period before `today`: what a report is usually wanted for. */
export function lastWholePeriod(cadence: Cadence, today: LocalDate): CadencePeriod {
  return periodBefore(periodContaining(cadence, today));
}

/** `count` consecutive periods ending with `period`, oldest first (the trend a report shows). */
export function periodsEndingWith(period: CadencePeriod, count: number): CadencePeriod[] {
  return Array.from({ length: count }, (_, i) => periodBefore(period, count - 1 - i));
}

/** The periods offered to choose from: the current one (so far) and the `count - 1` before it, newest first. */
export function recentPeriods(cadence: Cadence, today: LocalDate, count: number): CadencePeriod[] {
  return periodsEndingWith(periodContaining(cadence, today), count).reverse();
}
