import { fromDayNumber, londonDateOf, toDayNumber, type LocalDate } from "../domain/calendar/day-number.ts";
import { contactMeasures } from "../domain/reporting/contacts.ts";
import { hazards } from "../domain/reporting/hazards.ts";
import type { Measures } from "../domain/reporting/measures.ts";
import { remedies } from "../domain/reporting/remedies.ts";
import { periodBetween, type ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import { survey } from "../domain/reporting/survey.ts";
import { stageTimeliness } from "../domain/reporting/timeliness.ts";
import { volumeMeasures } from "../domain/reporting/volumes.ts";
import { contactsSelection } from "../store/contact-report-queries.ts";
import { hazardsSelection } from "../store/hazard-queries.ts";
import { remediesSelection } from "../store/remedy-queries.ts";
import { surveySelection } from "../store/survey-queries.ts";
import { stageTimelinessSelection } from "../store/timeliness-queries.ts";
import { volumesSelection } from "../store/volume-queries.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface MeasuresReport {
  organisation: { id: string; name: string };
  measures: Measures;
}

/** Overdue is judged at the end of the period, or today if the period has not ended. */
export function defaultAsAt(period: ReportingPeriod, today: LocalDate): LocalDate {
  return fromDayNumber(Math.min(toDayNumber(period.to), toDayNumber(today)));
}

/**
 * Every measure beyond the TSMs for an organisation and any period (a reporting year, a quarter, a month), from
 * the SQL twins over the report facts projection and its indexes (never the events): the same figures as the
 * domain's `measuresFromFacts`, which the tests hold them to.
 */
export async function reportMeasures(
  services: Services,
  input: { organisationId: string; from: LocalDate; to: LocalDate; asAt?: LocalDate },
): Promise<MeasuresReport> {
  const period = periodBetween(input.from, input.to);
  const asAt = input.asAt ?? defaultAsAt(period, londonDateOf(services.clock()));
  return services.db.transaction(async (tx) => {
    const org = await requireOrganisation(tx, input.organisationId);
    const at = { organisationId: org.id, period };
    const measures: Measures = {
      period,
      asAt,
      timeliness: {
        stage1: stageTimeliness(await stageTimelinessSelection(tx, { ...at, stage: 1 })),
        stage2: stageTimeliness(await stageTimelinessSelection(tx, { ...at, stage: 2 })),
      },
      ...volumeMeasures(await volumesSelection(tx, at)),
      remedies: remedies(await remediesSelection(tx, { ...at, asAt }), asAt),
      hazards: hazards(await hazardsSelection(tx, at)),
      contacts: contactMeasures(await contactsSelection(tx, at)),
      survey: survey(await surveySelection(tx, at)),
    };
    return { organisation: { id: org.id, name: org.name }, measures };
  });
}
