-- Inventory schema, first part: stock per SKU and location, checkout reservations, stock alerts.
-- Numbered after common/V1 (the messaging tables), which Flyway runs in the same schema.

-- One row per SKU and warehouse. available = on_hand - reserved - allocated, never below zero: the checks
-- are the last guard behind the services' conditional updates and row locks.
CREATE TABLE stock_levels (
    id           UUID        PRIMARY KEY,
    sku          TEXT        NOT NULL,
    location     TEXT        NOT NULL,
    on_hand      INTEGER     NOT NULL DEFAULT 0,
    reserved     INTEGER     NOT NULL DEFAULT 0,
    allocated    INTEGER     NOT NULL DEFAULT 0,
    in_transit   INTEGER     NOT NULL DEFAULT 0,
    -- units ordered that were not on hand: owed to customers, never a negative on_hand
    backordered  INTEGER     NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT stock_levels_sku_location_key UNIQUE (sku, location),
    CONSTRAINT stock_levels_counts_not_negative
        CHECK (on_hand >= 0 AND reserved >= 0 AND allocated >= 0 AND in_transit >= 0 AND backordered >= 0),
    CONSTRAINT stock_levels_commitments_within_on_hand CHECK (reserved + allocated <= on_hand)
);

-- Units held for a checkout. While ACTIVE its quantity is counted in stock_levels.reserved; it ends
-- RELEASED (by the caller), EXPIRED (its time ran out) or COMMITTED (the customer's order took it).
CREATE TABLE stock_reservations (
    id           UUID        PRIMARY KEY,
    sku          TEXT        NOT NULL,
    location     TEXT        NOT NULL,
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    customer_id  UUID,
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'COMMITTED')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ
);

CREATE INDEX stock_reservations_active_expiry_idx ON stock_reservations (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX stock_reservations_active_customer_idx
    ON stock_reservations (customer_id, sku, created_at) WHERE status = 'ACTIVE';

-- The level each SKU and location was last seen at, so an alert is raised once per crossing.
CREATE TABLE stock_alert_states (
    sku          TEXT        NOT NULL,
    location     TEXT        NOT NULL,
    level        TEXT        NOT NULL CHECK (level IN ('NORMAL', 'LOW_STOCK', 'OUT_OF_STOCK')),
    changed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku, location)
);

CREATE TABLE stock_alerts (
    id               UUID        PRIMARY KEY,
    sku              TEXT        NOT NULL,
    location         TEXT        NOT NULL,
    type             TEXT        NOT NULL CHECK (type IN ('LOW_STOCK', 'OUT_OF_STOCK')),
    available        INTEGER     NOT NULL,
    reorder_point    INTEGER     NOT NULL,
    suggested_action TEXT        NOT NULL,
    raised_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX stock_alerts_raised_at_idx ON stock_alerts (raised_at DESC, id);
CREATE INDEX stock_alerts_sku_idx ON stock_alerts (sku, raised_at DESC);
