import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import { within, type ReportingPeriod } from "../reporting/reporting-year.ts";
import { GovernanceRuleError } from "./governance-errors.ts";

/**
 * What the Housing Ombudsman decided about the landlord: determinations (a finding on each element of a
 * complaint it investigated, with orders and recommendations) and Complaint Handling Failure Orders. They
 * feed the annual report (Code 8.1 c) and the governing body's regular insight (9.7: outcomes of
 * investigations and progress on orders).
 */
export const OMBUDSMAN_FINDINGS = [
  "severe-maladministration",
  "maladministration",
  "service-failure",
  "no-maladministration",
  "reasonable-redress",
  "outside-jurisdiction",
] as const;
export type OmbudsmanFinding = (typeof OMBUDSMAN_FINDINGS)[number];

/** Findings that something went wrong. */
export const FAULT_FINDINGS: readonly OmbudsmanFinding[] = [
  "severe-maladministration",
  "maladministration",
  "service-failure",
];

export type OmbudsmanCaseKind = "determination" | "complaint-handling-failure-order";

export interface ElementFinding {
  /** The part of the complaint the finding is about, in the Ombudsman's words ("The landlord's handling of the leak"). */
  element: string;
  finding: OmbudsmanFinding;
  /** Whether the element is about how the complaint was handled, i.e. about the Code. */
  complaintHandling: boolean;
}

export interface OmbudsmanOrder {
  id: string;
  kind: "order" | "recommendation";
  description: string;
  dueOn: LocalDate | null;
  compliedOn: LocalDate | null;
}

export interface OmbudsmanCase {
  id: string;
  kind: OmbudsmanCaseKind;
  hosReference: string;
  complaintReference: string | null;
  decidedOn: LocalDate;
  summary: string | null;
  findings: ElementFinding[];
  orders: OmbudsmanOrder[];
}

export type OrderState = "complied" | "complied-late" | "outstanding" | "overdue" | "no-date";

const day = toDayNumber;

/** Where an order or recommendation stands on `today`: overdue once its date has passed uncomplied. */
export function orderState(order: OmbudsmanOrder, today: LocalDate): OrderState {
  if (order.compliedOn)
    return order.dueOn && day(order.compliedOn) > day(order.dueOn) ? "complied-late" : "complied";
  if (!order.dueOn) return "no-date";
  return day(order.dueOn) < day(today) ? "overdue" : "outstanding";
}

/** Checks a determination or order before it is recorded. */
export function checkOmbudsmanCase(
  input: { kind: OmbudsmanCaseKind; decidedOn: LocalDate; findings: readonly ElementFinding[] },
  today: LocalDate,
): void {
  if (day(input.decidedOn) > day(today)) throw new GovernanceRuleError("DATE_IN_FUTURE", "decidedOn");
  if (input.kind === "determination" && input.findings.length === 0)
    throw new GovernanceRuleError("FINDING_REQUIRED", "findings");
}

/** Checks an order or recommendation added to a case: an order always has a date to comply by. */
export function checkOrder(
  order: { kind: OmbudsmanOrder["kind"]; dueOn: LocalDate | null },
  decidedOn: LocalDate,
) {
  if (order.kind === "order" && !order.dueOn) throw new GovernanceRuleError("ORDER_DUE_REQUIRED", "dueOn");
  if (order.dueOn && day(order.dueOn) < day(decidedOn))
    throw new GovernanceRuleError("DATE_BEFORE_DECISION", "dueOn");
}

/** Checks a record that an order or recommendation was complied with. */
export function checkCompliance(
  order: OmbudsmanOrder,
  compliedOn: LocalDate,
  decidedOn: LocalDate,
  today: LocalDate,
): void {
  if (order.compliedOn) throw new GovernanceRuleError("ALREADY_COMPLIED");
  if (day(compliedOn) > day(today)) throw new GovernanceRuleError("DATE_IN_FUTURE", "compliedOn");
  if (day(compliedOn) < day(decidedOn)) throw new GovernanceRuleError("DATE_BEFORE_DECISION", "compliedOn");
}

/**
 * The Ombudsman's findings of non-compliance with the Code in a period (Code 8.1 c): every Complaint
 * Handling Failure Order, and every fault found on an element about complaint handling.
 */
export function codeNonCompliance(cases: readonly OmbudsmanCase[], period: ReportingPeriod): OmbudsmanCase[] {
  return cases
    .filter((c) => within(c.decidedOn, period))
    .filter(
      (c) =>
        c.kind === "complaint-handling-failure-order" ||
        c.findings.some((f) => f.complaintHandling && FAULT_FINDINGS.includes(f.finding)),
    );
}

/** Counts for the governing body (9.7): determinations, findings by kind, orders outstanding and overdue. */
export function ombudsmanSummary(cases: readonly OmbudsmanCase[], period: ReportingPeriod, today: LocalDate) {
  const inPeriod = cases.filter((c) => within(c.decidedOn, period));
  const findings = Object.fromEntries(OMBUDSMAN_FINDINGS.map((f) => [f, 0])) as Record<
    OmbudsmanFinding,
    number
  >;
  for (const c of inPeriod) for (const f of c.findings) findings[f.finding] += 1;
  // Orders are followed until complied with, whenever they were made.
  const orders = cases.flatMap((c) => c.orders.filter((o) => o.kind === "order"));
  return {
    determinations: inPeriod.filter((c) => c.kind === "determination").length,
    failureOrders: inPeriod.filter((c) => c.kind === "complaint-handling-failure-order").length,
    findings,
    ordersOutstanding: orders.filter((o) => !o.compliedOn).length,
    ordersOverdue: orders.filter((o) => orderState(o, today) === "overdue").length,
  };
}
