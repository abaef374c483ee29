-- Report measures beyond the TSMs (timeliness, remedies and compensation, hazards, survey): what the facts
-- projection needs for them, and the indexes their queries read.
--
-- facts_version: the shape of StateFacts a row was written under. Rows from before this migration are version
-- 1 and get the new columns and child rows when ensureReportFacts recomputes them from the events at start-up
-- (it recomputes any organisation with a row older than FACTS_VERSION), so no column is left empty.
ALTER TABLE complaint_facts
  ADD COLUMN facts_version                  integer NOT NULL DEFAULT 1,
  ADD COLUMN s1_working_days_to_acknowledge integer,
  ADD COLUMN s2_working_days_to_acknowledge integer,
  ADD COLUMN survey_answered_on             date;

CREATE INDEX complaint_facts_s1_acknowledged ON complaint_facts (organisation_id, s1_acknowledged_on) WHERE s1_acknowledged_on IS NOT NULL;
CREATE INDEX complaint_facts_s2_acknowledged ON complaint_facts (organisation_id, s2_acknowledged_on) WHERE s2_acknowledged_on IS NOT NULL;
CREATE INDEX complaint_facts_refused ON complaint_facts (organisation_id, refused_on) WHERE refused_on IS NOT NULL;
CREATE INDEX complaint_facts_withdrawn ON complaint_facts (organisation_id, withdrawn_on) WHERE withdrawn_on IS NOT NULL;
CREATE INDEX complaint_facts_survey ON complaint_facts (organisation_id, survey_answered_on) WHERE survey_answered_on IS NOT NULL;

-- Each remedy and follow-up action of a complaint, with its own dates: compensation paid in a period and what
-- was overdue at a date are questions about items, not complaints. Rewritten with the facts row.
CREATE TABLE complaint_follow_up_facts (
  organisation_id text     NOT NULL,
  complaint_id    uuid     NOT NULL,
  position        integer  NOT NULL,
  kind            text     NOT NULL CHECK (kind IN ('remedy', 'action')),
  item_id         text     NOT NULL,
  stage           smallint NOT NULL,
  remedy_type     text,
  amount_pence    bigint   NOT NULL DEFAULT 0,
  offered_on      date     NOT NULL,
  due_on          date,
  completed_on    date,
  PRIMARY KEY (organisation_id, complaint_id, position),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaint_facts (organisation_id, complaint_id) ON DELETE CASCADE
);
CREATE INDEX complaint_follow_up_facts_offered ON complaint_follow_up_facts (organisation_id, offered_on);
CREATE INDEX complaint_follow_up_facts_completed ON complaint_follow_up_facts (organisation_id, completed_on) WHERE completed_on IS NOT NULL;
CREATE INDEX complaint_follow_up_facts_due ON complaint_follow_up_facts (organisation_id, due_on) WHERE due_on IS NOT NULL;

-- Each hazard flagged on a complaint, with its clock in hours (the landlord's target and the legal limit).
CREATE TABLE complaint_hazard_facts (
  organisation_id text        NOT NULL,
  complaint_id    uuid        NOT NULL,
  position        integer     NOT NULL,
  severity        text        NOT NULL CHECK (severity IN ('emergency', 'significant')),
  flagged_on      date        NOT NULL,
  flagged_at      timestamptz NOT NULL,
  due             timestamptz NOT NULL,
  legal_limit     timestamptz NOT NULL,
  made_safe_at    timestamptz,
  PRIMARY KEY (organisation_id, complaint_id, position),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaint_facts (organisation_id, complaint_id) ON DELETE CASCADE
);
CREATE INDEX complaint_hazard_facts_flagged ON complaint_hazard_facts (organisation_id, flagged_on);

-- Contacts logged in a period, of every kind (contacts_kind leads with the kind).
CREATE INDEX contacts_logged ON contacts (organisation_id, logged_on);
