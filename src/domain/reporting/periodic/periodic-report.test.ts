import { describe, expect, it } from "vitest";
import { measuresFromFacts } from "../measures.ts";
import type { Figure, FigureListBlock, ReportBlock, TableBlock } from "../report-document.ts";
import { aComplaintFacts, aStageFacts } from "../test-builders.ts";
import { periodOfKey, periodsEndingWith, type CadencePeriod } from "./cadence.ts";
import { movement, type PeriodicReportInput, type PeriodicReportLinks } from "./context.ts";
import { PERIODIC_REPORTS } from "./kinds.ts";
import { periodicReport } from "./periodic-report.ts";

const LINKS: PeriodicReportLinks = {
  drill: (period, measure, group) => `drill:${period.from}:${measure}${group ? `:${group}` : ""}`,
  complaint: (reference) => `case:${reference}`,
  learningTheme: (_period, theme) => `learning:${theme}`,
};

// Three complaints in June 2026 and one in May: answered within the Code's 10 working days or not.
const answered = (reference: string, receivedOn: string, respondedOn: string, codeLimit: string) =>
  aComplaintFacts(reference, {
    receivedOn,
    stage1: aStageFacts({
      stage: 1,
      startedOn: receivedOn,
      acknowledgedOn: receivedOn,
      respondedOn,
      responseDue: codeLimit,
      responseCodeLimit: codeLimit,
      responseCodeLimitBeforeExtensions: codeLimit,
      outcome: "upheld",
      workingDaysToRespond: 5,
    }),
  });
const FACTS = [
  answered("R-MAY", "2026-05-01", "2026-05-08", "2026-05-15"),
  answered("R-1", "2026-06-01", "2026-06-05", "2026-06-15"),
  answered("R-2", "2026-06-02", "2026-06-19", "2026-06-16"),
  aComplaintFacts("R-3", { receivedOn: "2026-06-03", category: "leaks" }),
];

function inputFor(period: CadencePeriod, count: number, producedOn = "2026-07-10"): PeriodicReportInput {
  return {
    organisation: { id: "org", name: "Test landlord" },
    producedOn,
    trend: periodsEndingWith(period, count).map((p) => ({
      period: p,
      measures: measuresFromFacts(FACTS, [], p, p.to),
    })),
    yearToDate: null,
    lessons: [
      {
        reference: "R-1",
        text: "Tell residents sooner",
        themes: ["communication"],
        status: "overdue",
        action: "New letter",
        owner: "Jo",
        dueOn: "2026-07-01",
      },
      {
        reference: "R-2",
        text: "None",
        themes: [],
        status: "nothing-to-learn",
        action: null,
        owner: null,
        dueOn: null,
      },
    ],
    ombudsmanCases: [],
    youSaidWeDid: [],
  };
}

const headings = (blocks: ReportBlock[]) =>
  blocks
    .filter((b) => b.kind === "heading" && b.level === 2)
    .map((b) => (b.kind === "heading" ? b.text : ""));
const figuresAfter = (blocks: ReportBlock[], heading: string): Figure[] => {
  const at = blocks.findIndex((b) => b.kind === "heading" && b.text === heading);
  return (blocks.slice(at).find((b) => b.kind === "figures") as FigureListBlock).figures;
};

describe("movement in words", () => {
  const may = (value: number | null) => ({ value, label: "May 2026" });
  it("says which way a figure moved, by how much, from what", () => {
    expect(movement(5, may(2), "count")).toBe("Up 3 from 2 in May 2026.");
    expect(movement(80, may(82.5), "percent")).toBe("Down 2.5 percentage points from 82.5% in May 2026.");
    expect(movement(10, may(25.5), "pounds")).toBe("Down £15.50 from £25.50 in May 2026.");
  });
  it("calls a change too small to show the same, and never compares with no figure", () => {
    expect(movement(80.01, may(80.04), "percent")).toBe("The same as in May 2026.");
    expect(movement(80, may(null), "percent")).toBe("No figure for May 2026 to compare with.");
    expect(movement(null, may(50), "percent")).toBe("No figure this period; 50.0% in May 2026.");
    expect(movement(null, may(null), "percent")).toBe("");
    expect(movement(3, null, "count")).toBe("");
  });
});

describe("periodic reports", () => {
  const june = periodOfKey("month", "2026-06") as CadencePeriod;

  it("put each report's sections in its order, under a title naming the period", () => {
    const executive = periodicReport("executive", inputFor(june, 6), LINKS);
    expect(executive.title).toBe("Monthly complaints report for the executive team: June 2026");
    expect(headings(executive.blocks)).toEqual([
      "Summary",
      "Trends",
      "Timeliness",
      "Themes",
      "Outcomes",
      "Remedies and compensation",
      "Health and safety hazards",
      "Systemic issues",
      "Learning",
    ]);
    const q1 = periodOfKey("quarter", "2026-q1") as CadencePeriod;
    expect(headings(periodicReport("board", inputFor(q1, 5), LINKS).blocks)).toContain("Customer voice");
    expect(headings(periodicReport("mrc", inputFor(q1, 5), LINKS).blocks)).toContain("The Housing Ombudsman");
    for (const kind of ["executive", "board", "mrc"] as const)
      expect(PERIODIC_REPORTS[kind].sections.length).toBe(new Set(PERIODIC_REPORTS[kind].sections).size);
  });

  it("shows the period's figures against the period before, each linked to its complaints", () => {
    const summary = figuresAfter(periodicReport("executive", inputFor(june, 6), LINKS).blocks, "Summary");
    expect(summary[0]).toEqual({
      label: "Stage 1 complaints received",
      value: 3,
      unit: "count",
      note: "Up 2 from 1 in May 2026.",
      href: "drill:2026-06-01:volumes.stage1Received",
    });
    // R-1 answered by its limit, R-2 after it; May's one answer was on time.
    expect(summary[3]).toMatchObject({
      label: "Stage 1 responses within the Code's timescale",
      value: 50,
      note: "1 of 2 responses. Down 50.0 percentage points from 100.0% in May 2026.",
    });
  });

  it("says when the period has not ended, and lists lessons needing action with their complaint", () => {
    const report = periodicReport("executive", inputFor(june, 2, "2026-06-20"), LINKS);
    expect(report.blocks[1]).toEqual({
      kind: "paragraph",
      text: "This month has not ended: the figures are to Saturday 20 June 2026 and will change.",
    });
    const lessons = report.blocks.find(
      (b) => b.kind === "table" && b.caption.startsWith("Lessons"),
    ) as TableBlock;
    expect(lessons.rows).toEqual([
      [
        { value: "R-1", href: "case:R-1" },
        "Tell residents sooner",
        "Communication",
        "New letter",
        "Jo",
        "2026-07-01",
        "Action overdue",
      ],
    ]);
    expect(figuresAfter(report.blocks, "Learning").map((f) => [f.label, f.value])).toEqual([
      ["Lessons recorded", 2],
      ["No action recorded yet", 0],
      ["Action planned", 0],
      ["Action overdue", 1],
      ["Done, or no action needed", 0],
    ]);
  });

  it("compares the themes with the period before, and leaves the trend out when there is none", () => {
    const report = periodicReport("executive", inputFor(june, 1), LINKS);
    expect(headings(report.blocks)).not.toContain("Trends");
    const withTrend = periodicReport("executive", inputFor(june, 6), LINKS);
    const themes = withTrend.blocks.find(
      (b) => b.kind === "table" && b.caption.startsWith("The 2 categories"),
    ) as TableBlock;
    expect(themes.rows).toEqual([
      [
        "Repairs",
        { value: 2, href: "drill:2026-06-01:volumes.byCategory:repairs" },
        { value: 1, href: "drill:2026-05-01:volumes.byCategory:repairs" },
        1,
      ],
      [
        "Leaks",
        { value: 1, href: "drill:2026-06-01:volumes.byCategory:leaks" },
        { value: 0, href: "drill:2026-05-01:volumes.byCategory:leaks" },
        1,
      ],
    ]);
  });

  it("refuses to build a report with no measures for its period", () => {
    expect(() => periodicReport("executive", { ...inputFor(june, 1), trend: [] }, LINKS)).toThrow(RangeError);
  });
});
