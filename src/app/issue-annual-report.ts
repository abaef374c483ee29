import { insertAnnualReportVersion } from "../store/annual-reports.ts";
import { assembleAnnualReportNow } from "./assemble-annual-report.ts";
import type { Actor, Services } from "./services.ts";

/**
 * Issues the year's report to the governing body as a new version: what it says is kept as it was issued,
 * so the governing body's response is always to the words it saw.
 */
export async function issueAnnualReport(
  services: Services,
  input: { organisationId: string; year: number },
  actor: Actor,
): Promise<{ version: number }> {
  const content = await assembleAnnualReportNow(services, input);
  const version = await services.db.transaction((tx) =>
    insertAnnualReportVersion(tx, input.organisationId, input.year, content, actor, services.clock()),
  );
  return { version };
}
