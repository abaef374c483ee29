import type { AnnualReportContent } from "../domain/governance/annual-report.ts";
import type { Queryable } from "./database.ts";

/** A version of the annual report as issued to the governing body, with its response when recorded (8.2). */
export interface AnnualReportVersion {
  year: number;
  version: number;
  content: AnnualReportContent;
  issuedBy: string;
  issuedAt: Date;
  response: string | null;
  responseBody: string | null;
  responseGivenOn: string | null;
  responseRecordedBy: string | null;
}

const COLUMNS = `reporting_year AS year, version, content, issued_by AS "issuedBy", issued_at AS "issuedAt", response,
  response_body AS "responseBody", response_given_on AS "responseGivenOn", response_recorded_by AS "responseRecordedBy"`;

/** The versions issued for a year, newest first; `version` picks one. */
export async function listAnnualReportVersions(
  tx: Queryable,
  organisationId: string,
  year: number,
  version?: number,
): Promise<AnnualReportVersion[]> {
  const result = await tx.query<AnnualReportVersion>(
    `SELECT ${COLUMNS} FROM annual_report_versions
     WHERE organisation_id = $1 AND reporting_year = $2 AND ($3::integer IS NULL OR version = $3)
     ORDER BY version DESC`,
    [organisationId, year, version ?? null],
  );
  return result.rows;
}

/** Issues the next version of a year's report; locks the year so two issues never take the same number. */
export async function insertAnnualReportVersion(
  tx: Queryable,
  organisationId: string,
  year: number,
  content: AnnualReportContent,
  by: string,
  at: Date,
): Promise<number> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1), $2)", [`annual-report:${organisationId}`, year]);
  const result = await tx.query<{ version: number }>(
    `INSERT INTO annual_report_versions (organisation_id, reporting_year, version, content, issued_by, issued_at)
     SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5 FROM annual_report_versions
     WHERE organisation_id = $1 AND reporting_year = $2
     RETURNING version`,
    [organisationId, year, JSON.stringify(content), by, at],
  );
  return Number(result.rows[0]?.version);
}

export async function recordGoverningBodyResponse(
  tx: Queryable,
  organisationId: string,
  key: { year: number; version: number },
  response: { text: string; body: string; givenOn: string },
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE annual_report_versions SET response = $4, response_body = $5, response_given_on = $6,
       response_recorded_by = $7, response_recorded_at = $8
     WHERE organisation_id = $1 AND reporting_year = $2 AND version = $3 AND response_given_on IS NULL`,
    [organisationId, key.year, key.version, response.text, response.body, response.givenOn, by, at],
  );
}

/** Locks one version while its response is recorded. */
export async function lockAnnualReportVersion(
  tx: Queryable,
  organisationId: string,
  key: { year: number; version: number },
): Promise<void> {
  await tx.query(
    "SELECT 1 FROM annual_report_versions WHERE organisation_id = $1 AND reporting_year = $2 AND version = $3 FOR UPDATE",
    [organisationId, key.year, key.version],
  );
}
