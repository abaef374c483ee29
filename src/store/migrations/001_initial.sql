-- Redress: the system of record. Every table carries organisation_id (one deployment serves many landlords),
-- and keys are (organisation_id, id) so the schema can later be sharded by organisation.

-- Policy pack versions in force anywhere: a complaint is measured against the exact version it pinned,
-- so the pack's content is kept here and never changes once stored.
CREATE TABLE policy_pack_versions (
  pack_id     text        NOT NULL,
  version     text        NOT NULL,
  content     jsonb       NOT NULL,
  stored_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pack_id, version)
);

CREATE TABLE organisations (
  id              text        PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  name            text        NOT NULL,
  reference_prefix text       NOT NULL CHECK (reference_prefix ~ '^[A-Z0-9]+$'),
  pack_id         text        NOT NULL,
  pack_version    text        NOT NULL,
  homes_lcra      integer     NOT NULL DEFAULT 0 CHECK (homes_lcra >= 0),
  homes_lcho      integer     NOT NULL DEFAULT 0 CHECK (homes_lcho >= 0),
  -- [{ "date": "YYYY-MM-DD", "reason": "..." }]: declared closure days (flagged: the Code does not provide for them)
  closures        jsonb       NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (pack_id, pack_version) REFERENCES policy_pack_versions (pack_id, version)
);

CREATE TABLE users (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              uuid        NOT NULL,
  email           text        NOT NULL,
  name            text        NOT NULL,
  role            text        NOT NULL CHECK (role IN ('agent', 'handler', 'reviewer', 'complaints-team', 'executive', 'admin')),
  password_hash   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, email)
);

CREATE TABLE residents (
  organisation_id     text        NOT NULL REFERENCES organisations (id),
  id                  uuid        NOT NULL,
  name                text        NOT NULL,
  email               text,
  phone               text,
  address             text,
  postcode            text,
  -- e.g. { "noPhoneCalls": true, "letters": "large-print", "language": "en" }
  contact_preferences jsonb       NOT NULL DEFAULT '{}',
  -- reasonable adjustments agreed and vulnerabilities disclosed (Code 5.10), with review dates
  adjustments         jsonb       NOT NULL DEFAULT '[]',
  vulnerabilities     jsonb       NOT NULL DEFAULT '[]',
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id)
);

CREATE TABLE representatives (
  organisation_id    text        NOT NULL,
  id                 uuid        NOT NULL,
  resident_id        uuid        NOT NULL,
  name               text        NOT NULL,
  email              text,
  phone              text,
  relationship       text,
  -- how authority was given (e.g. "in writing", "consent form"), when, and where the evidence is kept
  authority          text        NOT NULL,
  authority_given_on date,
  authority_evidence text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, resident_id) REFERENCES residents (organisation_id, id)
);

-- Gap-free, human-friendly complaint references per organisation and year (BCHG-2026-000123).
CREATE TABLE reference_counters (
  organisation_id text    NOT NULL REFERENCES organisations (id),
  year            integer NOT NULL,
  last_number     integer NOT NULL,
  PRIMARY KEY (organisation_id, year)
);

-- The complaints projection: rebuilt from complaint_events at any time (redress db rebuild-projections).
CREATE TABLE complaints (
  organisation_id   text        NOT NULL REFERENCES organisations (id),
  id                uuid        NOT NULL,
  reference         text        NOT NULL,
  external_ref      text,
  resident_id       uuid,
  representative_id uuid,
  channel           text,
  category          text,
  description       text,
  received_on       date        NOT NULL,
  stage             smallint    NOT NULL CHECK (stage IN (1, 2)),
  status            text        NOT NULL,
  handler_stage1    text,
  handler_stage2    text,
  hazard            boolean     NOT NULL DEFAULT false,
  pack_id           text        NOT NULL,
  pack_version      text        NOT NULL,
  calendar_id       text        NOT NULL,
  -- the earliest open clock: what dashboards sort and filter by
  next_clock        text,
  next_due          date,
  next_code_limit   date,
  -- every clock, in the `redress simulate` shape
  clocks            jsonb       NOT NULL DEFAULT '{}',
  findings          jsonb       NOT NULL DEFAULT '[]',
  version           integer     NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, resident_id) REFERENCES residents (organisation_id, id),
  FOREIGN KEY (organisation_id, representative_id) REFERENCES representatives (organisation_id, id)
);
CREATE UNIQUE INDEX complaints_external_ref ON complaints (organisation_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX complaints_due ON complaints (organisation_id, next_due) WHERE next_due IS NOT NULL;
CREATE INDEX complaints_status ON complaints (organisation_id, status, stage);
CREATE INDEX complaints_handler1 ON complaints (organisation_id, handler_stage1, next_due);
CREATE INDEX complaints_handler2 ON complaints (organisation_id, handler_stage2, next_due);
CREATE INDEX complaints_category ON complaints (organisation_id, category);
CREATE INDEX complaints_hazard ON complaints (organisation_id) WHERE hazard;

-- The audit trail: append-only. (organisation_id, complaint_id, seq) gives optimistic concurrency.
CREATE TABLE complaint_events (
  organisation_id text        NOT NULL,
  complaint_id    uuid        NOT NULL,
  seq             integer     NOT NULL CHECK (seq >= 1),
  type            text        NOT NULL,
  occurred_on     date        NOT NULL,
  payload         jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  recorded_by     text,
  PRIMARY KEY (organisation_id, complaint_id, seq)
);

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER complaint_events_append_only
  BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER complaint_events_no_truncate
  BEFORE TRUNCATE ON complaint_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- Contacts: service requests, feedback, compliments and complaints before logging (Code 1.3–1.5).
CREATE TABLE contacts (
  organisation_id  text        NOT NULL REFERENCES organisations (id),
  id               uuid        NOT NULL,
  kind             text        NOT NULL CHECK (kind IN ('complaint', 'service-request', 'feedback', 'compliment')),
  channel          text        NOT NULL,
  resident_id      uuid,
  summary          text        NOT NULL,
  logged_on        date        NOT NULL,
  status           text        NOT NULL,
  complaint_refs   text[]      NOT NULL DEFAULT '{}',
  events           jsonb       NOT NULL,
  version          integer     NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, resident_id) REFERENCES residents (organisation_id, id)
);
CREATE INDEX contacts_kind ON contacts (organisation_id, kind, logged_on);

CREATE TABLE attachments (
  organisation_id text        NOT NULL,
  id              uuid        NOT NULL,
  complaint_id    uuid        NOT NULL,
  file_name       text        NOT NULL,
  content_type    text        NOT NULL,
  size_bytes      bigint      NOT NULL CHECK (size_bytes >= 0),
  storage_key     text        NOT NULL,
  uploaded_by     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
);

-- Messages written in the business transaction and delivered by the worker at least once.
CREATE TABLE outbox (
  organisation_id text        NOT NULL,
  id              bigserial   NOT NULL,
  idempotency_key text        NOT NULL,
  kind            text        NOT NULL,
  payload         jsonb       NOT NULL,
  status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, idempotency_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';

-- Calendar changes (a bank holiday added, a closure declared) and the complaints they moved.
CREATE TABLE calendar_changes (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              bigserial   NOT NULL,
  description     text        NOT NULL,
  old_calendar_id text        NOT NULL,
  new_calendar_id text        NOT NULL,
  complaints_recomputed integer NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  changed_by      text,
  PRIMARY KEY (organisation_id, id)
);

-- Messages the worker has handed over (the "sent mail" record until an SMTP server is configured).
CREATE TABLE delivered_messages (
  organisation_id text        NOT NULL,
  idempotency_key text        NOT NULL,
  kind            text        NOT NULL,
  payload         jsonb       NOT NULL,
  delivered_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, idempotency_key)
);
