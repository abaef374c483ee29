import { londonDateOf } from "../domain/calendar/day-number.ts";
import { searchComplaints as findComplaints, type SearchHit } from "../store/search.ts";
import type { Services } from "./services.ts";

/** How many results a search shows; more than this asks for a narrower search. */
export const SEARCH_LIMIT = 50;
/** Longer searches are cut here: nobody types more to find a complaint, and it bounds the work. */
const MAX_SEARCH_LENGTH = 200;

export interface SearchResults {
  /** The search as it was run (trimmed); empty when nothing was asked. */
  query: string;
  hits: SearchHit[];
  /** True when there were more matches than shown. */
  more: boolean;
  today: string;
}

/**
 * Finds an organisation's complaints by reference, the resident's name, address or postcode, or words in
 * the complaint. Only that organisation's complaints are ever searched. An empty search finds nothing.
 */
export async function searchComplaints(
  services: Services,
  input: { organisationId: string; text: string },
): Promise<SearchResults> {
  const query = input.text.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_LENGTH);
  const today = londonDateOf(services.clock());
  if (!query) return { query, hits: [], more: false, today };
  const hits = await findComplaints(services.db, {
    organisationId: input.organisationId,
    text: query,
    limit: SEARCH_LIMIT + 1,
  });
  return { query, hits: hits.slice(0, SEARCH_LIMIT), more: hits.length > SEARCH_LIMIT, today };
}
