-- The bytes of each attachment, kept in the database beside its metadata: one transaction writes both, so a
-- complaint never lists a file that is not there, and a backup of the database is a backup of the evidence.
CREATE TABLE attachment_contents (
  organisation_id text  NOT NULL,
  attachment_id   uuid  NOT NULL,
  content         bytea NOT NULL,
  PRIMARY KEY (organisation_id, attachment_id),
  FOREIGN KEY (organisation_id, attachment_id) REFERENCES attachments (organisation_id, id)
);
-- What was uploaded with what: the portal (resident) or the staff workspace (a member of staff).
ALTER TABLE attachments ADD COLUMN source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'resident', 'import'));
CREATE INDEX attachments_complaint ON attachments (organisation_id, complaint_id, created_at);
