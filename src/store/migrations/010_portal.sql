-- The resident portal (no account or password): links to follow one complaint, sent by email, and the
-- messages between the resident (or their representative) and the complaints team.

-- A follow link opens one complaint of one organisation. Only a SHA-256 hash of its random token is kept
-- (a 256-bit secret needs no slow hash, and a lookup by hash finds it); the token itself is in the email.
CREATE TABLE portal_links (
  organisation_id text        NOT NULL,
  id              uuid        NOT NULL,
  complaint_id    uuid        NOT NULL,
  token_hash      text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- the address the link was emailed to: whoever holds it acts as the person it was sent to
  sent_to         text        NOT NULL,
  sent_to_name    text        NOT NULL,
  -- who asked for it: "portal" when a complaint was made online, a member of staff's email otherwise
  created_by      text        NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL CHECK (expires_at > created_at),
  revoked_at      timestamptz,
  revoked_by      text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
);
CREATE INDEX portal_links_complaint ON portal_links (organisation_id, complaint_id, created_at);

-- Correspondence through the portal (Code 5.12: all correspondence with the resident is kept): append-only.
CREATE TABLE portal_messages (
  organisation_id text        NOT NULL,
  id              uuid        NOT NULL,
  complaint_id    uuid        NOT NULL,
  direction       text        NOT NULL CHECK (direction IN ('from-resident', 'to-resident')),
  -- may be empty when only files were sent
  body            text        NOT NULL CHECK (length(body) <= 10000),
  -- staff: their email; resident: "portal (<address the link was sent to>)"
  author          text        NOT NULL,
  -- the link a resident's message came through (null for staff replies)
  link_id         uuid,
  -- files sent with the message: [{ "id": attachment id, "fileName": ... }]
  attachments     jsonb       NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL,
  -- the order they were written in, for messages written in the same instant
  seq             bigserial   NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
  FOREIGN KEY (organisation_id, link_id) REFERENCES portal_links (organisation_id, id)
);
CREATE INDEX portal_messages_complaint ON portal_messages (organisation_id, complaint_id, created_at);

CREATE FUNCTION refuse_portal_message_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'portal messages are part of the record and cannot be changed: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER portal_messages_append_only
  BEFORE UPDATE OR DELETE ON portal_messages
  FOR EACH ROW EXECUTE FUNCTION refuse_portal_message_change();

-- Files a resident has chosen on a portal form that was shown again (another answer needed fixing), kept
-- under the form's draft id (a signed, short-lived cookie) so they need not be chosen again. Moved into
-- `attachments` when the form is sent; rows older than a day are deleted whenever a new one is written.
CREATE TABLE portal_uploads (
  organisation_id text        NOT NULL,
  draft_id        uuid        NOT NULL,
  id              uuid        NOT NULL,
  file_name       text        NOT NULL,
  content_type    text        NOT NULL,
  size_bytes      bigint      NOT NULL CHECK (size_bytes > 0),
  content         bytea       NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX portal_uploads_draft ON portal_uploads (organisation_id, draft_id, created_at);
CREATE INDEX portal_uploads_age ON portal_uploads (created_at);
