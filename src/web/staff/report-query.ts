import { isLocalDate, type LocalDate } from "../../domain/calendar/day-number.ts";
import { reportingYear, reportingYearOf } from "../../domain/reporting/reporting-year.ts";

/** What the period form shows: the parts typed, kept as typed when they are wrong. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type PeriodQuery =
  | { ok: true; from: LocalDate; to: LocalDate; values: { from: DateParts; to: DateParts } }
  | { ok: false; errors: Record<string, string>; values: { from: DateParts; to: DateParts } };

type Query = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

const partsOf = (date: LocalDate): DateParts => ({
  day: String(Number(date.slice(8, 10))),
  month: String(Number(date.slice(5, 7))),
  year: date.slice(0, 4),
});

/** A date from the query: `from=2026-04-01`, or the form's `from-day`, `from-month` and `from-year`. */
function dateFrom(
  query: Query,
  name: "from" | "to",
): { date: LocalDate | null; parts: DateParts; given: boolean } {
  const iso = text(query[name]);
  if (iso)
    return {
      date: isLocalDate(iso) ? iso : null,
      parts: isLocalDate(iso) ? partsOf(iso) : { day: "", month: "", year: "" },
      given: true,
    };
  const parts = {
    day: text(query[`${name}-day`]),
    month: text(query[`${name}-month`]),
    year: text(query[`${name}-year`]),
  };
  const given = Boolean(parts.day || parts.month || parts.year);
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return { date: null, parts, given };
  const date = `${parts.year}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
  return { date: isLocalDate(date) ? date : null, parts, given };
}

const inRange = (date: LocalDate) => date >= "1990-01-01" && date <= "2199-12-31";

/**
 * The period a report is for, from the query string; the current reporting year when none is given. Errors are
 * keyed by the field to go to (`from-day`, `to-day`), in words for the person who typed them.
 */
export function periodFromQuery(query: Query, today: LocalDate): PeriodQuery {
  const from = dateFrom(query, "from");
  const to = dateFrom(query, "to");
  if (!from.given && !to.given) {
    const year = reportingYear(reportingYearOf(today));
    return {
      ok: true,
      from: year.from,
      to: year.to,
      values: { from: partsOf(year.from), to: partsOf(year.to) },
    };
  }
  const values = { from: from.parts, to: to.parts };
  const errors: Record<string, string> = {};
  if (!from.date || !inRange(from.date))
    errors["from-day"] = "Enter the first day of the period as a real date, for example 1 4 2026";
  if (!to.date || !inRange(to.date))
    errors["to-day"] = "Enter the last day of the period as a real date, for example 31 3 2027";
  if (from.date && to.date && !errors["from-day"] && !errors["to-day"] && to.date < from.date)
    errors["to-day"] = "The last day of the period must be the same as or after the first day";
  if (Object.keys(errors).length > 0 || !from.date || !to.date) return { ok: false, errors, values };
  return { ok: true, from: from.date, to: to.date, values };
}

/** The reporting year from `?year=2026`; the current one when none is given; null when it is not a year. */
export function yearFromQuery(query: Query, today: LocalDate): number | null {
  const raw = text(query.year);
  if (!raw) return reportingYearOf(today);
  const year = Number(raw);
  return /^\d{4}$/.test(raw) && year >= 1990 && year <= 2199 ? year : null;
}

/** The figure a drill-down names, and which page of it. */
export function drillFromQuery(query: Query): { measure: string; group?: string; page: number } | null {
  const measure = text(query.measure);
  if (!/^[A-Za-z0-9.]{1,120}$/.test(measure)) return null;
  const group = typeof query.group === "string" && query.group !== "" ? query.group.slice(0, 300) : undefined;
  const page = Number(text(query.page) || "1");
  return {
    measure,
    ...(group !== undefined ? { group } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
