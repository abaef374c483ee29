import { toDayNumber, fromDayNumber } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { PolicyPack } from "../policy/schema.ts";
import type { ComplaintState } from "./state.ts";

/**
 * Whether a request to escalate came after the landlord's window, counted from the Stage 1 response.
 * A late request is never refused automatically (Code 6.12, DESIGN): it needs a recorded decision.
 */
export function escalationWindowClosedOn(
  state: ComplaintState,
  pack: PolicyPack,
  calendar: WorkingCalendar,
): string | null {
  const window = pack.escalation.window;
  const respondedOn = state.stages[1].respondedOn;
  if (!window || !respondedOn) return null;
  const from = toDayNumber(respondedOn);
  const last =
    window.unit === "working-days" ? calendar.addWorkingDays(from, window.days) : from + window.days;
  return fromDayNumber(last);
}

export function isEscalationLate(
  state: ComplaintState,
  pack: PolicyPack,
  calendar: WorkingCalendar,
): boolean {
  const requestedOn = state.stages[2]?.startedOn;
  const closedOn = escalationWindowClosedOn(state, pack, calendar);
  return Boolean(requestedOn && closedOn && toDayNumber(requestedOn) > toDayNumber(closedOn));
}
