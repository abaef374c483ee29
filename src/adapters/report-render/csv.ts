import { stringify } from "csv-stringify/sync";
import type { CellValue, TableBlock, TableColumn } from "../../domain/reporting/report-document.ts";
import { cellValue } from "../../domain/reporting/table-cells.ts";

/** The column header, with the unit a bare number in the column is in where the header cannot say it. */
function headerOf(column: TableColumn): string {
  if (column.type !== "number") return column.header;
  if (column.unit === "percent") return `${column.header} (%)`;
  if (column.unit === "pounds") return `${column.header} (£)`;
  return column.header;
}

function fieldOf(value: CellValue): string | number {
  return value ?? "";
}

/**
 * A table as CSV for a spreadsheet: RFC 4180 (comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, quote or line break, quotes doubled; by csv-stringify), UTF-8 with a byte-order mark so
 * Excel reads "é", "£" and "Ŵ" correctly (other programs skip it), one header row. Values are raw, as in the
 * report document: numbers unformatted (85.5 for 85.5%, with "(%)" in its header), dates as YYYY-MM-DD, no
 * figure as an empty field. Drill-down links are left out. No text field can start a formula.
 */
export function tableCsv(table: TableBlock): string {
  const records = [
    table.columns.map(headerOf),
    ...table.rows.map((row) => table.columns.map((_, c) => fieldOf(cellValue(row[c] ?? null)))),
  ];
  return stringify(records, {
    bom: true,
    record_delimiter: "windows",
    // Given a record delimiter, csv-stringify would quote only CRLF; a lone line break must be quoted too,
    // or a spreadsheet starts a new row there.
    quote_record_delimiter: true,
    // A text field starting =, +, -, @, tab or carriage return (or their full-width forms) gets a leading
    // apostrophe, so a name such as "=HYPERLINK(…)" typed into Redress cannot run as a formula when the
    // file is opened in Excel or LibreOffice (CSV injection, OWASP). Numbers, negative ones too, are values.
    escape_formulas: true,
    cast: { number: (value) => String(value) },
  });
}
