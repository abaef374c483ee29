import type { LocalDate } from "../../calendar/day-number.ts";
import type { LessonStatus } from "../../governance/lessons.ts";
import type { OmbudsmanCase } from "../../governance/ombudsman.ts";
import type { YouSaidWeDidEntry } from "../../governance/you-said-we-did.ts";
import type { Measures } from "../measures.ts";
import type { ReportBlock, ValueUnit } from "../report-document.ts";
import { formatValue } from "../report-format.ts";
import type { ReportingPeriod } from "../reporting-year.ts";
import type { CadencePeriod } from "./cadence.ts";
import type { PeriodicReportSpec } from "./kinds.ts";

/** A lesson recorded at a response issued in the report's period, and where it stands. */
export interface PeriodicLesson {
  reference: string;
  text: string;
  themes: string[];
  status: LessonStatus;
  action: string | null;
  owner: string | null;
  dueOn: LocalDate | null;
}

/** Everything a periodic report is made from, gathered by the use case from the report facts and the governance records. */
export interface PeriodicReportInput {
  organisation: { id: string; name: string };
  producedOn: LocalDate;
  /** The measures of consecutive periods, oldest first; the last is the report's period. */
  trend: { period: CadencePeriod; measures: Measures }[];
  /** From the start of the reporting year to the end of the report's period (the MRC pack). */
  yearToDate: { period: ReportingPeriod; measures: Measures } | null;
  lessons: PeriodicLesson[];
  /** Every Ombudsman case recorded: those decided in the period are reported, orders are followed until complied with. */
  ombudsmanCases: OmbudsmanCase[];
  youSaidWeDid: YouSaidWeDidEntry[];
}

/** Where figures link to: the pages are the web's business, so the report is given them. */
export interface PeriodicReportLinks {
  /** The complaints behind a figure of the measures for a period (`/reports/drill`). */
  drill(period: ReportingPeriod, measure: string, group?: string): string;
  complaint(reference: string): string;
  /** The learning log for the reporting year a period falls in, showing one theme. */
  learningTheme(period: ReportingPeriod, theme: string): string;
}

/** What every section builder reads. */
export interface SectionContext {
  spec: PeriodicReportSpec;
  input: PeriodicReportInput;
  links: PeriodicReportLinks;
  current: { period: CadencePeriod; measures: Measures };
  previous: { period: CadencePeriod; measures: Measures } | null;
}

export type SectionBuilder = (ctx: SectionContext) => ReportBlock[];

export const heading = (text: string, level: 2 | 3 = 2): ReportBlock => ({ kind: "heading", level, text });
export const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });

/**
 * How a figure moved since the period before, in words: "Up 3 from 12 in October 2026", "Down 2.5
 * percentage points from 83.0% in October 2026", "The same as in October 2026". Figures are compared as they
 * are shown, so a change too small to show is "the same".
 */
export function movement(
  current: number | null,
  previous: { value: number | null; label: string } | null,
  unit: ValueUnit,
): string {
  if (!previous || (current === null && previous.value === null)) return "";
  if (current === null)
    return `No figure this period; ${formatValue(previous.value, unit)} in ${previous.label}.`;
  if (previous.value === null) return `No figure for ${previous.label} to compare with.`;
  const shownNow = formatValue(current, unit);
  const shownBefore = formatValue(previous.value, unit);
  if (shownNow === shownBefore) return `The same as in ${previous.label}.`;
  const change = Math.abs(current - previous.value);
  const amount =
    unit === "percent"
      ? `${formatValue(change, unit).replace("%", "")} percentage points`
      : formatValue(change, unit);
  return `${current > previous.value ? "Up" : "Down"} ${amount} from ${shownBefore} in ${previous.label}.`;
}

/** "1 payment", "3 payments". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Sentences joined, skipping the empty ones. */
export const sentences = (...parts: (string | undefined | null)[]): string =>
  parts.filter((p): p is string => Boolean(p && p.trim())).join(" ");
