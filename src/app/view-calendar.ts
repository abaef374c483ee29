import { fromDayNumber, londonDateOf, toDayNumber, type LocalDate } from "../domain/calendar/day-number.ts";
import type { ClosureDay } from "../domain/calendar/working-calendar.ts";
import { listCalendarChanges, type CalendarChange } from "../store/calendar-changes.ts";
import { calendarFor, requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface CalendarPage {
  organisation: { id: string; name: string };
  today: LocalDate;
  closures: ClosureDay[];
  bankHolidaysAdded: { date: string; name: string }[];
  bankHolidaysRemoved: string[];
  /** The bank holidays the calendar counts over the next year, corrections included. */
  upcomingBankHolidays: { date: LocalDate; name: string }[];
  /** Every change, newest first, with how many complaints' dates it recomputed. */
  changes: (CalendarChange & { id: number })[];
}

/** An organisation's working calendar: closures, bank-holiday corrections, and the record of changes. */
export async function viewCalendar(services: Services, organisationId: string): Promise<CalendarPage> {
  const org = await requireOrganisation(services.db, organisationId);
  const today = londonDateOf(services.clock());
  return {
    organisation: { id: org.id, name: org.name },
    today,
    closures: org.closures,
    bankHolidaysAdded: org.bankHolidaysAdded,
    bankHolidaysRemoved: org.bankHolidaysRemoved,
    upcomingBankHolidays: upcomingBankHolidays(org, today),
    changes: await listCalendarChanges(services.db, organisationId),
  };
}

function upcomingBankHolidays(org: Parameters<typeof calendarFor>[0], today: LocalDate) {
  const calendar = calendarFor(org).withoutClosures();
  const first = toDayNumber(today);
  const found: { date: LocalDate; name: string }[] = [];
  for (let day = first; day <= first + 366; day++) {
    const reason = calendar.nonWorkingReason(day);
    if (reason?.kind === "bank-holiday") found.push({ date: fromDayNumber(day), name: reason.name });
  }
  return found;
}
