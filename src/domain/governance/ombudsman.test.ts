import { describe, expect, it } from "vitest";
import { reportingYear } from "../reporting/reporting-year.ts";
import { GovernanceRuleError } from "./governance-errors.ts";
import {
  checkCompliance,
  checkOmbudsmanCase,
  checkOrder,
  codeNonCompliance,
  ombudsmanSummary,
  orderState,
  type OmbudsmanCase,
  type OmbudsmanOrder,
} from "./ombudsman.ts";

const TODAY = "2027-02-01";
const order = (over: Partial<OmbudsmanOrder> = {}): OmbudsmanOrder => ({
  id: "o1",
  kind: "order",
  description: "Pay £300 compensation",
  dueOn: "2027-01-29",
  compliedOn: null,
  ...over,
});
const aCase = (over: Partial<OmbudsmanCase> = {}): OmbudsmanCase => ({
  id: "c1",
  kind: "determination",
  hosReference: "202412345",
  complaintReference: null,
  decidedOn: "2026-12-18",
  summary: null,
  findings: [{ element: "Repairs to the leak", finding: "maladministration", complaintHandling: false }],
  orders: [],
  ...over,
});
const code = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return `${error.code}@${error.field ?? ""}`;
    throw error;
  }
};

describe("an Ombudsman order", () => {
  it("is overdue the day after its date until complied with, and complied late if after it", () => {
    expect(orderState(order(), "2027-01-29")).toBe("outstanding");
    expect(orderState(order(), "2027-01-30")).toBe("overdue");
    expect(orderState(order({ compliedOn: "2027-01-29" }), TODAY)).toBe("complied");
    expect(orderState(order({ compliedOn: "2027-01-30" }), TODAY)).toBe("complied-late");
    expect(orderState(order({ kind: "recommendation", dueOn: null }), TODAY)).toBe("no-date");
  });

  it("always has a date to comply by (a recommendation may not), on or after the decision", () => {
    expect(code(() => checkOrder({ kind: "order", dueOn: null }, "2026-12-18"))).toBe(
      "ORDER_DUE_REQUIRED@dueOn",
    );
    expect(code(() => checkOrder({ kind: "recommendation", dueOn: null }, "2026-12-18"))).toBeNull();
    expect(code(() => checkOrder({ kind: "order", dueOn: "2026-12-17" }, "2026-12-18"))).toBe(
      "DATE_BEFORE_DECISION@dueOn",
    );
  });

  it("is complied with once, on a day between the decision and today", () => {
    expect(code(() => checkCompliance(order(), "2027-01-20", "2026-12-18", TODAY))).toBeNull();
    expect(code(() => checkCompliance(order(), "2027-02-02", "2026-12-18", TODAY))).toBe(
      "DATE_IN_FUTURE@compliedOn",
    );
    expect(code(() => checkCompliance(order(), "2026-12-17", "2026-12-18", TODAY))).toBe(
      "DATE_BEFORE_DECISION@compliedOn",
    );
    expect(
      code(() => checkCompliance(order({ compliedOn: "2027-01-02" }), "2027-01-20", "2026-12-18", TODAY)),
    ).toBe("ALREADY_COMPLIED@");
  });
});

describe("a determination", () => {
  it("needs a finding on at least one element and a decision date that has happened; an order needs none", () => {
    const findings = aCase().findings;
    expect(
      code(() => checkOmbudsmanCase({ kind: "determination", decidedOn: "2026-12-18", findings: [] }, TODAY)),
    ).toBe("FINDING_REQUIRED@findings");
    expect(
      code(() => checkOmbudsmanCase({ kind: "determination", decidedOn: "2027-02-02", findings }, TODAY)),
    ).toBe("DATE_IN_FUTURE@decidedOn");
    expect(
      code(() =>
        checkOmbudsmanCase(
          { kind: "complaint-handling-failure-order", decidedOn: "2026-12-18", findings: [] },
          TODAY,
        ),
      ),
    ).toBeNull();
  });
});

describe("for the annual report and the governing body", () => {
  const year = reportingYear(2026);
  const cases = [
    aCase({ id: "repairs-only" }),
    aCase({
      id: "handling",
      findings: [{ element: "Complaint handling", finding: "service-failure", complaintHandling: true }],
      orders: [
        order(),
        order({ id: "o2", compliedOn: "2027-01-10" }),
        order({ id: "r1", kind: "recommendation", dueOn: null }),
      ],
    }),
    aCase({
      id: "handling-fine",
      findings: [{ element: "Complaint handling", finding: "no-maladministration", complaintHandling: true }],
    }),
    aCase({ id: "chfo", kind: "complaint-handling-failure-order", findings: [] }),
    aCase({
      id: "last-year-chfo",
      kind: "complaint-handling-failure-order",
      findings: [],
      decidedOn: "2026-03-31",
      orders: [order({ id: "o3", dueOn: "2026-04-30" })],
    }),
  ];

  it("counts as non-compliance with the Code every failure order and every fault found in complaint handling, in the year", () => {
    expect(codeNonCompliance(cases, year).map((c) => c.id)).toEqual(["handling", "chfo"]);
  });

  it("summarises the year's findings, and follows every order until complied with, whatever year it was made", () => {
    expect(ombudsmanSummary(cases, year, TODAY)).toEqual({
      determinations: 3,
      failureOrders: 1,
      findings: {
        "severe-maladministration": 0,
        maladministration: 1,
        "service-failure": 1,
        "no-maladministration": 1,
        "reasonable-redress": 0,
        "outside-jurisdiction": 0,
      },
      ordersOutstanding: 2,
      ordersOverdue: 2,
    });
  });
});
