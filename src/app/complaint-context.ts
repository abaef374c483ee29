import { englandAndWalesCalendar } from "../domain/calendar/england-and-wales.ts";
import type { WorkingCalendar } from "../domain/calendar/working-calendar.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import type { Queryable } from "../store/database.ts";
import {
  findOrganisation,
  loadPackVersion,
  type CalendarSettings,
  type OrganisationRow,
} from "../store/organisations.ts";

export class UnknownOrganisationError extends Error {
  readonly code = "UNKNOWN_ORGANISATION";
  constructor(readonly organisationId: string) {
    super(`There is no organisation "${organisationId}".`);
    this.name = "UnknownOrganisationError";
  }
}

export class UnknownComplaintError extends Error {
  readonly code = "UNKNOWN_COMPLAINT";
  constructor(readonly reference: string) {
    super(`There is no complaint ${reference} in this organisation.`);
    this.name = "UnknownComplaintError";
  }
}

export async function requireOrganisation(tx: Queryable, organisationId: string): Promise<OrganisationRow> {
  const org = await findOrganisation(tx, organisationId);
  if (!org) throw new UnknownOrganisationError(organisationId);
  return org;
}

/**
 * The organisation's working calendar: England and Wales bank holidays (with its corrections) and its
 * declared closures.
 */
const calendars = new Map<string, WorkingCalendar>();
export function calendarFor(
  org: Partial<CalendarSettings> & Pick<CalendarSettings, "closures">,
): WorkingCalendar {
  const added = org.bankHolidaysAdded ?? [];
  const removed = org.bankHolidaysRemoved ?? [];
  const key = JSON.stringify([org.closures, added, removed]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = englandAndWalesCalendar({ closures: org.closures, added, removed });
    calendars.set(key, calendar);
  }
  return calendar;
}

/** A pack version by id, cached: stored versions never change. */
const packCache = new Map<string, PolicyPack>();
export async function packVersion(tx: Queryable, packId: string, version: string): Promise<PolicyPack> {
  const key = `${packId}@${version}`;
  const cached = packCache.get(key);
  if (cached) return cached;
  const pack = await loadPackVersion(tx, packId, version);
  packCache.set(key, pack);
  return pack;
}
