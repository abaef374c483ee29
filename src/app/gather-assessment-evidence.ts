import { selfAssessmentProvisions } from "../adapters/self-assessment-file.ts";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { themeCounts } from "../domain/governance/lessons.ts";
import { ombudsmanSummary } from "../domain/governance/ombudsman.ts";
import {
  prefillEvidence,
  type EvidenceFacts,
  type EvidenceItem,
  type GovernanceFigures,
} from "../domain/governance/self-assessment-evidence.ts";
import { lintPolicyPack } from "../domain/policy/lint.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { listAnnualReportVersions } from "../store/annual-reports.ts";
import { countIssuedLettersByKind } from "../store/letters.ts";
import { listOmbudsmanCases } from "../store/ombudsman.ts";
import { refusalsByGroundQuery } from "../store/refusals-by-ground.ts";
import { listSelfAssessmentVersions } from "../store/self-assessments.ts";
import { listYouSaidWeDid } from "../store/you-said-we-did.ts";
import { packVersion, requireOrganisation } from "./complaint-context.ts";
import { reportTsm, type TsmReport } from "./report-tsm.ts";
import type { Services } from "./services.ts";
import { lessonViews } from "./view-learning-log.ts";

export interface AssessmentEvidence {
  organisation: { id: string; name: string };
  pack: PolicyPack;
  tsm: TsmReport;
  facts: EvidenceFacts;
  /** By row id. */
  prefill: Record<string, EvidenceItem[]>;
}

/**
 * What Redress can show for a year's self-assessment: the pack in force and the linter's findings, TSM
 * timeliness and volumes, and the governance records. Reads only, outside any transaction (the TSM report
 * opens its own). Letters are not kept in Redress yet, so each letter row shows a slot to fill by hand.
 */
export async function gatherAssessmentEvidence(
  services: Services,
  organisationId: string,
  year: number,
): Promise<AssessmentEvidence> {
  const db = services.db;
  const today = londonDateOf(services.clock());
  const period = reportingYear(year);
  const org = await requireOrganisation(db, organisationId);
  const pack = await packVersion(db, org.packId, org.packVersion);
  const tsm = await reportTsm(services, { organisationId, year });
  const lessons = await lessonViews(db, organisationId, period, today);
  const cases = await listOmbudsmanCases(db, organisationId);
  const reports = await listAnnualReportVersions(db, organisationId, year);
  const summary = ombudsmanSummary(cases, period, today);
  const counted = lessons.filter((l) => l.progress.status !== "nothing-to-learn");
  const governance: GovernanceFigures = {
    lessons: counted.length,
    lessonsActedOn: counted.filter((l) => l.record !== null).length,
    topThemes: themeCounts(lessons.map((l) => ({ themes: l.themes, status: l.progress.status }))).slice(0, 5),
    youSaidWeDidApproved: (await listYouSaidWeDid(db, organisationId, "approved")).length,
    refusals: (await refusalsByGroundQuery(db, organisationId, period)).reduce((n, r) => n + r.count, 0),
    determinations: summary.determinations,
    failureOrders: summary.failureOrders,
    ordersOutstanding: summary.ordersOutstanding,
    ordersOverdue: summary.ordersOverdue,
    annualReportVersions: reports.length,
    governingBodyResponded: reports.some((r) => r.responseGivenOn !== null),
    selfAssessmentVersions: (await listSelfAssessmentVersions(db, organisationId, year)).length,
  };
  const facts: EvidenceFacts = {
    pack,
    lint: lintPolicyPack(pack),
    year: period.label,
    tsm: { ch01: tsm.ch01, ch02: tsm.ch02 },
    // Letters issued in the year, by kind: the samples the self-assessment can point to (6.9, 6.19 ...).
    letters: await countIssuedLettersByKind(db, organisationId, period),
    governance,
  };
  return {
    organisation: { id: org.id, name: org.name },
    pack,
    tsm,
    facts,
    prefill: prefillEvidence(selfAssessmentProvisions(), facts),
  };
}
