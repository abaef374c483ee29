import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { ComplaintFacts, FollowUpFacts } from "./complaint-facts.ts";
import {
  amount,
  breakdown,
  count,
  groupReferences,
  type Amount,
  type Breakdown,
  type Count,
} from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";

/**
 * Putting things right (Code 7), over a period, one reference per remedy or action:
 *
 * - Offered: remedies offered in the period (by the day of the response that offered them), and by type.
 * - Compensation offered: the amounts of the remedies offered in the period that carry one (financial remedies).
 * - Completed: remedies recorded as done in the period (by the day done); compensation paid is the amounts of
 *   those (a financial remedy is paid when it is recorded as done).
 * - Overdue at a date: remedies (and, apart, follow-up actions) that had been offered by that date, were due
 *   before it, and were not done by it (done later, or not yet). A remedy with no due date is never overdue.
 */
export interface Remedies {
  asAt: LocalDate;
  offered: Count;
  offeredByType: Breakdown;
  compensationOffered: Amount;
  completed: Count;
  compensationPaid: Amount;
  overdueRemedies: Count;
  overdueActions: Count;
}

export interface RemediesSelection {
  offeredByType: Map<string, string[]>;
  compensationOffered: { references: string[]; pence: number };
  completed: string[];
  compensationPaid: { references: string[]; pence: number };
  overdueRemedies: string[];
  overdueActions: string[];
}

export function remedies(s: RemediesSelection, asAt: LocalDate): Remedies {
  return {
    asAt,
    offered: count([...s.offeredByType.values()].flat()),
    offeredByType: breakdown(s.offeredByType),
    compensationOffered: amount(s.compensationOffered.references, s.compensationOffered.pence),
    completed: count(s.completed),
    compensationPaid: amount(s.compensationPaid.references, s.compensationPaid.pence),
    overdueRemedies: count(s.overdueRemedies),
    overdueActions: count(s.overdueActions),
  };
}

/** Whether a remedy or action was overdue at the end of `asAt`. */
export function overdueAt(item: FollowUpFacts, asAt: LocalDate): boolean {
  const day = toDayNumber(asAt);
  if (item.dueOn === null || toDayNumber(item.dueOn) >= day) return false;
  if (toDayNumber(item.offeredOn) > day) return false;
  return item.completedOn === null || toDayNumber(item.completedOn) > day;
}

export function selectRemedies(
  complaints: readonly ComplaintFacts[],
  period: ReportingPeriod,
  asAt: LocalDate,
): RemediesSelection {
  const items = complaints.flatMap((c) => c.followUps.map((item) => ({ ref: c.reference, item })));
  const remedyItems = items.filter((x) => x.item.kind === "remedy");
  const offered = remedyItems.filter((x) => within(x.item.offeredOn, period));
  const completed = remedyItems.filter((x) => within(x.item.completedOn, period));
  const withAmount = (list: typeof items) => {
    const paid = list.filter((x) => x.item.amountPence > 0);
    return {
      references: paid.map((x) => x.ref),
      pence: paid.reduce((sum, x) => sum + x.item.amountPence, 0),
    };
  };
  const overdue = (kind: FollowUpFacts["kind"]) =>
    items.filter((x) => x.item.kind === kind && overdueAt(x.item, asAt)).map((x) => x.ref);
  return {
    offeredByType: groupReferences(
      offered,
      (x) => x.item.remedyType ?? "other",
      (x) => x.ref,
    ),
    compensationOffered: withAmount(offered),
    completed: completed.map((x) => x.ref),
    compensationPaid: withAmount(completed),
    overdueRemedies: overdue("remedy"),
    overdueActions: overdue("action"),
  };
}
