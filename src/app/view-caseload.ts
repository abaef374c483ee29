import { londonDateOf } from "../domain/calendar/day-number.ts";
import {
  countCaseload,
  listCaseload,
  type CaseloadCounts,
  type CaseloadFilter,
  type CaseloadRow,
} from "../store/caseload.ts";
import { calendarFor, requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** "Due soon" means within this many working days (staff workspace issue). */
export const DUE_SOON_WORKING_DAYS = 3;

export interface Caseload {
  today: string;
  dueSoonBy: string;
  rows: CaseloadRow[];
  counts: CaseloadCounts;
}

/** Running complaints for an organisation (or one handler), soonest deadline first, with counts per filter. */
export async function viewCaseload(
  services: Services,
  input: { organisationId: string; filter: CaseloadFilter; handler?: { name: string; email: string } },
): Promise<Caseload> {
  const org = await requireOrganisation(services.db, input.organisationId);
  const today = londonDateOf(services.clock());
  const dueSoonBy = calendarFor(org).addWorkingDaysToDate(today, DUE_SOON_WORKING_DAYS);
  const query = {
    organisationId: org.id,
    today,
    dueSoonBy,
    ...(input.handler ? { handler: input.handler } : {}),
  };
  const [rows, counts] = [
    await listCaseload(services.db, { ...query, filter: input.filter }),
    await countCaseload(services.db, query),
  ];
  return { today, dueSoonBy, rows, counts };
}
