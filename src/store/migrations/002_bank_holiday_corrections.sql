-- Bank-holiday corrections an organisation's calendar applies on top of the bundled GOV.UK snapshot:
-- a one-off holiday announced after the snapshot was taken, or one moved by proclamation. Unlike closure
-- days, these are real bank holidays, so they move the Code's limits too.
ALTER TABLE organisations
  ADD COLUMN bank_holidays_added jsonb NOT NULL DEFAULT '[]',   -- [{ "date": "YYYY-MM-DD", "name": "..." }]
  ADD COLUMN bank_holidays_removed jsonb NOT NULL DEFAULT '[]'; -- ["YYYY-MM-DD"]
