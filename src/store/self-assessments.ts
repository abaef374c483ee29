import type { Answers } from "../domain/governance/self-assessment.ts";
import type { EvidenceItem } from "../domain/governance/self-assessment-evidence.ts";
import type { Queryable } from "./database.ts";

/** One saved version of an organisation's self-assessment for a reporting year. */
export interface SelfAssessmentVersion {
  year: number;
  version: number;
  /** The rows it answered ("code-2024@1.0.0"). */
  provisions: string;
  answers: Answers;
  /** The evidence Redress showed with it, by row id. */
  prefilled: Record<string, EvidenceItem[]>;
  /** What the save changed, in words ("Section 6"). */
  change: string;
  savedBy: string;
  savedAt: Date;
  approvedOn: string | null;
  approvedByBody: string | null;
  approvalRecordedBy: string | null;
}

/** Another save took the version number first: nothing of this one was written. */
export class VersionTakenError extends Error {
  readonly code = "VERSION_TAKEN";
  constructor() {
    super("Someone saved a newer version at the same moment.");
    this.name = "VersionTakenError";
  }
}

const COLUMNS = `reporting_year AS year, version, provisions, answers, prefilled, change, saved_by AS "savedBy",
  saved_at AS "savedAt", approved_on AS "approvedOn", approved_by_body AS "approvedByBody",
  approval_recorded_by AS "approvalRecordedBy"`;

/** The versions for a year, newest first; `version` picks one. */
export async function listSelfAssessmentVersions(
  tx: Queryable,
  organisationId: string,
  year: number,
  version?: number,
): Promise<SelfAssessmentVersion[]> {
  const result = await tx.query<SelfAssessmentVersion>(
    `SELECT ${COLUMNS} FROM self_assessment_versions
     WHERE organisation_id = $1 AND reporting_year = $2 AND ($3::integer IS NULL OR version = $3)
     ORDER BY version DESC`,
    [organisationId, year, version ?? null],
  );
  return result.rows;
}

/** How many versions each year has, and when each year was last approved: the years listed. */
export async function selfAssessmentYears(
  tx: Queryable,
  organisationId: string,
): Promise<{ year: number; versions: number; lastApprovedOn: string | null }[]> {
  const result = await tx.query<{ year: number; versions: number; lastApprovedOn: string | null }>(
    `SELECT reporting_year AS year, count(*)::integer AS versions, max(approved_on) AS "lastApprovedOn"
     FROM self_assessment_versions WHERE organisation_id = $1 GROUP BY reporting_year ORDER BY reporting_year DESC`,
    [organisationId],
  );
  return result.rows;
}

/** Saves a new version; a second writer with the same number fails here and writes nothing. */
export async function insertSelfAssessmentVersion(
  tx: Queryable,
  organisationId: string,
  v: Pick<SelfAssessmentVersion, "year" | "version" | "provisions" | "answers" | "prefilled" | "change">,
  by: string,
  at: Date,
): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO self_assessment_versions (organisation_id, reporting_year, version, provisions, answers, prefilled,
         change, saved_by, saved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        organisationId,
        v.year,
        v.version,
        v.provisions,
        JSON.stringify(v.answers),
        JSON.stringify(v.prefilled),
        v.change,
        by,
        at,
      ],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new VersionTakenError();
    throw error;
  }
}

export async function recordSelfAssessmentApproval(
  tx: Queryable,
  organisationId: string,
  key: { year: number; version: number },
  approval: { approvedOn: string; body: string },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE self_assessment_versions SET approved_on = $4, approved_by_body = $5, approval_recorded_by = $6,
       approval_recorded_at = $7
     WHERE organisation_id = $1 AND reporting_year = $2 AND version = $3 AND approved_on IS NULL`,
    [organisationId, key.year, key.version, approval.approvedOn, approval.body, by, at],
  );
}

/** Serialises changes to one year's self-assessment (saves and approvals) within a transaction. */
export async function lockSelfAssessmentYear(
  tx: Queryable,
  organisationId: string,
  year: number,
): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1), $2)", [
    `self-assessment:${organisationId}`,
    year,
  ]);
}
