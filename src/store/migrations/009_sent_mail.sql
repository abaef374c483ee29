-- The sent mail: what each outbox message became when the worker handed it over. A row is written once per
-- message (the outbox's idempotency key), after the mail server accepted it, so a worker that finds the row
-- knows the message already went out. `outcome`:
--   sent   accepted by the SMTP server
--   kept   composed and kept here, not sent: no SMTP server is configured (the embedded default)
--   print  a letter (or notice) for a resident who asked for post or large print, or has no email address:
--          it waits in the print queue until staff mark it posted
-- Rows written before this migration (the raw record of the message) keep their payload and read as 'kept'.
ALTER TABLE delivered_messages
  ADD COLUMN outcome      text        NOT NULL DEFAULT 'kept' CHECK (outcome IN ('sent', 'kept', 'print')),
  -- the Message-ID header, derived from the idempotency key, so a resend is recognisable as the same message
  ADD COLUMN message_id   text,
  ADD COLUMN mail_from    text,
  -- [{ "name": ..., "email": ... }] for email; [{ "name": ..., "addressLines": [...] }] for the print queue
  ADD COLUMN recipients   jsonb       NOT NULL DEFAULT '[]',
  ADD COLUMN subject      text,
  ADD COLUMN body_text    text,
  ADD COLUMN body_html    text,
  -- [{ "fileName": ..., "contentType": ..., "size": ... }]: names and sizes only, never the bytes
  ADD COLUMN attachments  jsonb       NOT NULL DEFAULT '[]',
  -- what staff should know: a handler who is not a user, a recipient the server refused, why it was printed
  ADD COLUMN notes        jsonb       NOT NULL DEFAULT '[]',
  -- for the print queue: 'post' or 'large-print'
  ADD COLUMN print_format text        CHECK (print_format IN ('post', 'large-print')),
  ADD COLUMN posted_at    timestamptz,
  ADD COLUMN posted_by    text;

CREATE INDEX delivered_messages_print_queue ON delivered_messages (organisation_id, delivered_at)
  WHERE outcome = 'print' AND posted_at IS NULL;
