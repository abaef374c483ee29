import { formatLongDate, isLocalDate, toDayNumber } from "../domain/calendar/day-number.ts";
import type { ClosureDay } from "../domain/calendar/working-calendar.ts";
import { insertCalendarChange, lockCalendarSettings } from "../store/calendar-changes.ts";
import { listComplaintIdentities } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { updateCalendarSettings, type CalendarSettings } from "../store/organisations.ts";
import { calendarFor, UnknownOrganisationError } from "./complaint-context.ts";
import { reprojectComplaint } from "./rebuild-projections.ts";
import type { Actor, Services } from "./services.ts";

export interface ChangeCalendarInput {
  organisationId: string;
  /** Closure days to declare (a date already declared takes the new reason). */
  declare?: ClosureDay[];
  /** Dates of declared closure days to remove. */
  remove?: string[];
  /** Bank holidays the bundled snapshot does not have yet, e.g. a one-off holiday announced since. */
  addBankHolidays?: { date: string; name: string }[];
  /** Dates the snapshot lists as bank holidays that are not (a holiday moved by proclamation). */
  removeBankHolidays?: string[];
}

export interface CalendarChangeResult {
  changeId: number;
  oldCalendarId: string;
  newCalendarId: string;
  closures: ClosureDay[];
  complaintsRecomputed: number;
}

export class InvalidClosureError extends Error {
  readonly code = "INVALID_CLOSURE";
  constructor(detail: string) {
    super(`A closure day or bank holiday needs a real date (YYYY-MM-DD) and a reason or name. ${detail}`);
    this.name = "InvalidClosureError";
  }
}

/** A day to reopen or a bank holiday to remove that is not one: nothing would change, so say so. */
export class NotInCalendarError extends Error {
  readonly code = "NOT_IN_CALENDAR";
  readonly field = "date";
  constructor(message: string) {
    super(message);
    this.name = "NotInCalendarError";
  }
}

/**
 * Changes an organisation's calendar — closure days declared or removed, bank holidays added or removed —
 * then recomputes every complaint's clocks under the new calendar and records the change, all in one
 * transaction. Closures move the landlord's own targets only: the Code does not provide for them, so its
 * limits (and every Code timeliness figure) stay put. A bank-holiday correction moves both. Every complaint
 * is recomputed, finished ones too, so the projection always equals a rebuild from the events.
 */
export async function changeCalendar(
  services: Services,
  input: ChangeCalendarInput,
  actor: Actor,
): Promise<CalendarChangeResult> {
  validate(input);
  return services.db.transaction(async (tx) => {
    const before = await lockCalendarSettings(tx, input.organisationId);
    if (!before) throw new UnknownOrganisationError(input.organisationId);
    checkRemovals(before, input);
    const after = applyChange(before, input);
    await updateCalendarSettings(tx, input.organisationId, after);
    const oldCalendarId = calendarFor(before).id;
    const newCalendarId = calendarFor(after).id;
    const complaintsRecomputed =
      oldCalendarId === newCalendarId ? 0 : await recomputeComplaints(tx, input.organisationId, after);
    const changeId = await insertCalendarChange(tx, {
      organisationId: input.organisationId,
      description: describeChange(input),
      oldCalendarId,
      newCalendarId,
      complaintsRecomputed,
      changedAt: services.clock(),
      changedBy: actor,
    });
    return { changeId, oldCalendarId, newCalendarId, closures: after.closures, complaintsRecomputed };
  });
}

function validate(input: ChangeCalendarInput): void {
  const dates = [
    ...(input.declare ?? []).map((c) => c.date),
    ...(input.remove ?? []),
    ...(input.addBankHolidays ?? []).map((h) => h.date),
    ...(input.removeBankHolidays ?? []),
  ];
  const bad = dates.find((d) => !isLocalDate(d));
  if (bad !== undefined) throw new InvalidClosureError(`"${bad}" is not a date.`);
  if ((input.declare ?? []).some((c) => !c.reason.trim()))
    throw new InvalidClosureError("Give the reason for each closure.");
  if ((input.addBankHolidays ?? []).some((h) => !h.name.trim()))
    throw new InvalidClosureError("Give each bank holiday its name.");
}

/** Reopening a day that is not closed, or removing a bank holiday that is not one, is a mistake to show. */
function checkRemovals(before: CalendarSettings, input: ChangeCalendarInput): void {
  const closed = new Set(before.closures.map((c) => c.date));
  const notClosed = (input.remove ?? []).find((d) => !closed.has(d));
  if (notClosed !== undefined)
    throw new NotInCalendarError(`There is no closure declared on ${formatLongDate(notClosed)}.`);
  const bankHolidays = calendarFor(before).withoutClosures();
  const notHoliday = (input.removeBankHolidays ?? []).find(
    (d) => bankHolidays.nonWorkingReason(toDayNumber(d))?.kind !== "bank-holiday",
  );
  if (notHoliday !== undefined)
    throw new NotInCalendarError(`${formatLongDate(notHoliday)} is not a bank holiday in this calendar.`);
}

function applyChange(before: CalendarSettings, input: ChangeCalendarInput): CalendarSettings {
  const closures = new Map(before.closures.map((c) => [c.date, c]));
  for (const date of input.remove ?? []) closures.delete(date);
  for (const c of input.declare ?? []) closures.set(c.date, { date: c.date, reason: c.reason.trim() });
  const added = new Map(before.bankHolidaysAdded.map((h) => [h.date, h]));
  const removed = new Set(before.bankHolidaysRemoved);
  for (const h of input.addBankHolidays ?? []) {
    added.set(h.date, { date: h.date, name: h.name.trim() });
    removed.delete(h.date);
  }
  for (const date of input.removeBankHolidays ?? []) {
    added.delete(date);
    removed.add(date);
  }
  const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);
  return {
    closures: [...closures.values()].sort(byDate),
    bankHolidaysAdded: [...added.values()].sort(byDate),
    bankHolidaysRemoved: [...removed].sort(),
  };
}

/** Rewrites every complaint's projection with the new calendar: the events do not change. */
async function recomputeComplaints(
  tx: Queryable,
  organisationId: string,
  settings: CalendarSettings,
): Promise<number> {
  const calendar = calendarFor(settings);
  const complaints = await listComplaintIdentities(tx, organisationId);
  for (const identity of complaints) await reprojectComplaint(tx, identity, calendar);
  return complaints.length;
}

function describeChange(input: ChangeCalendarInput): string {
  const parts = [
    ...(input.declare ?? []).map((c) => `Closure declared on ${c.date} (${c.reason.trim()}).`),
    ...(input.remove ?? []).map((d) => `Closure on ${d} removed.`),
    ...(input.addBankHolidays ?? []).map((h) => `Bank holiday added on ${h.date} (${h.name.trim()}).`),
    ...(input.removeBankHolidays ?? []).map((d) => `Bank holiday on ${d} removed.`),
  ];
  return parts.join(" ") || "No change to the calendar.";
}
