-- Customers' data export and erasure requests (specification 004 §7.7), coordinated by the supervisor: the request is
-- fanned out on privacy.requests and each service that holds personal data reports back once.
CREATE TABLE privacy_requests (
    id            UUID PRIMARY KEY,
    customer_id   UUID        NOT NULL,
    action        TEXT        NOT NULL CHECK (action IN ('EXPORT', 'ERASURE')),
    status        TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'FAILED')),
    -- the services expected to report, fixed when the request is made
    participants  TEXT[]      NOT NULL,
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    version       BIGINT      NOT NULL
);

CREATE INDEX privacy_requests_customer_idx ON privacy_requests (customer_id, requested_at DESC);
CREATE INDEX privacy_requests_requested_at_idx ON privacy_requests (requested_at DESC);
-- one request of each action in progress per customer: a repeated click does not fan out twice
CREATE UNIQUE INDEX privacy_requests_one_open_idx ON privacy_requests (customer_id, action)
    WHERE status = 'IN_PROGRESS';

-- One row per service that reported; the exported records themselves are kept apart in privacy_export_parts.
CREATE TABLE privacy_request_reports (
    privacy_request UUID        NOT NULL REFERENCES privacy_requests (id) ON DELETE CASCADE,
    participant     TEXT        NOT NULL,
    records         BIGINT      NOT NULL,
    failure         TEXT,
    reported_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (privacy_request, participant)
);

-- What each service exported: personal data itself, so a later erasure of the customer deletes it too.
CREATE TABLE privacy_export_parts (
    id          UUID PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES privacy_requests (id) ON DELETE CASCADE,
    participant TEXT        NOT NULL,
    data        TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    UNIQUE (request_id, participant)
);

-- The request's audit trail: who asked, each report, completion. Append-only.
CREATE TABLE privacy_request_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES privacy_requests (id),
    event       TEXT        NOT NULL,
    participant TEXT,
    actor       TEXT,
    detail      TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX privacy_request_events_request_idx ON privacy_request_events (request_id, id);
