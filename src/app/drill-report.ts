import { measuresTables } from "../domain/reporting/measures-tables.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import { findDrill, type DrillLink, type ReportTable } from "../domain/reporting/report-tables.ts";
import { tsmTables } from "../domain/reporting/tsm-tables.ts";
import {
  complaintsByReferences,
  contactsByIds,
  type DrillComplaintRow,
  type DrillContactRow,
} from "../store/report-drill.ts";
import { reportMeasures } from "./report-measures.ts";
import { reportTsm, type TsmReport } from "./report-tsm.ts";
import type { Services } from "./services.ts";

/** Which report a figure belongs to: the TSMs of a reporting year, or the measures of a period. */
export type ReportSource = { kind: "tsm"; year: number } | { kind: "measures"; from: string; to: string };

export const DRILL_ROWS_PER_PAGE = 100;

export class UnknownFigureError extends Error {
  readonly code = "UNKNOWN_FIGURE";
  constructor(measure: string) {
    super(`There is no figure "${measure}" in this report.`);
    this.name = "UnknownFigureError";
  }
}

export interface DrillDown {
  period: ReportingPeriod;
  /** Where the figure is shown: its table's caption, its row and its column. */
  caption: string;
  row: string;
  column: string;
  drill: DrillLink;
  /** How many things the figure counts, and on how many different complaints (or contacts). */
  counted: number;
  distinct: number;
  page: number;
  pages: number;
  /** Whether any complaint is counted more than once (two remedies on one complaint). */
  repeats: boolean;
  /** The page's complaints (or contacts), each with how many times the figure counts it. */
  complaints: (DrillComplaintRow & { times: number })[];
  contacts: (DrillContactRow & { times: number })[];
}

/** How a figure table's columns read as a drill-down's subtitle. */
const COLUMN_WORDS: Record<string, string> = {
  Counted: "Those counted in the figure",
  "Out of": "All those the figure is out of",
};

export const tsmFigures = (report: TsmReport) => ({ ...report, homes: report.organisation.homes });

/** A report's tables, from the SQL over the facts, for the user's own organisation. */
export async function reportTables(
  services: Services,
  organisationId: string,
  source: ReportSource,
): Promise<{ organisation: { id: string; name: string }; period: ReportingPeriod; tables: ReportTable[] }> {
  if (source.kind === "tsm") {
    const report = await reportTsm(services, { organisationId, year: source.year });
    const { id, name } = report.organisation;
    return { organisation: { id, name }, period: report.period, tables: tsmTables(tsmFigures(report)) };
  }
  const { organisation, measures } = await reportMeasures(services, {
    organisationId,
    from: source.from,
    to: source.to,
  });
  return { organisation, period: measures.period, tables: measuresTables(measures) };
}

/**
 * The complaints (or contacts) behind one figure of a report: the figure is found in the report's tables by its
 * drill name, so the list is exactly what the figure counted; a page at a time, or every one (`page: "all"`).
 */
export async function drillReport(
  services: Services,
  input: {
    organisationId: string;
    source: ReportSource;
    measure: string;
    group?: string;
    page: number | "all";
  },
): Promise<DrillDown> {
  const { period, tables } = await reportTables(services, input.organisationId, input.source);
  const found = findDrill(tables, input.measure, input.group);
  if (!found) throw new UnknownFigureError(input.measure);
  const times = new Map<string, number>();
  for (const ref of found.drill.references) times.set(ref, (times.get(ref) ?? 0) + 1);
  const distinct = [...times.keys()];
  const pages = Math.max(1, Math.ceil(distinct.length / DRILL_ROWS_PER_PAGE));
  const page = input.page === "all" ? 1 : Math.min(Math.max(1, input.page), pages);
  const shown =
    input.page === "all"
      ? distinct
      : distinct.slice((page - 1) * DRILL_ROWS_PER_PAGE, page * DRILL_ROWS_PER_PAGE);
  const position = new Map(distinct.map((key, i) => [key, i]));
  const order = (key: string) => position.get(key) ?? 0;
  const withTimes = <T>(rows: T[], key: (row: T) => string) =>
    rows
      .map((row) => ({ ...row, times: times.get(key(row)) ?? 0 }))
      .sort((a, b) => order(key(a)) - order(key(b)));
  const isContacts = found.drill.of === "contacts";
  return services.db.transaction(async (tx) => ({
    period,
    caption: found.table.caption,
    row: found.row.header,
    column: COLUMN_WORDS[found.column] ?? found.column,
    drill: found.drill,
    counted: found.drill.references.length,
    distinct: distinct.length,
    page,
    pages: input.page === "all" ? 1 : pages,
    repeats: distinct.length < found.drill.references.length,
    complaints: isContacts
      ? []
      : withTimes(await complaintsByReferences(tx, input.organisationId, shown), (r) => r.reference),
    contacts: isContacts ? withTimes(await contactsByIds(tx, input.organisationId, shown), (r) => r.id) : [],
  }));
}
