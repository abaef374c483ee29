import { publishedEntry, type PublishedEntry } from "../domain/governance/you-said-we-did.ts";
import { findYouSaidWeDid, listYouSaidWeDid, type YouSaidWeDidRow } from "../store/you-said-we-did.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/** Every entry of the organisation, drafts and withdrawn ones too. */
export async function viewYouSaidWeDidList(
  services: Services,
  organisationId: string,
): Promise<YouSaidWeDidRow[]> {
  return listYouSaidWeDid(services.db, organisationId);
}

/** One entry; another organisation's is a 404. */
export async function viewYouSaidWeDid(
  services: Services,
  organisationId: string,
  id: string,
): Promise<YouSaidWeDidRow> {
  const entry = await findYouSaidWeDid(services.db, organisationId, id);
  if (!entry) throw new UnknownRecordError("entry");
  return entry;
}

/** The published list, for the landlord's website: approved entries only, newest change first, no one's details. */
export async function publishedYouSaidWeDid(
  services: Services,
  organisationId: string,
): Promise<{ landlord: string; entries: PublishedEntry[] }> {
  const org = await requireOrganisation(services.db, organisationId);
  const entries = await listYouSaidWeDid(services.db, organisationId, "approved");
  return { landlord: org.name, entries: entries.map(publishedEntry) };
}
