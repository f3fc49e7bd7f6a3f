-- A person's override of a SKU's expected daily demand, with who and why, for a bounded time. Never deleted: a
-- revoked override keeps who revoked it, when and why, so the table is its own audit trail.
CREATE TABLE forecast_overrides (
    id            UUID             PRIMARY KEY,
    sku           TEXT             NOT NULL,
    daily_units   DOUBLE PRECISION NOT NULL CHECK (daily_units >= 0),
    valid_from    DATE             NOT NULL,
    valid_until   DATE             NOT NULL CHECK (valid_until > valid_from),
    created_by    TEXT             NOT NULL,
    reason        TEXT             NOT NULL,
    created_at    TIMESTAMPTZ      NOT NULL,
    revoked_by    TEXT,
    revoked_at    TIMESTAMPTZ,
    revoke_reason TEXT
);

CREATE INDEX forecast_overrides_sku_idx ON forecast_overrides (sku, valid_from);
