import { describe, expect, it } from "vitest";
import type { StageFacts } from "./complaint-facts.ts";
import { aComplaintFacts as complaint, aStageFacts as stage } from "./test-builders.ts";
import { reportingYear } from "./reporting-year.ts";
import { ch01, ch02, DEFAULT_TSM_SETTINGS } from "./tsm.ts";

const year = reportingYear(2026);

describe("the reporting year", () => {
  it("runs from 1 April to 31 March, and is named as landlords name it", () => {
    expect(reportingYear(2026)).toEqual({ from: "2026-04-01", to: "2027-03-31", label: "2026/27" });
    expect(reportingYear(2027, 1)).toEqual({ from: "2027-01-01", to: "2027-12-31", label: "2027" });
    // 2028 is a leap year: the year to 31 March 2028 still ends on the 31st.
    expect(reportingYear(2027).to).toBe("2028-03-31");
  });
});

describe("CH01: complaints received per 1,000 homes", () => {
  const complaints = [
    complaint("A", { receivedOn: "2026-04-01" }), // first day of the year
    complaint("B", { receivedOn: "2027-03-31", tenure: "lcho" }), // last day
    complaint("C", { receivedOn: "2026-03-31" }), // the year before
    complaint("D", { receivedOn: "2027-04-01" }), // the year after
    complaint("E", { refusal: { stage: 1, ground: "legal-proceedings", on: "2026-06-02" } }),
    complaint("F", { withdrawal: { stage: 1, on: "2026-06-03" } }),
    // Received in March, escalated in April: Stage 1 last year, Stage 2 this year.
    complaint("G", {
      receivedOn: "2026-03-02",
      stage2: stage({ stage: 2, startedOn: "2026-04-14" }),
    }),
    // Escalated, then refused at Stage 2: counted at Stage 1 only.
    complaint("H", {
      stage2: stage({ stage: 2, startedOn: "2026-07-01" }),
      refusal: { stage: 2, ground: "legal-proceedings", on: "2026-07-02" },
    }),
  ];
  const homes = { lcra: 2000, lcho: 250 };

  it("counts each stage on the day it began, by tenure, and refused matters at neither", () => {
    const result = ch01(complaints, homes, year);
    expect(result.stage1.lcra.numeratorReferences).toEqual(["A", "F", "H"]);
    expect(result.stage1.lcra.value).toBeCloseTo(1.5); // 3 per 2,000 homes
    expect(result.stage1.lcho).toMatchObject({ numerator: 1, denominator: 250, value: 4 });
    expect(result.stage2.lcra.numeratorReferences).toEqual(["G"]);
    expect(result.stage2.lcra.value).toBeCloseTo(0.5);
  });

  it("leaves out withdrawn complaints when the setting says so", () => {
    const result = ch01(complaints, homes, year, { ...DEFAULT_TSM_SETTINGS, countWithdrawn: false });
    expect(result.stage1.lcra.numeratorReferences).toEqual(["A", "H"]);
  });

  it("has no value, rather than a division by zero, for stock the landlord does not have", () => {
    expect(ch01(complaints, { lcra: 2000, lcho: 0 }, year).stage1.lcho).toMatchObject({
      value: null,
      numerator: 1,
      denominator: 0,
    });
  });
});

describe("CH02: responses within the Code's timescales", () => {
  const responded = (reference: string, respondedOn: string, over: Partial<StageFacts> = {}) =>
    complaint(reference, {
      stage1: stage({
        stage: 1,
        startedOn: "2026-05-01",
        acknowledgedOn: "2026-05-05",
        respondedOn,
        responseCodeLimit: "2026-05-19",
        responseCodeLimitBeforeExtensions: "2026-05-19",
        ...over,
      }),
    });
  const complaints = [
    responded("on-the-limit", "2026-05-19"),
    responded("a-day-late", "2026-05-20"),
    // Extended by 5 working days in time: within the extended limit, not the base one.
    responded("in-extension", "2026-05-22", {
      responseCodeLimit: "2026-05-27",
      responseCodeLimitBeforeExtensions: "2026-05-19",
    }),
    responded("last-year", "2026-03-31"),
    complaint("not-yet-responded"),
  ];

  it("divides the responses issued in the year by those issued within the limit", () => {
    const result = ch02(complaints, year);
    expect(result.stage1.denominatorReferences).toEqual(["on-the-limit", "a-day-late", "in-extension"]);
    expect(result.stage1.numeratorReferences).toEqual(["on-the-limit", "in-extension"]);
    expect(result.stage1.value).toBeCloseTo((2 / 3) * 100);
    expect(result.stage2).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it("can judge responses against the limit before any extension", () => {
    const result = ch02(complaints, year, { ...DEFAULT_TSM_SETTINGS, extensionsWithinCode: false });
    expect(result.stage1.numeratorReferences).toEqual(["on-the-limit"]);
  });
});
