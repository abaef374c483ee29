import { Params } from "./caseload.ts";
import type { Queryable } from "./database.ts";

/**
 * Full-text search over an organisation's complaints (see migrations/006_search.sql for what is indexed and
 * why). The expressions below must stay the same as the indexed ones, or PostgreSQL cannot use the indexes.
 */
const RESIDENT_VECTOR = `to_tsvector('simple'::regconfig, coalesce(r.name, '') || ' ' || coalesce(r.address, '') || ' ' || coalesce(r.postcode, ''))`;
const COMPACT_POSTCODE = `upper(replace(r.postcode, ' ', ''))`;

/**
 * ts_headline marks matches with these private-use characters rather than HTML: resident text is untrusted,
 * so the snippet comes back as plain text parts and the page escapes every one of them. `<`, `>` and `&` are
 * swapped for placeholders before ts_headline (which would otherwise drop anything that looks like a tag)
 * and back after, so the snippet shows exactly what the resident wrote (any of these characters already in
 * the text are dropped first, so they can never be read as a mark).
 */
const START = "\uE000";
const STOP = "\uE001";
const PLACEHOLDERS: Record<string, string> = { "\uE002": "<", "\uE003": ">", "\uE004": "&" };
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15`;

export interface SnippetPart {
  text: string;
  /** A word that matched the search. */
  highlighted: boolean;
}

export interface SearchHit {
  reference: string;
  residentName: string | null;
  postcode: string | null;
  stage: number;
  status: string;
  nextClock: string | null;
  nextDue: string | null;
  receivedOn: string;
  snippet: SnippetPart[];
}

export interface ComplaintSearch {
  organisationId: string;
  /** What was typed, trimmed and not empty. */
  text: string;
  limit: number;
}

/**
 * Complaints matching a search, best first: an exact reference, then by how well the complaint's words
 * match, then the newest. A complaint matches by reference (exact, or its start when the search looks like
 * one), by words in it (stemmed), by the resident's name, address or postcode (word prefixes), or by the
 * postcode typed with or without its space.
 */
export async function searchComplaints(tx: Queryable, search: ComplaintSearch): Promise<SearchHit[]> {
  const p = new Params();
  const org = p.add(search.organisationId);
  const words = p.add(search.text);
  const reference = p.add(search.text.toUpperCase());
  const branches = [
    `SELECT id FROM complaints WHERE organisation_id = ${org}
       AND search_vector @@ websearch_to_tsquery('english'::regconfig, ${words})`,
    `SELECT id FROM complaints WHERE organisation_id = ${org}
       AND (reference = ${reference} OR external_ref = ${p.add(search.text)})`,
  ];
  if (/^[A-Z0-9]+-\d/i.test(search.text)) {
    branches.push(`SELECT id FROM complaints WHERE organisation_id = ${org}
       AND reference LIKE ${p.add(likePrefix(search.text.toUpperCase()))} ESCAPE '\\'`);
  }
  const names = prefixQuery(search.text);
  if (names) {
    branches.push(`SELECT c.id FROM complaints c JOIN residents r ON r.organisation_id = c.organisation_id
       AND r.id = c.resident_id
       WHERE r.organisation_id = ${org} AND ${RESIDENT_VECTOR} @@ to_tsquery('simple'::regconfig, ${p.add(names)})`);
  }
  const postcode = compactPostcode(search.text);
  if (postcode) {
    branches.push(`SELECT c.id FROM complaints c JOIN residents r ON r.organisation_id = c.organisation_id
       AND r.id = c.resident_id
       WHERE r.organisation_id = ${org} AND ${COMPACT_POSTCODE} LIKE ${p.add(likePrefix(postcode))} ESCAPE '\\'`);
  }
  const result = await tx.query<Omit<SearchHit, "snippet"> & { headline: string }>(
    `SELECT c.reference, r.name AS "residentName", r.postcode, c.stage, c.status, c.next_clock AS "nextClock",
       c.next_due AS "nextDue", c.received_on AS "receivedOn",
       ts_headline('english'::regconfig, translate(c.search_document,
         '<>&' || chr(57344) || chr(57345) || chr(57346) || chr(57347) || chr(57348), chr(57346) || chr(57347) || chr(57348)),
         websearch_to_tsquery('english'::regconfig, ${words}), ${p.add(HEADLINE_OPTIONS)}) AS headline
     FROM complaints c
     LEFT JOIN residents r ON r.organisation_id = c.organisation_id AND r.id = c.resident_id
     WHERE c.organisation_id = ${org} AND c.id IN (${branches.join(" UNION ")})
     ORDER BY (c.reference = ${reference}) DESC,
       ts_rank(c.search_vector, websearch_to_tsquery('english'::regconfig, ${words})) DESC,
       c.received_on DESC, c.reference
     LIMIT ${p.add(search.limit)}`,
    p.values,
  );
  return result.rows.map(({ headline, ...hit }) => ({ ...hit, snippet: snippetParts(headline) }));
}

/** ts_headline's output as plain-text parts, each either a match or the words around it. */
export function snippetParts(headline: string): SnippetPart[] {
  const restored = headline.replace(/[\uE002-\uE004]/g, (c) => PLACEHOLDERS[c] ?? "");
  const parts: SnippetPart[] = [];
  for (const [i, piece] of restored.split(/[\uE000\uE001]/).entries()) {
    // Pieces alternate: outside a match, inside one, outside, ...
    if (piece) parts.push({ text: piece, highlighted: i % 2 === 1 });
  }
  return parts;
}

/** Every word typed as a prefix, all required: `'ada':* & 'res':*`. Only letters and digits get through. */
export function prefixQuery(text: string): string {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens
    .slice(0, 8)
    .map((t) => `'${t}':*`)
    .join(" & ");
}

/** The search as a postcode without spaces, when it looks like one or like its start ("B66", "B661AA"). */
export function compactPostcode(text: string): string | null {
  const compact = text.replace(/\s+/g, "").toUpperCase();
  return /^[A-Z]{1,2}\d[A-Z\d]?(\d[A-Z]{0,2})?$/.test(compact) ? compact : null;
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, "\\$&")}%`;
}
