import { formatLongDate, isLocalDate } from "../calendar/day-number.ts";
import type { CellValue, TableCell, TableColumn } from "./report-document.ts";
import { formatValue, NO_FIGURE } from "./report-format.ts";

export function cellValue(cell: TableCell): CellValue {
  return cell !== null && typeof cell === "object" ? cell.value : cell;
}

export function cellHref(cell: TableCell): string | undefined {
  return cell !== null && typeof cell === "object" ? cell.href : undefined;
}

/**
 * A cell as a reader sees it in HTML and PDF: numbers formatted by the column's unit, dates long
 * without the weekday ("6 November 2026", as GOV.UK tables write them), nothing as "No figure" in a number column and as "" elsewhere.
 */
export function formatCell(cell: TableCell, column: TableColumn): string {
  const value = cellValue(cell);
  if (column.type === "number")
    return typeof value === "number" ? formatValue(value, column.unit) : NO_FIGURE;
  if (value === null) return "";
  if (column.type === "date" && typeof value === "string" && isLocalDate(value))
    return formatLongDate(value).replace(/^\S+ /, "");
  return String(value);
}
