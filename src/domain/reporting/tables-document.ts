import type { ReportBlock, ReportDocument, TableBlock } from "./report-document.ts";
import type { ReportingPeriod } from "./reporting-year.ts";
import type { ReportTable } from "./report-tables.ts";

/**
 * A report made of report tables (the TSMs, the measures) as a report document, for its PDF: each section's
 * heading, then each table's description and the table. Cells keep the words the page shows ("85.7%",
 * "£1,250.00", "no figure"), since a table's rows mix units; drill-down links are left out with the web app.
 */
export function tablesDocument(input: {
  title: string;
  organisation: { id: string; name: string };
  period: ReportingPeriod;
  producedOn: string;
  intro: string;
  sections: { heading: string; tables: ReportTable[] }[];
}): ReportDocument {
  const blocks: ReportBlock[] = [{ kind: "paragraph", text: input.intro }];
  for (const section of input.sections) {
    blocks.push({ kind: "heading", level: 2, text: section.heading });
    for (const table of section.tables) {
      if (table.description) blocks.push({ kind: "paragraph", text: table.description });
      blocks.push(tableBlock(table));
    }
  }
  return {
    language: "en-GB",
    title: input.title,
    organisation: input.organisation,
    period: input.period,
    producedOn: input.producedOn,
    blocks,
  };
}

function tableBlock(table: ReportTable): TableBlock {
  return {
    kind: "table",
    caption: table.caption,
    columns: table.head.map((header) => ({ header, type: "text" as const })),
    rows: table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.text)]),
    firstCellIsHeader: true,
  };
}
