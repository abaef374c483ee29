import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import { CODE_2024 } from "../policy/code-2024.ts";
import type { PolicyPack } from "../policy/schema.ts";
import type { ComplaintState, HazardRecord } from "./state.ts";

/**
 * A health-and-safety hazard found on a complaint runs its own clock in hours, in parallel with the
 * complaint's clocks (DESIGN: "Hazards run in parallel"). Hours are calendar hours: weekends count.
 */
export interface HazardClock {
  severity: HazardRecord["severity"];
  flaggedAt: string;
  /** The landlord's own target (a risk filter such as BCHG's 48 hours), as an instant. */
  due: string;
  /** The legal maximum: 24 hours for an emergency hazard, 10 working days to investigate a significant one. */
  codeLimit: string;
  metAt: string | null;
  state: "open" | "met" | "late" | "overdue";
  explanation: string;
}

const HOUR = 3_600_000;

export function hazardClocks(
  state: ComplaintState,
  ctx: { pack: PolicyPack; calendar: WorkingCalendar; now?: string },
): HazardClock[] {
  return state.hazards.map((hazard) => hazardClock(hazard, ctx));
}

function hazardClock(
  hazard: HazardRecord,
  ctx: { pack: PolicyPack; calendar: WorkingCalendar; now?: string },
): HazardClock {
  const flagged = Date.parse(hazard.flaggedAt);
  const filter = ctx.pack.riskFilter;
  let codeLimit: number;
  let law: string;
  if (hazard.severity === "emergency") {
    codeLimit = flagged + CODE_2024.emergencyHazardHours * HOUR;
    law = `Awaab's Law: an emergency hazard is investigated and made safe within ${CODE_2024.emergencyHazardHours} hours`;
  } else {
    const day = ctx.calendar
      .withoutClosures()
      .addWorkingDaysToDate(hazard.flaggedOn, CODE_2024.significantHazardInvestigationWorkingDays);
    codeLimit = endOfLondonDay(day);
    law = `Awaab's Law: a significant hazard is investigated within ${CODE_2024.significantHazardInvestigationWorkingDays} working days, by the end of ${day}`;
  }
  const packDue = filter ? flagged + filter.windowHours * HOUR : codeLimit;
  const due = Math.min(packDue, codeLimit);
  const metAt = hazard.madeSafeAt ?? null;
  const now = ctx.now ? Date.parse(ctx.now) : undefined;
  let state: HazardClock["state"];
  if (metAt) state = Date.parse(metAt) <= due ? "met" : "late";
  else state = now !== undefined && now > due ? "overdue" : "open";
  const target = filter
    ? `${ctx.pack.id}: risk filter within ${filter.windowHours} hours (${filter.cite.ref})`
    : `${ctx.pack.id} sets no risk filter, so the legal limit is the target`;
  return {
    severity: hazard.severity,
    flaggedAt: hazard.flaggedAt,
    due: new Date(due).toISOString(),
    codeLimit: new Date(codeLimit).toISOString(),
    metAt,
    state,
    explanation: `Flagged at ${hazard.flaggedAt}. ${target}. ${law}. The due time is the earlier of the two; the complaint's own clocks keep running.`,
  };
}

/** The last instant of a London calendar date, as milliseconds since the epoch. */
export function endOfLondonDay(date: LocalDate): number {
  const nextMidnightUtc = (toDayNumber(date) + 1) * 86_400_000;
  return nextMidnightUtc - londonOffsetMs(nextMidnightUtc) - 1;
}

/**
 * The instant a London wall-clock time ("14:30") happened on a London date, as an ISO string; null when the
 * time is not a real HH:MM. (In the hour the clocks go back, the first of the two 01:30s.)
 */
export function londonInstantAt(date: LocalDate, time: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  const wall = toDayNumber(date) * 86_400_000 + (hours * 60 + minutes) * 60_000;
  let instant = wall - londonOffsetMs(wall);
  instant = wall - londonOffsetMs(instant);
  return new Date(instant).toISOString();
}

/** London's offset from UTC at an instant (0 in winter, one hour in summer time). */
function londonOffsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}
