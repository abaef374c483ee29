import { londonDateOf } from "../domain/calendar/day-number.ts";
import { listComplaints, type ComplaintListQuery, type ComplaintListRow } from "../store/complaint-list.ts";
import { calendarFor, requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";
import { DUE_SOON_WORKING_DAYS } from "./view-caseload.ts";

/** A page of an organisation's complaints with filters (the API's list), judged against today. */
export async function listComplaintsOf(
  services: Services,
  query: Omit<ComplaintListQuery, "today" | "dueSoonBy">,
): Promise<{ rows: ComplaintListRow[]; total: number; today: string }> {
  const org = await requireOrganisation(services.db, query.organisationId);
  const today = londonDateOf(services.clock());
  const dueSoonBy = calendarFor(org).addWorkingDaysToDate(today, DUE_SOON_WORKING_DAYS);
  return { ...(await listComplaints(services.db, { ...query, today, dueSoonBy })), today };
}
