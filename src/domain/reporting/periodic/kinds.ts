import type { Cadence } from "./cadence.ts";

/**
 * The periodic reports the landlords' policies promise (../shared/seeds): a monthly analysis for the executive
 * team, a quarterly Customer Voice report to the board, and a quarterly pack for the Member Responsible for
 * Complaints (Code 9.7-9.8: regular information on complaint handling, themes, learning and the Ombudsman).
 * Each is the same measures for a different reader, so each picks its sections.
 */
export type PeriodicReportKind = "executive" | "board" | "mrc";
export const PERIODIC_REPORT_KINDS: readonly PeriodicReportKind[] = ["executive", "board", "mrc"];

export type PeriodicSection =
  | "summary"
  | "year-to-date"
  | "trends"
  | "timeliness"
  | "themes"
  | "outcomes"
  | "customer-voice"
  | "refusals"
  | "remedies"
  | "hazards"
  | "ombudsman"
  | "systemic-issues"
  | "learning"
  | "you-said-we-did";

export interface PeriodicReportSpec {
  kind: PeriodicReportKind;
  /** "Monthly complaints report for the executive team". */
  title: string;
  /** What the list of reports says about it. */
  purpose: string;
  cadence: Cadence;
  /** How many periods the trends show, the report's own included (the same quarter last year for quarters). */
  trendPeriods: number;
  sections: readonly PeriodicSection[];
  /** Whether each lesson is listed (with its complaint), or only counted. */
  listLessons: boolean;
}

export const PERIODIC_REPORTS: Record<PeriodicReportKind, PeriodicReportSpec> = {
  executive: {
    kind: "executive",
    title: "Monthly complaints report for the executive team",
    purpose:
      "A month's complaints against the month before and the last six months: volumes, timeliness against the Code and your own targets, themes, outcomes, remedies, hazards, systemic issues and learning.",
    cadence: "month",
    trendPeriods: 6,
    sections: [
      "summary",
      "trends",
      "timeliness",
      "themes",
      "outcomes",
      "remedies",
      "hazards",
      "systemic-issues",
      "learning",
    ],
    listLessons: true,
  },
  board: {
    kind: "board",
    title: "Quarterly Customer Voice report for the board",
    purpose:
      "A quarter against the quarter before and the same quarter last year: what residents complained about and how it ended, satisfaction, compliments and service requests, refusals, remedies, the Ombudsman, systemic issues, learning and “you said, we did”.",
    cadence: "quarter",
    trendPeriods: 5,
    sections: [
      "summary",
      "trends",
      "themes",
      "outcomes",
      "customer-voice",
      "refusals",
      "remedies",
      "ombudsman",
      "systemic-issues",
      "learning",
      "you-said-we-did",
    ],
    listLessons: false,
  },
  mrc: {
    kind: "mrc",
    title: "Quarterly pack for the Member Responsible for Complaints",
    purpose:
      "What the Member Responsible for Complaints needs to assure the board that complaints are handled under the Code: the quarter and the year to date, timeliness, hazards, overdue remedies, refusals, the Ombudsman's findings and orders, systemic issues and every lesson with what is being done about it.",
    cadence: "quarter",
    trendPeriods: 5,
    sections: [
      "summary",
      "year-to-date",
      "trends",
      "timeliness",
      "hazards",
      "remedies",
      "refusals",
      "ombudsman",
      "systemic-issues",
      "learning",
      "you-said-we-did",
    ],
    listLessons: true,
  },
};

export function isPeriodicReportKind(value: unknown): value is PeriodicReportKind {
  return typeof value === "string" && (PERIODIC_REPORT_KINDS as readonly string[]).includes(value);
}
