import type { LocalDate } from "../calendar/day-number.ts";
import type { ComplaintFacts } from "./complaint-facts.ts";
import { contactMeasures, selectContacts, type ContactFacts, type ContactMeasures } from "./contacts.ts";
import type { Count, Breakdown } from "./figures.ts";
import { hazards, selectHazards, type Hazards } from "./hazards.ts";
import { remedies, selectRemedies, type Remedies } from "./remedies.ts";
import type { ReportingPeriod } from "./reporting-year.ts";
import { selectSurvey, survey, type Survey } from "./survey.ts";
import { timeliness, type Timeliness } from "./timeliness.ts";
import type { Measure } from "./tsm.ts";
import { selectVolumes, volumeMeasures, type StagePair, type Volumes } from "./volumes.ts";

/**
 * Every figure the reports show beyond the TSMs, for one organisation and period (any period: a reporting
 * year, a quarter, a month). Each is defined in its own module (timeliness, volumes, remedies, hazards,
 * contacts, survey), which says exactly what it counts and on which date; `src/store` has an SQL twin of each
 * selection, and the tests hold the two to the same figures.
 */
export interface Measures {
  period: ReportingPeriod;
  /** The day "overdue" is judged at: the period's end, or today if that is earlier. */
  asAt: LocalDate;
  timeliness: Timeliness;
  volumes: Volumes;
  outcomes: StagePair<Breakdown>;
  refusals: StagePair<Breakdown>;
  withdrawals: StagePair<Count>;
  escalation: Measure;
  remedies: Remedies;
  hazards: Hazards;
  contacts: ContactMeasures;
  survey: Survey;
}

/** The domain's definition of every measure, over report facts and contacts: the reference the SQL must match. */
export function measuresFromFacts(
  complaints: readonly ComplaintFacts[],
  contacts: readonly ContactFacts[],
  period: ReportingPeriod,
  asAt: LocalDate,
): Measures {
  return {
    period,
    asAt,
    timeliness: timeliness(complaints, period),
    ...volumeMeasures(selectVolumes(complaints, period)),
    remedies: remedies(selectRemedies(complaints, period, asAt), asAt),
    hazards: hazards(selectHazards(complaints, period)),
    contacts: contactMeasures(selectContacts(contacts, period)),
    survey: survey(selectSurvey(complaints, period)),
  };
}
