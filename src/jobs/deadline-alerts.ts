import { calendarFor } from "../app/complaint-context.ts";
import type { Services } from "../app/services.ts";
import { londonDateOf, toDayNumber } from "../domain/calendar/day-number.ts";
import { findDeadlinesToAlert, type DeadlineToAlert } from "../store/deadline-queries.ts";
import { enqueueOutbox, type OutboxMessage } from "../store/outbox.ts";
import { listOrganisations } from "../store/organisations.ts";

export interface DeadlineScanOptions {
  /** Warn this many working days (on the organisation's calendar) before a clock is due. */
  warnWorkingDays: number;
}

export interface DeadlineScanCounts {
  warnings: number;
  breaches: number;
}

/** Who is told: the handler of the clock's stage (when assigned) and the complaints team, always. */
export const DEADLINE_ALERT_RECIPIENTS = ["handler", "complaints-team"] as const;

/**
 * Writes a `deadline-warning` outbox message for every open clock due within `warnWorkingDays` working
 * days (today, the London date, included), and a `breach-alert` for every open clock whose due date has
 * passed. Each is keyed by complaint, clock and due date, so a re-run writes nothing twice, while an
 * extension (a new due date) is warned about afresh.
 */
export async function scanDeadlines(
  services: Services,
  options: DeadlineScanOptions,
): Promise<DeadlineScanCounts> {
  if (!Number.isInteger(options.warnWorkingDays) || options.warnWorkingDays < 0) {
    throw new RangeError(
      `warnWorkingDays must be a whole number of 0 or more, not ${options.warnWorkingDays}.`,
    );
  }
  const today = londonDateOf(services.clock());
  const counts: DeadlineScanCounts = { warnings: 0, breaches: 0 };
  for (const org of await listOrganisations(services.db)) {
    const calendar = calendarFor(org);
    const warnUntil = calendar.addWorkingDaysToDate(today, options.warnWorkingDays);
    const due = await findDeadlinesToAlert(services.db, org.id, { today, warnUntil });
    if (due.length === 0) continue;
    const daysLeft = (d: DeadlineToAlert) =>
      calendar.workingDaysBetween(toDayNumber(today), toDayNumber(d.due));
    const warnings = due
      .filter((d) => d.kind === "deadline-warning")
      .map((d) => alertMessage(d, daysLeft(d)));
    const breaches = due.filter((d) => d.kind === "breach-alert").map((d) => alertMessage(d, null));
    // Written apart so each count is exact even if another worker wrote some of them in between.
    await services.db.transaction(async (tx) => {
      counts.warnings += await enqueueOutbox(tx, org.id, warnings);
      counts.breaches += await enqueueOutbox(tx, org.id, breaches);
    });
  }
  return counts;
}

function alertMessage(d: DeadlineToAlert, workingDaysLeft: number | null): OutboxMessage {
  return {
    idempotencyKey: d.idempotencyKey,
    kind: d.kind,
    payload: {
      complaintId: d.complaintId,
      reference: d.reference,
      clock: d.clock,
      due: d.due,
      codeLimit: d.codeLimit,
      handler: d.handler,
      recipients: DEADLINE_ALERT_RECIPIENTS,
      // For a warning: 0 when due today. Left out of a breach alert, whose due date says enough.
      ...(workingDaysLeft === null ? {} : { workingDaysLeft }),
    },
  };
}
