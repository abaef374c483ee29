import { isLocalDate } from "../domain/calendar/day-number.ts";
import type { ClosureDay } from "../domain/calendar/working-calendar.ts";
import { insertCalendarChange, lockClosures } from "../store/calendar-changes.ts";
import { listComplaintIdentities } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { updateClosures } from "../store/organisations.ts";
import { calendarFor, UnknownOrganisationError } from "./complaint-context.ts";
import { reprojectComplaint } from "./rebuild-projections.ts";
import type { Actor, Services } from "./services.ts";

export interface ChangeCalendarInput {
  organisationId: string;
  /** Closure days to declare (a date already declared takes the new reason). */
  declare?: ClosureDay[];
  /** Dates of declared closure days to remove. */
  remove?: string[];
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
    super(`A closure day needs a real date (YYYY-MM-DD) and a reason. ${detail}`);
    this.name = "InvalidClosureError";
  }
}

/**
 * Declares or removes closure days for an organisation, then recomputes every running complaint's clocks
 * under the new calendar and records the change, all in one transaction. Landlord targets move with
 * closures; the Code's limits do not (the Code does not provide for closures), so no change of calendar
 * can alter a Code timeliness figure. Every complaint is recomputed, finished ones too, so the projection
 * always equals a rebuild from the events (a closure declared for past dates moves past targets, openly).
 */
export async function changeCalendar(
  services: Services,
  input: ChangeCalendarInput,
  actor: Actor,
): Promise<CalendarChangeResult> {
  const declare = input.declare ?? [];
  const remove = input.remove ?? [];
  const bad = [...declare.map((c) => c.date), ...remove].find((d) => !isLocalDate(d));
  if (bad !== undefined) throw new InvalidClosureError(`"${bad}" is not a date.`);
  if (declare.some((c) => !c.reason.trim()))
    throw new InvalidClosureError("Give the reason for each closure.");
  return services.db.transaction(async (tx) => {
    const before = await lockClosures(tx, input.organisationId);
    if (!before) throw new UnknownOrganisationError(input.organisationId);
    const closures = applyChange(before, declare, remove);
    await updateClosures(tx, input.organisationId, closures);
    const oldCalendarId = calendarFor({ closures: before }).id;
    const newCalendarId = calendarFor({ closures }).id;
    const complaintsRecomputed =
      oldCalendarId === newCalendarId ? 0 : await recomputeComplaints(tx, input.organisationId, closures);
    const changeId = await insertCalendarChange(tx, {
      organisationId: input.organisationId,
      description: describeChange(declare, remove),
      oldCalendarId,
      newCalendarId,
      complaintsRecomputed,
      changedAt: services.clock(),
      changedBy: actor,
    });
    return { changeId, oldCalendarId, newCalendarId, closures, complaintsRecomputed };
  });
}

function applyChange(before: ClosureDay[], declare: ClosureDay[], remove: string[]): ClosureDay[] {
  const byDate = new Map(before.map((c) => [c.date, c]));
  for (const date of remove) byDate.delete(date);
  for (const c of declare) byDate.set(c.date, { date: c.date, reason: c.reason.trim() });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Rewrites every complaint's projection with the new calendar: the events do not change. */
async function recomputeComplaints(
  tx: Queryable,
  organisationId: string,
  closures: ClosureDay[],
): Promise<number> {
  const calendar = calendarFor({ closures });
  const running = await listComplaintIdentities(tx, organisationId);
  for (const identity of running) await reprojectComplaint(tx, identity, calendar);
  return running.length;
}

function describeChange(declare: ClosureDay[], remove: string[]): string {
  const parts = [
    ...declare.map((c) => `Closure declared on ${c.date} (${c.reason.trim()}).`),
    ...remove.map((d) => `Closure on ${d} removed.`),
  ];
  return parts.join(" ") || "No change to closure days.";
}
