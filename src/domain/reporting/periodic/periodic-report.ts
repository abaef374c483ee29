import { formatLongDate, toDayNumber } from "../../calendar/day-number.ts";
import type { ReportDocument } from "../report-document.ts";
import type { PeriodicReportInput, PeriodicReportLinks, SectionBuilder, SectionContext } from "./context.ts";
import { paragraph } from "./context.ts";
import { PERIODIC_REPORTS, type PeriodicReportKind, type PeriodicSection } from "./kinds.ts";
import {
  learningSection,
  ombudsmanSection,
  systemicIssuesSection,
  themesSection,
  youSaidWeDidSection,
} from "./learning-sections.ts";
import {
  customerVoiceSection,
  hazardsSection,
  outcomesSection,
  refusalsSection,
  remediesSection,
} from "./outcome-sections.ts";
import {
  summarySection,
  timelinessSection,
  trendsSection,
  yearToDateSection,
} from "./performance-sections.ts";

const SECTIONS: Record<PeriodicSection, SectionBuilder> = {
  summary: summarySection,
  "year-to-date": yearToDateSection,
  trends: trendsSection,
  timeliness: timelinessSection,
  themes: themesSection,
  outcomes: outcomesSection,
  "customer-voice": customerVoiceSection,
  refusals: refusalsSection,
  remedies: remediesSection,
  hazards: hazardsSection,
  ombudsman: ombudsmanSection,
  "systemic-issues": systemicIssuesSection,
  learning: learningSection,
  "you-said-we-did": youSaidWeDidSection,
};

/**
 * A periodic report (monthly executive, quarterly board Customer Voice, quarterly MRC pack) as a report
 * document: its sections in order, each figure of the report's period beside the period before and the
 * trend. Pure: the use case gathers the measures of every period and the governance records.
 */
export function periodicReport(
  kind: PeriodicReportKind,
  input: PeriodicReportInput,
  links: PeriodicReportLinks,
): ReportDocument {
  const spec = PERIODIC_REPORTS[kind];
  const current = input.trend.at(-1);
  if (!current) throw new RangeError("A periodic report needs the measures of its own period.");
  const previous = input.trend.length > 1 ? (input.trend.at(-2) ?? null) : null;
  const ctx: SectionContext = { spec, input, links, current, previous };
  return {
    language: "en-GB",
    title: `${spec.title}: ${current.period.label}`,
    organisation: input.organisation,
    period: current.period,
    producedOn: input.producedOn,
    blocks: [
      paragraph(spec.purpose),
      ...(toDayNumber(input.producedOn) < toDayNumber(current.period.to)
        ? [
            paragraph(
              `This ${spec.cadence} has not ended: the figures are to ${formatLongDate(input.producedOn)} and will change.`,
            ),
          ]
        : []),
      ...spec.sections.flatMap((section) => SECTIONS[section](ctx)),
    ],
  };
}
