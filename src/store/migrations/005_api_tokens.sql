-- Tokens for systems that use the JSON API (/api/v1), e.g. a housing management system. Each acts for one
-- organisation with one staff role. Only a SHA-256 hash of the token is kept: tokens are long random secrets
-- (not passwords a person chose), so a fast hash is enough and a lookup by hash finds the token.
CREATE TABLE api_tokens (
  organisation_id text        NOT NULL REFERENCES organisations (id),
  id              uuid        NOT NULL,
  -- who or what uses it, e.g. "housing-system"; events it records are by "api:<name>"
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role            text        NOT NULL CHECK (role IN ('agent', 'handler', 'reviewer', 'complaints-team', 'executive', 'admin')),
  token_hash      text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at      timestamptz NOT NULL,
  last_used_at    timestamptz,
  revoked_at      timestamptz,
  PRIMARY KEY (organisation_id, id)
);
