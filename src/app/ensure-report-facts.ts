import { organisationsMissingFacts } from "../store/complaint-facts.ts";
import { rebuildProjections } from "./rebuild-projections.ts";
import type { Services } from "./services.ts";

/**
 * Fills in report facts for complaints that have none — those logged before the facts were kept — or whose
 * facts were written before the latest facts were derived (an older FACTS_VERSION: a column added since is
 * empty on them), by recomputing their organisations' projections from the events. Run after migrating; a
 * no-op once done. Returns the organisations filled in.
 */
export async function ensureReportFacts(services: Services): Promise<string[]> {
  const missing = await organisationsMissingFacts(services.db);
  for (const organisationId of missing) await rebuildProjections(services, organisationId);
  return missing;
}
