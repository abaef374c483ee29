import { londonDateOf } from "../domain/calendar/day-number.ts";
import { ombudsmanSummary } from "../domain/governance/ombudsman.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { listAnnualReportVersions } from "../store/annual-reports.ts";
import { listOmbudsmanCases } from "../store/ombudsman.ts";
import { listSelfAssessmentVersions } from "../store/self-assessments.ts";
import { listYouSaidWeDid } from "../store/you-said-we-did.ts";
import type { Services } from "./services.ts";
import { lessonViews, reportingYearOf } from "./view-learning-log.ts";

/** The governance overview: what needs attention this reporting year, in each part. */
export async function viewGovernance(services: Services, organisationId: string) {
  const db = services.db;
  const today = londonDateOf(services.clock());
  const year = reportingYearOf(today);
  const period = reportingYear(year);
  const lessons = await lessonViews(db, organisationId, period, today);
  const entries = await listYouSaidWeDid(db, organisationId);
  const [assessment] = await listSelfAssessmentVersions(db, organisationId, year);
  const reports = await listAnnualReportVersions(db, organisationId, year);
  const status = (...s: string[]) => lessons.filter((l) => s.includes(l.progress.status)).length;
  return {
    today,
    year,
    period,
    lessons: { all: lessons.length, toDo: status("to-do"), overdue: status("overdue") },
    youSaidWeDid: {
      drafts: entries.filter((e) => e.status === "draft").length,
      approved: entries.filter((e) => e.status === "approved").length,
    },
    ombudsman: ombudsmanSummary(await listOmbudsmanCases(db, organisationId), period, today),
    selfAssessment: assessment
      ? { version: assessment.version, approvedOn: assessment.approvedOn, savedAt: assessment.savedAt }
      : null,
    annualReport: { versions: reports.length, responded: reports.some((r) => r.responseGivenOn !== null) },
  };
}
