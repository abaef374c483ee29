import { selfAssessmentProvisions } from "../adapters/self-assessment-file.ts";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { assessmentSummary, type Answers } from "../domain/governance/self-assessment.ts";
import type { EvidenceItem } from "../domain/governance/self-assessment-evidence.ts";
import type { Provisions } from "../domain/governance/self-assessment-provisions.ts";
import { reportingYear, type ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import { listSelfAssessmentVersions, type SelfAssessmentVersion } from "../store/self-assessments.ts";
import { gatherAssessmentEvidence } from "./gather-assessment-evidence.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface SelfAssessmentPage {
  organisation: { id: string; name: string };
  year: number;
  period: ReportingPeriod;
  today: string;
  provisions: Provisions;
  /** Every saved version, newest first (without their answers). */
  versions: Omit<SelfAssessmentVersion, "answers" | "prefilled">[];
  /** The version shown: the one asked for, else the latest; null before the first save. */
  shown: SelfAssessmentVersion | null;
  latestVersion: number;
  answers: Answers;
  /** The evidence Redress shows: as kept with an earlier version, or as it is today for the latest. */
  prefill: Record<string, EvidenceItem[]>;
  summary: ReturnType<typeof assessmentSummary>;
}

/** A year's self-assessment: the latest version (or the one asked for) with its evidence, and every version. */
export async function viewSelfAssessment(
  services: Services,
  input: { organisationId: string; year: number; version?: number },
): Promise<SelfAssessmentPage> {
  const provisions = selfAssessmentProvisions();
  const org = await requireOrganisation(services.db, input.organisationId);
  const all = await listSelfAssessmentVersions(services.db, input.organisationId, input.year);
  const latestVersion = all[0]?.version ?? 0;
  const shown = input.version === undefined ? (all[0] ?? null) : all.find((v) => v.version === input.version);
  if (shown === undefined) throw new UnknownRecordError("self-assessment version");
  const older = shown !== null && shown.version !== latestVersion;
  const prefill = older
    ? shown.prefilled
    : (await gatherAssessmentEvidence(services, input.organisationId, input.year)).prefill;
  const answers = shown?.answers ?? {};
  return {
    organisation: { id: org.id, name: org.name },
    year: input.year,
    period: reportingYear(input.year),
    today: londonDateOf(services.clock()),
    provisions,
    versions: all.map(({ answers: _a, prefilled: _p, ...v }) => v),
    shown,
    latestVersion,
    answers,
    prefill,
    summary: assessmentSummary(provisions, answers),
  };
}

/** The ids of a section's rows: the fields its form carries. */
export function selfAssessmentSectionRows(section: number): string[] {
  return selfAssessmentProvisions()
    .rows.filter((r) => r.section === section)
    .map((r) => r.id);
}
