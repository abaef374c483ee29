-- Search in the staff workspace: a complaint by its reference, by the resident's name, address or postcode,
-- or by words in the complaint. Only PostgreSQL's built-in full-text search is used (no extension), with
-- the 'english' and 'simple' configurations, which PostgreSQL 15 and PGlite both ship.
--
-- What is indexed, and why:
-- * The complaint's words: its description and the issues in its definition. The issues live only in the
--   event log (the `defined` payloads, and `issue-added` ones folded into this complaint; an issue logged as a
--   new complaint belongs to that one), so the projection row keeps a copy, `search_document`, filled by a
--   trigger whenever the row is written. Every command appends its events before it writes the projection,
--   in the same transaction, and rebuilds write the projection the same way, so the copy is never behind
--   the log. The text is kept (not only its vector) so results can show a highlighted snippet cheaply.
--   `search_vector` is generated from it with the 'english' configuration: stemming lets "leaking" find
--   "leak". Other event text (reasons, findings, messages) is staff writing, not the resident's complaint.
-- * Residents are searched in their own table, because their details are theirs, not a complaint's (one
--   resident may have several complaints, and a corrected address must be found at once): an expression
--   index over name, address and postcode with the 'simple' configuration, since names and addresses are
--   not English words to stem; queries match word prefixes, so "Ad" finds "Ada".
-- * Postcodes are also matched without spaces ("B661AA" or "b66" finds "B66 1AA").
-- * References are matched exactly or by their start ("BCHG-2026-00"), which needs a pattern index.
-- The expressions in src/store/search.ts must stay the same as the indexed ones here.

ALTER TABLE complaints ADD COLUMN search_document text NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_document)) STORED;

CREATE FUNCTION complaint_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_document := concat_ws(E'\n', NEW.description, (
    SELECT string_agg(issue, E'\n' ORDER BY first_seq)
    FROM (
      SELECT issue, min(seq) AS first_seq
      FROM (
        SELECT i->>'summary' AS issue, e.seq
        FROM complaint_events e, jsonb_array_elements(e.payload->'issues') AS i
        WHERE e.organisation_id = NEW.organisation_id AND e.complaint_id = NEW.id AND e.type = 'defined'
        UNION ALL
        SELECT e.payload->'issue'->>'summary', e.seq
        FROM complaint_events e
        WHERE e.organisation_id = NEW.organisation_id AND e.complaint_id = NEW.id AND e.type = 'issue-added'
          AND e.payload->>'disposition' = 'folded-in'
      ) AS found
      WHERE issue IS NOT NULL
      GROUP BY issue
    ) AS issues
  ));
  RETURN NEW;
END
$$;
CREATE TRIGGER complaints_search_document
  BEFORE INSERT OR UPDATE ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaint_search_document();

-- Complaints already recorded: writing each row once lets the trigger fill its document.
UPDATE complaints SET search_document = search_document;

CREATE INDEX complaints_search ON complaints USING gin (search_vector);
CREATE INDEX complaints_reference_prefix ON complaints (organisation_id, reference text_pattern_ops);
CREATE INDEX residents_search ON residents USING gin (
  to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(address, '') || ' ' || coalesce(postcode, ''))
);
CREATE INDEX residents_postcode_search ON residents (organisation_id, (upper(replace(postcode, ' ', ''))) text_pattern_ops);
