import type { KnownPersonalDetails } from "../domain/governance/you-said-we-did.ts";
import type { Queryable } from "./database.ts";

/**
 * The details of the organisation's residents and representatives (and its complaint references) that appear
 * in a text, as candidates: the database finds every one the text contains, case and spacing aside, so words
 * meant for the website can be checked against every resident, not only those of the complaints behind them.
 * The domain (`personalDetailsIn`) then decides, on whole words.
 */
export async function personalDetailsIn(
  tx: Queryable,
  organisationId: string,
  text: string,
): Promise<KnownPersonalDetails> {
  const result = await tx.query<{ kind: keyof KnownPersonalDetails; value: string }>(
    `WITH t AS (SELECT regexp_replace(lower($2), '\\s+', ' ', 'g') AS flat,
                       regexp_replace($2, '\\D', '', 'g') AS digits),
     people AS (
       SELECT name, email, phone, address, postcode FROM residents WHERE organisation_id = $1
       UNION ALL
       SELECT name, email, phone, NULL, NULL FROM representatives WHERE organisation_id = $1
     ),
     candidates AS (
       SELECT 'names' AS kind, name AS value FROM people
       UNION ALL SELECT 'addresses', address FROM people
       UNION ALL SELECT 'postcodes', postcode FROM people
       UNION ALL SELECT 'emails', email FROM people
       UNION ALL SELECT 'references', reference FROM complaints WHERE organisation_id = $1
     )
     SELECT DISTINCT c.kind, c.value FROM candidates c, t
     WHERE c.value IS NOT NULL AND length(trim(c.value)) >= 3
       AND position(regexp_replace(lower(trim(c.value)), '\\s+', ' ', 'g') IN t.flat) > 0
     UNION
     SELECT DISTINCT 'phones', p.phone FROM people p, t
     WHERE p.phone IS NOT NULL AND length(regexp_replace(p.phone, '\\D', '', 'g')) >= 6
       AND position(regexp_replace(p.phone, '\\D', '', 'g') IN t.digits) > 0`,
    [organisationId, text],
  );
  const known: Record<keyof KnownPersonalDetails, string[]> = {
    names: [],
    addresses: [],
    postcodes: [],
    emails: [],
    phones: [],
    references: [],
  };
  for (const row of result.rows) known[row.kind].push(row.value);
  return known;
}
