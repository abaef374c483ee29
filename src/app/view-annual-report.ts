import type { AnnualReportContent } from "../domain/governance/annual-report.ts";
import { listAnnualReportVersions, type AnnualReportVersion } from "../store/annual-reports.ts";
import { assembleAnnualReportNow } from "./assemble-annual-report.ts";
import type { Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface AnnualReportPage {
  year: number;
  /** The report as it stands today (not yet issued). */
  draft: AnnualReportContent;
  versions: Omit<AnnualReportVersion, "content">[];
}

/** A year's report as it stands today, with the versions issued to the governing body. */
export async function viewAnnualReport(
  services: Services,
  input: { organisationId: string; year: number },
): Promise<AnnualReportPage> {
  const versions = await listAnnualReportVersions(services.db, input.organisationId, input.year);
  return {
    year: input.year,
    draft: await assembleAnnualReportNow(services, input),
    versions: versions.map(({ content: _c, ...v }) => v),
  };
}

/** One issued version, with the governing body's response if recorded; another organisation's is a 404. */
export async function viewAnnualReportVersion(
  services: Services,
  input: { organisationId: string; year: number; version: number },
): Promise<AnnualReportVersion> {
  const [version] = await listAnnualReportVersions(
    services.db,
    input.organisationId,
    input.year,
    input.version,
  );
  if (!version) throw new UnknownRecordError("annual report version");
  return version;
}
