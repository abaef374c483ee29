import type { Queryable } from "./database.ts";
import type { CalendarSettings } from "./organisations.ts";

export interface CalendarChange {
  organisationId: string;
  description: string;
  oldCalendarId: string;
  newCalendarId: string;
  complaintsRecomputed: number;
  changedAt: Date;
  changedBy: string | null;
}

/**
 * An organisation's calendar settings, locked until the transaction ends, so two administrators changing
 * the calendar at once cannot each overwrite the other's change.
 */
export async function lockCalendarSettings(
  tx: Queryable,
  organisationId: string,
): Promise<CalendarSettings | null> {
  const result = await tx.query<CalendarSettings>(
    `SELECT closures, bank_holidays_added AS "bankHolidaysAdded", bank_holidays_removed AS "bankHolidaysRemoved"
     FROM organisations WHERE id = $1 FOR UPDATE`,
    [organisationId],
  );
  return result.rows[0] ?? null;
}

export async function insertCalendarChange(tx: Queryable, change: CalendarChange): Promise<number> {
  const result = await tx.query<{ id: number }>(
    `INSERT INTO calendar_changes (organisation_id, description, old_calendar_id, new_calendar_id,
       complaints_recomputed, changed_at, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      change.organisationId,
      change.description,
      change.oldCalendarId,
      change.newCalendarId,
      change.complaintsRecomputed,
      change.changedAt,
      change.changedBy,
    ],
  );
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error("The calendar change was not recorded.");
  return id;
}

/** Every calendar change of an organisation, newest first. */
export async function listCalendarChanges(
  tx: Queryable,
  organisationId: string,
): Promise<(CalendarChange & { id: number })[]> {
  const result = await tx.query<CalendarChange & { id: number }>(
    `SELECT organisation_id AS "organisationId", id, description, old_calendar_id AS "oldCalendarId",
       new_calendar_id AS "newCalendarId", complaints_recomputed AS "complaintsRecomputed",
       changed_at AS "changedAt", changed_by AS "changedBy"
     FROM calendar_changes WHERE organisation_id = $1 ORDER BY id DESC`,
    [organisationId],
  );
  return result.rows;
}
