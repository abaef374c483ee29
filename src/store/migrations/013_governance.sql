-- Governance: learning from complaints, "you said, we did", Ombudsman findings, the Code self-assessment and
-- the annual complaints performance and service improvement report (Code 8.1, 8.2, 9.1-9.7).

-- What is done about each lesson recorded at a response. A lesson is line `lesson_index` (from 0) of the
-- `learning` of the `responded` event `event_seq` of a complaint; the event log is append-only, so that key
-- never moves. A lesson with no row here has had nothing recorded about it yet.
CREATE TABLE lesson_actions (
  organisation_id  text        NOT NULL,
  complaint_id     uuid        NOT NULL,
  event_seq        integer     NOT NULL CHECK (event_seq >= 1),
  lesson_index     integer     NOT NULL CHECK (lesson_index >= 0),
  -- tags, so systemic issues show across complaints: ["repairs", "communication"]
  themes           jsonb       NOT NULL DEFAULT '[]',
  status           text        NOT NULL CHECK (status IN ('planned', 'done', 'no-action')),
  action           text,
  owner            text,
  due_on           date,
  done_on          date,
  -- a follow-up action of the same complaint (its id in the responded event) that carries the lesson out
  linked_action_id text,
  updated_by       text        NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, complaint_id, event_seq, lesson_index),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
);
-- The learning log reads lessons straight from the responses that recorded them.
CREATE INDEX complaint_events_responded ON complaint_events (organisation_id, occurred_on) WHERE type = 'responded';

-- "You said, we did": what residents told us and what we changed, for the landlord's website (Code 9.3).
-- Only approved entries are published; editing an approved entry takes it back to a draft.
CREATE TABLE you_said_we_did (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              uuid        NOT NULL,
  you_said        text        NOT NULL,
  we_did          text        NOT NULL,
  themes          jsonb       NOT NULL DEFAULT '[]',
  -- when the change was made (the reporting year it counts in, 8.1 d); required before approval
  changed_on      date,
  -- the lessons it was drafted from: [{ "complaintId", "eventSeq", "lessonIndex" }] (never published)
  lessons         jsonb       NOT NULL DEFAULT '[]',
  status          text        NOT NULL CHECK (status IN ('draft', 'approved', 'withdrawn')),
  approved_by     text,
  approved_at     timestamptz,
  version         integer     NOT NULL DEFAULT 1,
  created_by      text        NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_by      text        NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX you_said_we_did_status ON you_said_we_did (organisation_id, status, changed_on);

-- Housing Ombudsman determinations and Complaint Handling Failure Orders against the landlord (8.1 c, 9.7).
CREATE TABLE ombudsman_cases (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              uuid        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('determination', 'complaint-handling-failure-order')),
  hos_reference   text        NOT NULL,
  complaint_id    uuid,
  decided_on      date        NOT NULL,
  summary         text,
  -- per element: [{ "element": "...", "finding": "maladministration", "complaintHandling": true }]
  findings        jsonb       NOT NULL DEFAULT '[]',
  recorded_by     text        NOT NULL,
  recorded_at     timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, kind, hos_reference),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
);
CREATE INDEX ombudsman_cases_decided ON ombudsman_cases (organisation_id, decided_on);

-- Orders and recommendations the Ombudsman made, and whether and when the landlord complied.
CREATE TABLE ombudsman_orders (
  organisation_id text        NOT NULL,
  id              uuid        NOT NULL,
  case_id         uuid        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('order', 'recommendation')),
  description     text        NOT NULL,
  due_on          date,
  complied_on     date,
  compliance_note text,
  recorded_by     text        NOT NULL,
  recorded_at     timestamptz NOT NULL,
  complied_recorded_by text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES ombudsman_cases (organisation_id, id),
  CHECK (kind = 'recommendation' OR due_on IS NOT NULL)
);
CREATE INDEX ombudsman_orders_outstanding ON ombudsman_orders (organisation_id, due_on) WHERE complied_on IS NULL;

-- The Ombudsman's annual letter or performance report about the landlord, and its other reports or
-- publications about it (8.1 e, f).
CREATE TABLE ombudsman_publications (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              uuid        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('annual-letter', 'report')),
  title           text        NOT NULL,
  published_on    date        NOT NULL,
  summary         text,
  link            text,
  recorded_by     text        NOT NULL,
  recorded_at     timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);

-- The Code self-assessment, per reporting year (1 April of reporting_year), versioned: every save is a new
-- version and the earlier ones are kept. `prefilled` keeps the evidence Redress showed with that version.
CREATE TABLE self_assessment_versions (
  organisation_id        text        NOT NULL REFERENCES organisations (id),
  reporting_year         integer     NOT NULL,
  version                integer     NOT NULL CHECK (version >= 1),
  provisions             text        NOT NULL,
  -- by row id: { "6.2": { "comply": "yes", "evidence": "...", "commentary": "...", ... } }
  answers                jsonb       NOT NULL,
  prefilled              jsonb       NOT NULL DEFAULT '{}',
  change                 text        NOT NULL,
  saved_by               text        NOT NULL,
  saved_at               timestamptz NOT NULL,
  approved_on            date,
  approved_by_body       text,
  approval_recorded_by   text,
  approval_recorded_at   timestamptz,
  PRIMARY KEY (organisation_id, reporting_year, version)
);

-- The annual complaints performance and service improvement report (8.1), as issued to the governing body:
-- each issue keeps what the report said, and the governing body's response to it (8.2) is kept with it.
CREATE TABLE annual_report_versions (
  organisation_id        text        NOT NULL REFERENCES organisations (id),
  reporting_year         integer     NOT NULL,
  version                integer     NOT NULL CHECK (version >= 1),
  content                jsonb       NOT NULL,
  issued_by              text        NOT NULL,
  issued_at              timestamptz NOT NULL,
  response               text,
  response_body          text,
  response_given_on      date,
  response_recorded_by   text,
  response_recorded_at   timestamptz,
  PRIMARY KEY (organisation_id, reporting_year, version)
);
