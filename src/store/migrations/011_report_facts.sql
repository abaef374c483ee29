-- What reports count, one row per complaint, kept beside the complaints projection and written with it in the
-- same transaction (the live path, rebuilds and calendar changes all go through saveComplaintProjection), so a
-- report reads indexed columns and never re-folds events. Labels that triage can change (category, tenure)
-- stay on the complaints row and are joined.
CREATE TABLE complaint_facts (
  organisation_id            text     NOT NULL,
  complaint_id               uuid     NOT NULL,
  received_on                date     NOT NULL,
  status                     text     NOT NULL,
  s1_started_on              date     NOT NULL,
  s1_acknowledged_on         date,
  s1_acknowledgement_due     date     NOT NULL,
  s1_acknowledgement_limit   date     NOT NULL,
  s1_responded_on            date,
  s1_response_due            date,
  s1_response_limit          date,
  s1_response_limit_base     date,
  s1_extended_days           integer  NOT NULL DEFAULT 0,
  s1_outcome                 text,
  s1_handler                 text,
  s1_working_days_to_respond integer,
  s2_started_on              date,
  s2_acknowledged_on         date,
  s2_acknowledgement_due     date,
  s2_acknowledgement_limit   date,
  s2_responded_on            date,
  s2_response_due            date,
  s2_response_limit          date,
  s2_response_limit_base     date,
  s2_extended_days           integer,
  s2_outcome                 text,
  s2_handler                 text,
  s2_working_days_to_respond integer,
  refused_stage              smallint,
  refusal_ground             text,
  refused_on                 date,
  withdrawn_stage            smallint,
  withdrawn_on               date,
  closed_on                  date,
  remedies                   integer  NOT NULL DEFAULT 0,
  remedies_outstanding       integer  NOT NULL DEFAULT 0,
  compensation_pence         bigint   NOT NULL DEFAULT 0,
  actions_outstanding        integer  NOT NULL DEFAULT 0,
  earliest_action_due        date,
  hazards                    integer  NOT NULL DEFAULT 0,
  satisfaction               smallint,
  ombudsman_referred_on      date,
  learning                   jsonb    NOT NULL DEFAULT '[]',
  PRIMARY KEY (organisation_id, complaint_id),
  FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
);
CREATE INDEX complaint_facts_s1_started ON complaint_facts (organisation_id, s1_started_on);
CREATE INDEX complaint_facts_s2_started ON complaint_facts (organisation_id, s2_started_on) WHERE s2_started_on IS NOT NULL;
CREATE INDEX complaint_facts_s1_responded ON complaint_facts (organisation_id, s1_responded_on) WHERE s1_responded_on IS NOT NULL;
CREATE INDEX complaint_facts_s2_responded ON complaint_facts (organisation_id, s2_responded_on) WHERE s2_responded_on IS NOT NULL;

-- Which stock the complaint's home is in, for TSM CH01 (low cost rental or low cost home ownership).
ALTER TABLE complaints ADD COLUMN tenure text NOT NULL DEFAULT 'lcra' CHECK (tenure IN ('lcra', 'lcho'));
