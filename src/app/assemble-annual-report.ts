import { selfAssessmentProvisions } from "../adapters/self-assessment-file.ts";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { assembleAnnualReport, type AnnualReportContent } from "../domain/governance/annual-report.ts";
import { assessmentSummary } from "../domain/governance/self-assessment.ts";
import { assessmentRows, supportingEvidence } from "../domain/governance/self-assessment-table.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { listOmbudsmanCases, listOmbudsmanPublications } from "../store/ombudsman.ts";
import { refusalsByGroundQuery } from "../store/refusals-by-ground.ts";
import { listSelfAssessmentVersions, type SelfAssessmentVersion } from "../store/self-assessments.ts";
import { listYouSaidWeDid } from "../store/you-said-we-did.ts";
import { gatherAssessmentEvidence } from "./gather-assessment-evidence.ts";
import type { Services } from "./services.ts";

/** The self-assessment as the report carries it: the latest approved version, else the latest saved. */
function reportedAssessment(
  versions: readonly SelfAssessmentVersion[],
): AnnualReportContent["selfAssessment"] {
  const chosen = versions.find((v) => v.approvedOn) ?? versions[0];
  if (!chosen) return null;
  const provisions = selfAssessmentProvisions();
  const { sections: _s, ...counts } = assessmentSummary(provisions, chosen.answers);
  return {
    version: chosen.version,
    approvedOn: chosen.approvedOn,
    approvedByBody: chosen.approvedByBody,
    counts,
    rows: assessmentRows(provisions, chosen.answers, chosen.prefilled, supportingEvidence),
  };
}

/**
 * The annual complaints performance and service improvement report for a reporting year (Code 8.1), put
 * together from what Redress holds today. Performance is TSM CH01 and CH02 and refusals by ground for now;
 * the other report measures join it when they are built.
 */
export async function assembleAnnualReportNow(
  services: Services,
  input: { organisationId: string; year: number },
): Promise<AnnualReportContent> {
  const db = services.db;
  const period = reportingYear(input.year);
  const evidence = await gatherAssessmentEvidence(services, input.organisationId, input.year);
  const grounds = new Map(evidence.pack.exclusions.map((e) => [e.id, e.ground]));
  return assembleAnnualReport({
    organisation: evidence.organisation,
    year: input.year,
    period,
    today: londonDateOf(services.clock()),
    selfAssessment: reportedAssessment(
      await listSelfAssessmentVersions(db, input.organisationId, input.year),
    ),
    tsm: { ch01: evidence.tsm.ch01, ch02: evidence.tsm.ch02 },
    refusals: await refusalsByGroundQuery(db, input.organisationId, period),
    groundText: (ground) => grounds.get(ground) ?? ground.replace(/-/g, " "),
    ombudsmanCases: await listOmbudsmanCases(db, input.organisationId),
    youSaidWeDid: await listYouSaidWeDid(db, input.organisationId),
    publications: await listOmbudsmanPublications(db, input.organisationId),
  });
}
