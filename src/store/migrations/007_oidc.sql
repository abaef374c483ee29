-- Organisation accounts (OpenID Connect, e.g. Microsoft Entra ID) linked to staff accounts. An identity is
-- the provider's issuer and its stable subject (`sub`); it is linked on the first sign-in to the one staff
-- account whose email the provider vouches for, and matched on issuer + subject ever after (an email can
-- change; a subject does not). OIDC never creates accounts or grants roles: an administrator adds the user.
CREATE TABLE user_identities (
  organisation_id text        NOT NULL,
  user_id         uuid        NOT NULL,
  issuer          text        NOT NULL,
  subject         text        NOT NULL,
  -- the email the provider vouched for when the identity was linked (for the audit trail)
  linked_email    text        NOT NULL,
  linked_at       timestamptz NOT NULL,
  last_signed_in_at timestamptz NOT NULL,
  -- one identity per provider for an account ...
  PRIMARY KEY (organisation_id, user_id, issuer),
  -- ... and one account for an identity, across every organisation
  UNIQUE (issuer, subject),
  -- removing a user removes the link, so a re-added account links afresh
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
