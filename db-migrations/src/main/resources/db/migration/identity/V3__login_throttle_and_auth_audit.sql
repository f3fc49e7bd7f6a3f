-- Per-account sign-in protection, on top of the gateway's per-IP rate limit. Keyed by the lower-cased email as
-- typed, whether or not such an account exists, so a lockout answer does not reveal which emails are registered.
CREATE TABLE login_throttle (
    account           TEXT        PRIMARY KEY,
    -- failed attempts since window_started_at; reset when the window has passed, on a lockout and on success
    failures          INTEGER     NOT NULL,
    window_started_at TIMESTAMPTZ NOT NULL,
    -- lockouts since the last successful sign-in: each one lasts twice as long as the one before
    lockouts          INTEGER     NOT NULL DEFAULT 0,
    locked_until      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- rows quiet for longer than any window or lockout are pruned, so guessed emails do not pile up
CREATE INDEX login_throttle_updated_at_idx ON login_throttle (updated_at);

-- Who signed in, failed, was locked out, refreshed a session or had their role changed, and from where.
CREATE TABLE auth_events (
    id          UUID        PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    type        TEXT        NOT NULL
        CONSTRAINT auth_events_type_check CHECK (type IN (
            'REGISTERED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'LOGIN_REFUSED_LOCKED',
            'TOKEN_REFRESHED', 'REFRESH_REJECTED', 'CLIENT_TOKEN_ISSUED', 'CLIENT_TOKEN_REFUSED',
            'USER_CREATED', 'ROLE_CHANGED')),
    -- the account the event is about; null when the email matches no account
    user_id     UUID,
    -- the email as typed (sign-in) or the account's email
    email       TEXT,
    -- who acted, when it is someone else than the account: the admin who created a user or changed a role
    actor_id    TEXT,
    client_ip   TEXT,
    detail      TEXT
);

CREATE INDEX auth_events_occurred_at_idx ON auth_events (occurred_at DESC);
CREATE INDEX auth_events_email_idx ON auth_events (lower(email), occurred_at DESC);
CREATE INDEX auth_events_user_idx ON auth_events (user_id, occurred_at DESC);
