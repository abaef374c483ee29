import type { BankHolidaySource } from "./bank-holidays.ts";
import {
  dayNumberFromCivil,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  yearOf,
  type DayNumber,
  type LocalDate,
} from "./day-number.ts";

/** A day the organisation declared closed. Allowed, but flagged: the Code does not sanction closures. */
export interface ClosureDay {
  date: LocalDate;
  reason: string;
}

export type NonWorkingReason =
  { kind: "weekend" } | { kind: "bank-holiday"; name: string } | { kind: "closure"; name: string };

export interface WorkingCalendarOptions {
  bankHolidays: BankHolidaySource;
  closures?: readonly ClosureDay[];
  /** A short stable name for what the calendar was built from; complaints pin it (see `id`). */
  label: string;
  /** First and last year of the precomputed tables; they grow on demand beyond these. */
  years?: { first: number; last: number };
}

const WORKING = 0;
const WEEKEND = 1;
const BANK_HOLIDAY = 2;
const CLOSURE = 3;

/** The furthest a calendar will grow its tables, so a typo such as year 20260 fails clearly. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

export class DateOutsideCalendarError extends Error {
  readonly code = "DATE_OUTSIDE_CALENDAR";
  constructor(readonly date: LocalDate) {
    super(`${date} is outside the years Redress can count working days for (${MIN_YEAR}–${MAX_YEAR}).`);
    this.name = "DateOutsideCalendarError";
  }
}

/**
 * Working days for England and Wales: Monday to Friday, not a bank holiday, not a closure day.
 *
 * Precomputed tables make every addition O(1) without allocating: `rank[i]` counts the working days
 * from the first day of the table up to and including day i, and `working[k]` is the day number of the
 * k-th working day. The Nth working day after day d is then `working[rank[d] + n - 1]`.
 */
export class WorkingCalendar {
  readonly label: string;
  private readonly bankHolidays: BankHolidaySource;
  private readonly closures: ReadonlyMap<DayNumber, string>;
  private first = 0;
  private length = 0;
  private kind = new Uint8Array(0);
  private rank = new Int32Array(0);
  private working = new Int32Array(0);
  private holidayNames = new Map<DayNumber, string>();
  private closureFree: WorkingCalendar | undefined;

  constructor(options: WorkingCalendarOptions) {
    this.label = options.label;
    this.bankHolidays = options.bankHolidays;
    this.closures = new Map((options.closures ?? []).map((c) => [toDayNumber(c.date), c.reason]));
    const years = options.years ?? { first: 2018, last: 2035 };
    this.build(years.first, years.last);
  }

  /** Identifies the calendar a deadline was computed against: its label and every closure. */
  get id(): string {
    const closures = [...this.closures.keys()].sort((a, b) => a - b).map(fromDayNumber);
    return closures.length === 0 ? this.label : `${this.label}+closures:${fnv1a(closures.join(","))}`;
  }

  get closureDays(): ClosureDay[] {
    return [...this.closures]
      .sort(([a], [b]) => a - b)
      .map(([d, reason]) => ({ date: fromDayNumber(d), reason }));
  }

  /**
   * The same calendar without closure days, cached. The Code does not provide for closures, so the Code's
   * limits (`codeLimit`) are counted on this one while the landlord's own targets count on the full one.
   */
  withoutClosures(): WorkingCalendar {
    if (this.closures.size === 0) return this;
    this.closureFree ??= this.withClosures([]);
    return this.closureFree;
  }

  /** A new calendar with the same bank holidays and the given closures. */
  withClosures(closures: readonly ClosureDay[]): WorkingCalendar {
    const years = { first: yearOf(this.first), last: yearOf(this.first + this.length - 1) };
    return new WorkingCalendar({ bankHolidays: this.bankHolidays, closures, label: this.label, years });
  }

  isWorkingDay(day: DayNumber): boolean {
    this.cover(day);
    return this.kind[day - this.first] === WORKING;
  }

  nonWorkingReason(day: DayNumber): NonWorkingReason | null {
    this.cover(day);
    switch (this.kind[day - this.first]) {
      case WEEKEND:
        return { kind: "weekend" };
      case BANK_HOLIDAY:
        return { kind: "bank-holiday", name: this.holidayNames.get(day) ?? "bank holiday" };
      case CLOSURE:
        return { kind: "closure", name: this.closures.get(day) ?? "closure" };
      default:
        return null;
    }
  }

  /**
   * The Nth working day after `day` (N > 0), or the |N|th working day before it (N < 0). `day` itself
   * never counts, whether or not it is a working day. N = 0 returns `day`.
   */
  addWorkingDays(day: DayNumber, n: number): DayNumber {
    // `x | 0` is x only for whole numbers in the int32 range: refuses NaN, Infinity and fractions, which
    // would otherwise index the tables with a non-integer (answering undefined) or corrupt them in grow().
    if ((n | 0) !== n) throw new RangeError(`A number of working days must be a whole number, not ${n}.`);
    if ((day | 0) !== day) throw new RangeError(`A day number must be a whole number, not ${day}.`);
    if (n === 0) return day;
    let i = day - this.first;
    if (i < 0 || i >= this.length) {
      this.cover(day);
      i = day - this.first;
    }
    const rank = this.rank[i] as number;
    let k: number;
    if (n > 0) {
      k = rank + n - 1;
    } else {
      const before = this.kind[i] === WORKING ? rank - 1 : rank;
      k = before + n;
    }
    if (k < 0 || k >= this.working.length) {
      // Grow from the edge of the tables, not from `day`, so each retry covers more days even when
      // long closures leave too few working days (growing from `day` could retry forever).
      const edge = n > 0 ? Math.max(day, this.first + this.length - 1) : Math.min(day, this.first);
      this.grow(n > 0 ? edge + n * 2 + 30 : edge + n * 2 - 30);
      return this.addWorkingDays(day, n);
    }
    return this.working[k] as number;
  }

  addWorkingDaysToDate(date: LocalDate, n: number): LocalDate {
    return fromDayNumber(this.addWorkingDays(toDayNumber(date), n));
  }

  /** Working days in (from, to]: how many working days later `to` is than `from` (negative if earlier). */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    this.cover(from);
    this.cover(to);
    return (this.rank[to - this.first] as number) - (this.rank[from - this.first] as number);
  }

  private cover(day: DayNumber): void {
    if ((day | 0) !== day) throw new RangeError(`A day number must be a whole number, not ${day}.`);
    if (day >= this.first && day < this.first + this.length) return;
    this.grow(day);
  }

  private grow(day: DayNumber): void {
    const year = yearOf(day);
    if (year < MIN_YEAR || year > MAX_YEAR) throw new DateOutsideCalendarError(fromDayNumber(day));
    const first = Math.min(yearOf(this.first), year - 1);
    const last = Math.max(yearOf(this.first + this.length - 1), year + 1);
    this.build(Math.max(first, MIN_YEAR), Math.min(last, MAX_YEAR));
  }

  private build(firstYear: number, lastYear: number): void {
    const first = dayNumberFromCivil(firstYear, 1, 1);
    const length = dayNumberFromCivil(lastYear + 1, 1, 1) - first;
    const kind = new Uint8Array(length);
    const names = new Map<DayNumber, string>();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const h of this.bankHolidays(year)) {
        const d = toDayNumber(h.date);
        names.set(d, h.name);
        if (!isWeekend(d)) kind[d - first] = BANK_HOLIDAY;
      }
    }
    for (let i = 0; i < length; i++) {
      if (isWeekend(first + i)) kind[i] = WEEKEND;
      else if (kind[i] === WORKING && this.closures.has(first + i)) kind[i] = CLOSURE;
    }
    const rank = new Int32Array(length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      if (kind[i] === WORKING) count++;
      rank[i] = count;
    }
    const working = new Int32Array(count);
    for (let i = 0, k = 0; i < length; i++) if (kind[i] === WORKING) working[k++] = first + i;
    this.first = first;
    this.length = length;
    this.kind = kind;
    this.rank = rank;
    this.working = working;
    this.holidayNames = names;
  }
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
