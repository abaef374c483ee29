import { describe, expect, it } from "vitest";
import type { ComplaintFacts } from "./complaint-facts.ts";
import { formatPercent, formatPounds, formatRate, NO_FIGURE } from "./format.ts";
import { measuresFromFacts } from "./measures.ts";
import { measuresTables } from "./measures-tables.ts";
import { findDrill } from "./report-tables.ts";
import { reportingYear } from "./reporting-year.ts";
import { ch01, ch02, DEFAULT_TSM_SETTINGS } from "./tsm.ts";
import { tsmTables } from "./tsm-tables.ts";

const period = reportingYear(2026);

function aComplaint(reference: string, over: Partial<ComplaintFacts> = {}): ComplaintFacts {
  const stage = {
    stage: 1 as const,
    startedOn: "2026-06-01",
    acknowledgedOn: "2026-06-02",
    acknowledgementDue: "2026-06-04",
    acknowledgementCodeLimit: "2026-06-08",
    respondedOn: "2026-06-10",
    responseDue: "2026-06-16",
    responseCodeLimit: "2026-06-16",
    responseCodeLimitBeforeExtensions: "2026-06-16",
    extendedWorkingDays: 0,
    outcome: "upheld" as const,
    handler: '=HYPERLINK("x")',
    workingDaysToAcknowledge: 1,
    workingDaysToRespond: 7,
  };
  return {
    reference,
    channel: "phone",
    category: "repairs",
    tenure: "lcra",
    receivedOn: "2026-06-01",
    status: "responded",
    stage1: stage,
    stage2: null,
    refusal: null,
    withdrawal: null,
    closedOn: null,
    remedies: 0,
    remediesOutstanding: 0,
    compensationPence: 0,
    earliestOutstandingActionDue: null,
    actionsOutstanding: 0,
    hazards: 0,
    satisfaction: 4,
    surveyAnsweredOn: "2026-07-01",
    ombudsmanReferredOn: null,
    learning: [],
    followUps: [
      {
        kind: "remedy",
        id: "pay",
        stage: 1,
        remedyType: "financial",
        amountPence: 12_345_67,
        offeredOn: "2026-06-10",
        dueOn: "2026-06-30",
        completedOn: "2026-06-20",
      },
    ],
    hazardCases: [],
    ...over,
  };
}

/** The figure at a drill name's path in a report object: what the name says it counts. */
function referencesAt(report: object, measure: string, group?: string): string[] {
  let at: unknown = report;
  const parts = measure.split(".");
  for (const part of parts)
    at = (at as Record<string, unknown>)[
      part === "numerator" ? "numeratorReferences" : part === "denominator" ? "denominatorReferences" : part
    ];
  if (Array.isArray(at) && group !== undefined)
    at = (at as { key: string }[]).find((row) => row.key === group);
  if (Array.isArray(at)) return at as string[];
  return (at as { references: string[] }).references;
}

describe("reports as tables", () => {
  const measures = measuresFromFacts(
    [aComplaint("A"), aComplaint("B", { channel: "email" })],
    [],
    period,
    period.to,
  );
  const tables = measuresTables(measures);

  it("names every linked figure by its path in the report, so a drill-down lists exactly what it counts", () => {
    let links = 0;
    for (const table of tables)
      for (const row of table.rows)
        for (const cell of row.cells)
          if (cell.drill) {
            links++;
            expect(cell.drill.references, `${cell.drill.measure} ${cell.drill.group ?? ""}`).toEqual(
              referencesAt(measures, cell.drill.measure, cell.drill.group),
            );
          }
    expect(links).toBeGreaterThan(60);
    expect(findDrill(tables, "volumes.byChannel", "email")?.drill.references).toEqual(["B"]);
    expect(findDrill(tables, "volumes.byChannel", "fax")).toBeNull();
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
  });

  it("does the same for both readings of the TSMs", () => {
    const homes = { lcra: 1000, lcho: 0 };
    const other = { countWithdrawn: false, extensionsWithinCode: false };
    const report = {
      homes,
      settings: DEFAULT_TSM_SETTINGS,
      ch01: ch01([aComplaint("A")], homes, period),
      ch02: ch02([aComplaint("A")], period),
      alternatives: {
        settings: other,
        ch01: ch01([aComplaint("A")], homes, period, other),
        ch02: ch02([], period, other),
      },
    };
    for (const table of tsmTables(report))
      for (const row of table.rows)
        for (const cell of row.cells)
          if (cell.drill) expect(cell.drill.references).toEqual(referencesAt(report, cell.drill.measure));
    const ch01Table = tsmTables(report)[0]!;
    // No home ownership stock: no figure, under either reading.
    expect(ch01Table.rows[1]!.cells[0]).toMatchObject({ text: NO_FIGURE, value: null });
  });

  it("formats figures for people: percentages to one place, money in pounds, and no figure where nothing divides", () => {
    expect(formatPercent((2 / 3) * 100)).toBe("66.7%");
    expect(formatPercent(null)).toBe("no figure");
    expect(formatRate(8)).toBe("8.00");
    expect(formatPounds(1_234_567)).toBe("£12,345.67");
    const remedies = tables.find((t) => t.id === "remedies")!;
    expect(remedies.rows[1]!.cells[0]).toMatchObject({ text: "£24,691.34", value: 24691.34 });
    const timeliness = tables.find((t) => t.id === "timeliness-stage2")!;
    expect(timeliness.rows[1]!.cells[0]).toMatchObject({ text: "no figure", value: null });
    expect(timeliness.rows[3]!.cells[0]).toMatchObject({ text: "no figure" });
  });
});
