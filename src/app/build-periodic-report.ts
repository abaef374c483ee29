import { londonDateOf, toDayNumber, type LocalDate } from "../domain/calendar/day-number.ts";
import {
  lastWholePeriod,
  periodOfKey,
  periodsEndingWith,
  recentPeriods,
  type CadencePeriod,
} from "../domain/reporting/periodic/cadence.ts";
import type { PeriodicReportLinks } from "../domain/reporting/periodic/context.ts";
import { PERIODIC_REPORTS, type PeriodicReportKind } from "../domain/reporting/periodic/kinds.ts";
import { periodicReport } from "../domain/reporting/periodic/periodic-report.ts";
import type { ReportDocument } from "../domain/reporting/report-document.ts";
import { periodBetween, reportingYear, reportingYearOf } from "../domain/reporting/reporting-year.ts";
import { listOmbudsmanCases } from "../store/ombudsman.ts";
import { listYouSaidWeDid } from "../store/you-said-we-did.ts";
import { reportMeasures } from "./report-measures.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";
import { lessonViews } from "./view-learning-log.ts";

/** How many periods the report page offers to choose from. */
const CHOICES = { month: 13, quarter: 9 } as const;

export class UnknownReportPeriodError extends Error {
  readonly code = "UNKNOWN_REPORT_PERIOD";
  constructor(readonly reason: "not-a-period" | "not-started") {
    super(
      reason === "not-started"
        ? "That period has not started yet: choose one that has."
        : "That is not a period this report covers: choose one from the list.",
    );
    this.name = "UnknownReportPeriodError";
  }
}

export interface PeriodicReportView {
  document: ReportDocument;
  period: CadencePeriod;
  /** Periods to choose from, newest first, the current one (so far) included. */
  choices: CadencePeriod[];
}

/**
 * A periodic report for the user's organisation: the measures of the report's period and of the periods before
 * it (each from the report facts, as the measures report reads them), the year to date when the report shows
 * it, the lessons recorded in the period, the Ombudsman's cases and "you said, we did". `periodKey` names the
 * period ("2026-11", "2026-q3"); without one, the last whole period.
 */
export async function buildPeriodicReport(
  services: Services,
  input: { organisationId: string; kind: PeriodicReportKind; periodKey?: string; links: PeriodicReportLinks },
): Promise<PeriodicReportView> {
  const spec = PERIODIC_REPORTS[input.kind];
  const today = londonDateOf(services.clock());
  const period = input.periodKey
    ? periodOfKey(spec.cadence, input.periodKey)
    : lastWholePeriod(spec.cadence, today);
  if (!period) throw new UnknownReportPeriodError("not-a-period");
  if (toDayNumber(period.from) > toDayNumber(today)) throw new UnknownReportPeriodError("not-started");
  const measuresOf = async (from: LocalDate, to: LocalDate) =>
    (await reportMeasures(services, { organisationId: input.organisationId, from, to })).measures;
  // One after another: each is its own read transaction, and the embedded database has one connection.
  const trend = [];
  for (const p of periodsEndingWith(period, spec.trendPeriods))
    trend.push({ period: p, measures: await measuresOf(p.from, p.to) });
  const yearStart = reportingYear(reportingYearOf(period.to)).from;
  const yearToDate = spec.sections.includes("year-to-date")
    ? { period: periodBetween(yearStart, period.to), measures: await measuresOf(yearStart, period.to) }
    : null;
  const organisation = await requireOrganisation(services.db, input.organisationId);
  const lessons = await lessonViews(services.db, input.organisationId, period, today);
  const document = periodicReport(
    input.kind,
    {
      organisation: { id: organisation.id, name: organisation.name },
      producedOn: today,
      trend,
      yearToDate,
      lessons: lessons.map((l) => ({
        reference: l.reference,
        text: l.text,
        themes: l.themes,
        status: l.progress.status,
        action: l.progress.action,
        owner: l.progress.owner,
        dueOn: l.progress.dueOn,
      })),
      ombudsmanCases: await listOmbudsmanCases(services.db, input.organisationId),
      youSaidWeDid: await listYouSaidWeDid(services.db, input.organisationId, "approved"),
    },
    input.links,
  );
  const choices = recentPeriods(spec.cadence, today, CHOICES[spec.cadence]);
  // A period further back than the list goes is still the one shown: the list must say so.
  if (!choices.some((c) => c.key === period.key)) choices.push(period);
  return { document, period, choices };
}
