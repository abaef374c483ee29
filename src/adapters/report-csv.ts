import { stringify } from "csv-stringify/sync";
import type { ReportTable } from "../domain/reporting/report-tables.ts";

export type CsvValue = string | number | null;

/**
 * CSV files of reports, through csv-stringify: fields with commas, quotes or line breaks are quoted, and a
 * field starting with = + - @ (or a tab or carriage return) is prefixed with ' so a spreadsheet shows it as text
 * instead of running it as a formula (CSV injection: a handler's name or a resident's words are typed by people).
 * CRLF line ends (RFC 4180) and a byte-order mark, so spreadsheets read the £ sign and names as UTF-8.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map((row) => row.map((v) => (v === null ? "" : v))),
    // A bare line feed is not the record delimiter here (CRLF), so csv-stringify would not quote it by itself.
    { escape_formulas: true, record_delimiter: "windows", bom: true, quoted_match: /[\r\n]/ },
  );
}

/** One table: its headings, then a row each, with numbers as rounded for people but without units. */
export function tableCsv(table: ReportTable): string {
  return toCsv([table.head, ...table.rows.map((row) => [row.header, ...row.cells.map((c) => c.value)])]);
}

/** Every table of a report in one file, a figure a line: table, row, column, value. */
export function tablesCsv(tables: readonly ReportTable[]): string {
  const lines: CsvValue[][] = [["Table", "Measure", "Column", "Value"]];
  for (const table of tables)
    for (const row of table.rows)
      row.cells.forEach((cell, i) => {
        if (cell.text !== "") lines.push([table.caption, row.header, table.head[i + 1] ?? "", cell.value]);
      });
  return toCsv(lines);
}
