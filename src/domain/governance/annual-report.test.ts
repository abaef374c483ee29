import { describe, expect, it } from "vitest";
import type { ComplaintFacts } from "../reporting/complaint-facts.ts";
import { reportingYear } from "../reporting/reporting-year.ts";
import { measure } from "../reporting/tsm.ts";
import { assembleAnnualReport, checkGoverningBodyResponse } from "./annual-report.ts";
import { GovernanceRuleError } from "./governance-errors.ts";
import type { OmbudsmanCase } from "./ombudsman.ts";
import { refusalsByGround } from "./refusals-by-ground.ts";
import type { YouSaidWeDidEntry } from "./you-said-we-did.ts";

const year = reportingYear(2026);

describe("refusals by ground", () => {
  it("counts matters refused in the year by stage and ground, Stage 1 first and the commonest ground first", () => {
    const refused = (ref: string, stage: 1 | 2, ground: string, on: string) =>
      ({ reference: ref, refusal: { stage, ground, on } }) as ComplaintFacts;
    const facts = [
      refused("a", 1, "legal-proceedings", "2026-04-01"),
      refused("b", 1, "over-12-months", "2026-06-01"),
      refused("c", 1, "over-12-months", "2027-03-31"),
      refused("d", 2, "already-considered", "2026-09-01"),
      refused("e", 1, "legal-proceedings", "2026-03-31"),
      { reference: "f", refusal: null } as ComplaintFacts,
    ];
    expect(refusalsByGround(facts, year)).toEqual([
      { stage: 1, ground: "over-12-months", count: 2 },
      { stage: 1, ground: "legal-proceedings", count: 1 },
      { stage: 2, ground: "already-considered", count: 1 },
    ]);
  });
});

describe("the annual report", () => {
  const none = measure([], [], 100);
  const entry = (
    id: string,
    status: YouSaidWeDidEntry["status"],
    changedOn: string | null,
  ): YouSaidWeDidEntry => ({
    id,
    youSaid: `said ${id}`,
    weDid: `did ${id}`,
    themes: ["repairs"],
    changedOn,
    status,
  });
  const chfo: OmbudsmanCase = {
    id: "x",
    kind: "complaint-handling-failure-order",
    hosReference: "CHFO-1",
    complaintReference: "BCHG-2026-000001",
    decidedOn: "2026-10-01",
    summary: null,
    findings: [],
    orders: [
      { id: "o", kind: "order", description: "Respond at Stage 2", dueOn: "2026-10-15", compliedOn: null },
    ],
  };
  const report = assembleAnnualReport({
    organisation: { id: "bchg", name: "BCHG" },
    year: 2026,
    period: year,
    today: "2027-05-03",
    selfAssessment: null,
    tsm: {
      ch01: {
        stage1: { lcra: measure(["BCHG-2026-000001"], 1000, 1000), lcho: none },
        stage2: { lcra: none, lcho: none },
      },
      ch02: { stage1: measure(["BCHG-2026-000001"], ["BCHG-2026-000001"], 100), stage2: none },
    },
    refusals: [{ stage: 1, ground: "legal-proceedings", count: 1 }],
    groundText: (g) => (g === "legal-proceedings" ? "Legal proceedings have started" : g),
    ombudsmanCases: [chfo, { ...chfo, id: "old", hosReference: "CHFO-0", decidedOn: "2026-03-01" }],
    youSaidWeDid: [
      entry("in", "approved", "2026-11-30"),
      entry("draft", "draft", "2026-11-30"),
      entry("next-year", "approved", "2027-04-01"),
    ],
    publications: [
      {
        kind: "annual-letter",
        title: "Annual landlord performance letter 2025-26",
        publishedOn: "2026-10-20",
        summary: null,
        link: null,
      },
      { kind: "report", title: "Spotlight on damp", publishedOn: "2027-01-10", summary: null, link: null },
      { kind: "report", title: "Old report", publishedOn: "2025-12-01", summary: null, link: null },
    ],
  });

  it("keeps what falls in the year: approved improvements, the year's cases, letters and reports", () => {
    expect(report.improvements).toEqual([
      { youSaid: "said in", weDid: "did in", themes: ["repairs"], changedIn: "2026-11" },
    ]);
    expect(report.ombudsman.cases.map((c) => c.hosReference)).toEqual(["CHFO-1"]);
    expect(report.ombudsman.nonCompliance.map((c) => c.hosReference)).toEqual(["CHFO-1"]);
    expect(report.ombudsman.summary.ordersOverdue).toBe(2);
    expect(report.annualLetters.map((p) => p.title)).toEqual(["Annual landlord performance letter 2025-26"]);
    expect(report.otherReports.map((p) => p.title)).toEqual(["Spotlight on damp"]);
    expect(report.performance.refusals).toEqual([
      { stage: 1, ground: "legal-proceedings", count: 1, groundText: "Legal proceedings have started" },
    ]);
  });

  it("carries no complaint reference anywhere: it is published", () => {
    expect(JSON.stringify(report)).not.toContain("BCHG-2026");
    expect(report.performance.ch01.stage1).toEqual({ value: 1, numerator: 1, denominator: 1000 });
  });

  it("records the governing body's response once, given between the issue and today", () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e instanceof GovernanceRuleError ? e.code : String(e);
      }
    };
    const v = { issuedOn: "2027-05-03", responseGivenOn: null };
    expect(code(() => checkGoverningBodyResponse(v, "2027-05-10", "2027-05-10"))).toBeNull();
    expect(code(() => checkGoverningBodyResponse(v, "2027-05-02", "2027-05-10"))).toBe(
      "RESPONSE_BEFORE_ISSUE",
    );
    expect(code(() => checkGoverningBodyResponse(v, "2027-05-11", "2027-05-10"))).toBe("DATE_IN_FUTURE");
    expect(
      code(() =>
        checkGoverningBodyResponse({ ...v, responseGivenOn: "2027-05-04" }, "2027-05-10", "2027-05-10"),
      ),
    ).toBe("RESPONSE_ALREADY_RECORDED");
  });
});
