import { describe, expect, it } from "vitest";
import type { ComplaintFacts } from "./complaint-facts.ts";
import { aComplaintFacts, aStageFacts } from "./test-builders.ts";
import { complaintListTable } from "./complaint-list-table.ts";
import { cellHref, cellValue } from "./table-cells.ts";

const facts: ComplaintFacts = aComplaintFacts("BCHG-2026-000012", {
  category: "damp-and-mould",
  tenure: "lcho",
  status: "responded",
  stage1: aStageFacts({
    stage: 1,
    startedOn: "2026-06-01",
    acknowledgedOn: "2026-06-03",
    acknowledgementDue: "2026-06-08",
    acknowledgementCodeLimit: "2026-06-08",
    respondedOn: "2026-06-12",
    responseDue: "2026-06-17",
    responseCodeLimit: "2026-06-17",
    responseCodeLimitBeforeExtensions: "2026-06-17",
    outcome: "partially-upheld",
    handler: "Asha Patel",
    workingDaysToRespond: 9,
  }),
});

describe("complaintListTable", () => {
  it("lists each complaint by its linked reference with its dates at each stage, and no personal details", () => {
    const table = complaintListTable([facts], {
      caption: "Stage 1 responses within the Code",
      complaintHref: (reference) => `/complaints/${reference}`,
    });
    expect(table.firstCellIsHeader).toBe(true);
    expect(table.columns.map((column) => column.header).slice(0, 12)).toEqual([
      "Reference",
      "Received",
      "Category",
      "Tenure",
      "Status",
      "Stage 1 started",
      "Stage 1 acknowledged",
      "Stage 1 Code response limit",
      "Stage 1 responded",
      "Stage 1 working days to respond",
      "Stage 1 outcome",
      "Stage 1 handler",
    ]);
    const [row] = table.rows;
    expect(row).toHaveLength(table.columns.length);
    expect(cellHref(row![0]!)).toBe("/complaints/BCHG-2026-000012");
    expect(row!.map(cellValue)).toEqual([
      "BCHG-2026-000012",
      "2026-06-01",
      "damp and mould",
      "Low cost home ownership",
      "responded",
      "2026-06-01",
      "2026-06-03",
      "2026-06-17",
      "2026-06-12",
      9,
      "partially upheld",
      "Asha Patel",
      // No Stage 2.
      ...Array(7).fill(null),
    ]);
  });
});
