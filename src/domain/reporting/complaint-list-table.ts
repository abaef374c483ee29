import type { ComplaintFacts, StageFacts } from "./complaint-facts.ts";
import type { TableBlock, TableCell, TableColumn } from "./report-document.ts";

const TENURE = { lcra: "Low cost rental", lcho: "Low cost home ownership" } as const;

/** A stored label ("damp-and-mould") as words ("damp and mould"), as the staff pages show it. */
const words = (value: string | null) => (value === null ? null : value.replace(/-/g, " "));

function stageColumns(stage: 1 | 2): TableColumn[] {
  const at = `Stage ${stage}`;
  return [
    { header: `${at} started`, type: "date" },
    { header: `${at} acknowledged`, type: "date" },
    { header: `${at} Code response limit`, type: "date" },
    { header: `${at} responded`, type: "date" },
    { header: `${at} working days to respond`, type: "number", unit: "working-days" },
    { header: `${at} outcome`, type: "text" },
    { header: `${at} handler`, type: "text" },
  ];
}

function stageCells(stage: StageFacts | null): TableCell[] {
  if (!stage) return [null, null, null, null, null, null, null];
  return [
    stage.startedOn,
    stage.acknowledgedOn,
    stage.responseCodeLimit,
    stage.respondedOn,
    stage.workingDaysToRespond,
    words(stage.outcome),
    stage.handler,
  ];
}

/**
 * The complaints behind a figure as a table (for the list and its CSV): one row per complaint, named by
 * its reference (linked to the complaint), with what reports count about it at each stage. No resident's
 * name or contact details: a figure's complaints are listed to check the count, and the reference leads
 * to everything else for those allowed to see it.
 */
export function complaintListTable(
  complaints: readonly ComplaintFacts[],
  options: { caption: string; complaintHref: (reference: string) => string },
): TableBlock {
  return {
    kind: "table",
    caption: options.caption,
    columns: [
      { header: "Reference", type: "text" },
      { header: "Received", type: "date" },
      { header: "Category", type: "text" },
      { header: "Tenure", type: "text" },
      { header: "Status", type: "text" },
      ...stageColumns(1),
      ...stageColumns(2),
    ],
    rows: complaints.map((c) => [
      { value: c.reference, href: options.complaintHref(c.reference) },
      c.receivedOn,
      words(c.category),
      TENURE[c.tenure],
      words(c.status),
      ...stageCells(c.stage1),
      ...stageCells(c.stage2),
    ]),
    firstCellIsHeader: true,
  };
}
