import { formatLongDate, fromDayNumber, toDayNumber, type LocalDate } from "./day-number.ts";
import type { NonWorkingReason, WorkingCalendar } from "./working-calendar.ts";

export interface SkippedDay {
  date: LocalDate;
  reason: NonWorkingReason["kind"];
  /** The holiday's or closure's name; absent for weekends. */
  name?: string;
}

/** Why a date that is N working days after another falls where it does. */
export interface WorkingDayExplanation {
  start: LocalDate;
  workingDays: number;
  result: LocalDate;
  /** The counting rule, in words. */
  rule: string;
  /** Weekends, bank holidays and closure days passed over between the start and the result. */
  skipped: SkippedDay[];
  calendar: string;
}

/** Explains `calendar.addWorkingDays(start, n)` for n >= 0; the arithmetic is the calendar's own. */
export function explainAddWorkingDays(
  calendar: WorkingCalendar,
  start: LocalDate,
  workingDays: number,
): WorkingDayExplanation {
  const from = toDayNumber(start);
  const to = calendar.addWorkingDays(from, workingDays);
  const skipped: SkippedDay[] = [];
  for (let d = from + 1; d < to; d++) {
    const reason = calendar.nonWorkingReason(d);
    if (!reason) continue;
    skipped.push(
      reason.kind === "weekend"
        ? { date: fromDayNumber(d), reason: "weekend" }
        : { date: fromDayNumber(d), reason: reason.kind, name: reason.name },
    );
  }
  return {
    start,
    workingDays,
    result: fromDayNumber(to),
    rule: `the ${ordinal(workingDays)} working day after ${formatLongDate(start)}; that day itself never counts`,
    skipped,
    calendar: calendar.id,
  };
}

/** The explanation as sentences an officer or resident can read. */
export function describeExplanation(e: WorkingDayExplanation): string {
  const lines = [`${formatLongDate(e.result)} is ${e.rule}.`];
  const holidays = e.skipped.filter((s) => s.reason === "bank-holiday");
  const closures = e.skipped.filter((s) => s.reason === "closure");
  const weekends = e.skipped.filter((s) => s.reason === "weekend").length;
  if (weekends > 0) lines.push(`Weekend days skipped: ${weekends}.`);
  if (holidays.length > 0) {
    lines.push(
      `Bank holidays skipped: ${holidays.map((h) => `${formatLongDate(h.date)} (${h.name})`).join("; ")}.`,
    );
  }
  if (closures.length > 0) {
    lines.push(
      `Closure days skipped: ${closures.map((h) => `${formatLongDate(h.date)} (${h.name})`).join("; ")}. ` +
        "The Complaint Handling Code does not provide for closure days.",
    );
  }
  return lines.join(" ");
}

function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
