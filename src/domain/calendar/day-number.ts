/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so working-day arithmetic is integer
 * arithmetic with no Date objects and no time zones. A `LocalDate` is a London calendar date as text.
 */

export type LocalDate = string; // "YYYY-MM-DD"
export type DayNumber = number;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  readonly code = "INVALID_DATE";
  constructor(readonly value: unknown) {
    super(`"${String(value)}" is not a real date; write it as YYYY-MM-DD, for example 2026-11-06.`);
    this.name = "InvalidDateError";
  }
}

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDayNumber(n: DayNumber): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== "string") return false;
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const c = civilFromDayNumber(dayNumberFromCivil(year, month, day));
  return c.month === month && c.day === day;
}

export function toDayNumber(date: LocalDate): DayNumber {
  if (!isLocalDate(date)) throw new InvalidDateError(date);
  return dayNumberFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function fromDayNumber(n: DayNumber): LocalDate {
  const { year, month, day } = civilFromDayNumber(n);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(n: DayNumber): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

export function yearOf(n: DayNumber): number {
  return civilFromDayNumber(n).year;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** The months' names in British English, January first. */
export const MONTHS: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Friday 6 November 2026": how a date is written to a resident or officer. */
export function formatLongDate(date: LocalDate): string {
  const n = toDayNumber(date);
  const { year, month, day } = civilFromDayNumber(n);
  return `${WEEKDAYS[weekdayOf(n)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** The same day of the month `months` later, or the month's last day if it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = civilFromDayNumber(toDayNumber(date));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = civilFromDayNumber(
    dayNumberFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1,
  ).day;
  return fromDayNumber(dayNumberFromCivil(y, m, Math.min(day, lastDay)));
}

/** The later of two dates. */
export function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return toDayNumber(a) >= toDayNumber(b) ? a : b;
}

const LONDON_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The London calendar date of an instant: the date every deadline counts from (DESIGN: Time). */
export function londonDateOf(instant: Date): LocalDate {
  return LONDON_DATE.format(instant);
}

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as a London date and time: "Monday 9 November 2026 at 14:30". */
export function formatLondonDateTime(instant: Date): string {
  return `${formatLongDate(londonDateOf(instant))} at ${LONDON_TIME.format(instant)}`;
}
