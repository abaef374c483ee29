-- Staff sign-in sessions. The cookie holds only the random id; everything else stays here, so signing out
-- (or an administrator removing a user) ends the session at once.
CREATE TABLE sessions (
  id              text        PRIMARY KEY,
  organisation_id text        NOT NULL,
  user_id         uuid        NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
