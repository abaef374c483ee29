-- Letters: the organisation's templates (each save a new version, old versions kept because issued letters
-- name the one they came from), and the letters themselves, drafted when a command is recorded, edited by the
-- handler, then issued. An issued letter never changes: the database refuses it (a trigger, as the event log).

-- The address printed at the top of the organisation's letters.
ALTER TABLE organisations ADD COLUMN letter_address_lines jsonb NOT NULL DEFAULT '[]';

CREATE TABLE letter_templates (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  kind            text        NOT NULL,
  version         integer     NOT NULL CHECK (version >= 1),
  -- the wording of each section (src/domain/letters/letter-template.ts)
  content         jsonb       NOT NULL,
  saved_at        timestamptz NOT NULL,
  saved_by        text        NOT NULL,
  PRIMARY KEY (organisation_id, kind, version)
);

CREATE TABLE letters (
  organisation_id  text        NOT NULL,
  id               uuid        NOT NULL,
  complaint_id     uuid        NOT NULL,
  kind             text        NOT NULL,
  stage            smallint    NOT NULL CHECK (stage IN (1, 2)),
  -- the complaint's version (the event's sequence number) the letter was drafted for
  event_seq        integer     NOT NULL,
  status           text        NOT NULL CHECK (status IN ('draft', 'issued')),
  -- 'bundled': Redress's default wording at template_version; 'organisation': letter_templates' version
  template_origin  text        NOT NULL CHECK (template_origin IN ('bundled', 'organisation')),
  template_version integer     NOT NULL,
  -- the LetterDocument: every word decided (src/domain/letters/letter-document.ts)
  document         jsonb       NOT NULL,
  -- how it goes and to whom, decided when it is issued from the contact preferences
  format           text        CHECK (format IN ('email', 'post', 'large-print')),
  recipient        jsonb,
  drafted_at       timestamptz NOT NULL,
  drafted_by       text        NOT NULL,
  edited_at        timestamptz,
  edited_by        text,
  issued_at        timestamptz,
  issued_by        text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
  -- a command retried after a crash never drafts its letter twice
  UNIQUE (organisation_id, complaint_id, event_seq, kind),
  CHECK (status = 'draft' OR (issued_at IS NOT NULL AND issued_by IS NOT NULL AND format IS NOT NULL AND recipient IS NOT NULL))
);
CREATE INDEX letters_complaint ON letters (organisation_id, complaint_id, drafted_at);
CREATE INDEX letters_drafts ON letters (organisation_id) WHERE status = 'draft';

CREATE FUNCTION refuse_issued_letter_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'letters are kept: TRUNCATE on % is refused', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  ELSIF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'an issued letter cannot be changed: % on % is refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER letters_issued_immutable
  BEFORE UPDATE OR DELETE ON letters
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_letter_change();
CREATE TRIGGER letters_no_truncate
  BEFORE TRUNCATE ON letters
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_issued_letter_change();
-- Template versions are kept for ever: an issued letter names the one it came from.
CREATE FUNCTION refuse_template_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'template versions are kept: % on % is refused; save a new version instead', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER letter_templates_append_only
  BEFORE UPDATE OR DELETE ON letter_templates
  FOR EACH ROW EXECUTE FUNCTION refuse_template_version_change();
CREATE TRIGGER letter_templates_no_truncate
  BEFORE TRUNCATE ON letter_templates
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_template_version_change();
