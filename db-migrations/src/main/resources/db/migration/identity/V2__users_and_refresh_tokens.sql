-- Identity owned by the gateway: people who sign in, and the refresh tokens that keep them signed in.

CREATE TABLE users (
    id            UUID        PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    first_name    TEXT        NOT NULL,
    last_name     TEXT        NOT NULL,
    role          TEXT        NOT NULL
        CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'MARKETING_MANAGER', 'SUPPORT_AGENT', 'CUSTOMER')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Email addresses are unique regardless of case; the index also serves the login lookup.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- Only a SHA-256 of each refresh token is kept, so a leaked table cannot be replayed.
-- Tokens issued from one login form a family: reusing a rotated token revokes the whole family.
CREATE TABLE refresh_tokens (
    id          UUID        PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ,
    replaced_by UUID
);

CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
