-- Inventory schema, replenishment: suppliers, the reorder plan per SKU, purchase orders with their history,
-- perishable stock and the alert conditions beyond low and out of stock.

CREATE TABLE suppliers (
    id              UUID          PRIMARY KEY,
    name            TEXT          NOT NULL,
    lead_time_days  INTEGER       NOT NULL CHECK (lead_time_days > 0),
    minimum_order   INTEGER       NOT NULL CHECK (minimum_order > 0),
    pack_size       INTEGER       NOT NULL CHECK (pack_size > 0),
    unit_cost       NUMERIC(14,4) NOT NULL CHECK (unit_cost > 0),
    currency        CHAR(3)       NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);

-- A SKU may have several suppliers; the planner orders from the one with the shortest lead time.
CREATE TABLE supplier_skus (
    supplier_id  UUID NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    sku          TEXT NOT NULL,
    PRIMARY KEY (supplier_id, sku)
);

CREATE INDEX supplier_skus_sku_idx ON supplier_skus (sku);

-- The last computed reorder plan of a SKU (all warehouses together): what the low-stock alert compares with.
CREATE TABLE replenishment_plans (
    sku               TEXT          PRIMARY KEY,
    supplier_id       UUID          NOT NULL REFERENCES suppliers (id),
    mean_daily_demand DOUBLE PRECISION NOT NULL,
    sd_daily_demand   DOUBLE PRECISION NOT NULL,
    demand_source     TEXT          NOT NULL,
    lead_time_days    INTEGER       NOT NULL,
    safety_stock      INTEGER       NOT NULL CHECK (safety_stock >= 0),
    reorder_point     INTEGER       NOT NULL CHECK (reorder_point >= 0),
    economic_order_quantity INTEGER NOT NULL CHECK (economic_order_quantity >= 0),
    computed_at       TIMESTAMPTZ   NOT NULL
);

CREATE TABLE purchase_orders (
    id                     UUID          PRIMARY KEY,
    supplier_id            UUID          NOT NULL REFERENCES suppliers (id),
    sku                    TEXT          NOT NULL,
    location               TEXT          NOT NULL,
    quantity               INTEGER       NOT NULL CHECK (quantity > 0),
    received_quantity      INTEGER       NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    unit_cost              NUMERIC(14,4) NOT NULL,
    currency               CHAR(3)       NOT NULL,
    total_cost             NUMERIC(16,2) NOT NULL,
    status                 TEXT          NOT NULL
        CHECK (status IN ('SUGGESTED', 'APPROVED', 'ORDERED', 'RECEIVED', 'REJECTED', 'CANCELLED')),
    days_of_cover          DOUBLE PRECISION,
    lead_time_days         INTEGER       NOT NULL,
    -- the finance reservation: the key is fixed before the call so a retry after a crash reuses it
    budget_reservation_key TEXT          NOT NULL UNIQUE,
    budget_reservation_id  UUID,
    -- the reservation was committed (received) or released (cancelled) at finance; false until finance answered
    budget_settled         BOOLEAN       NOT NULL DEFAULT false,
    version                BIGINT        NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL
);

-- at most one open suggestion per SKU, so running the planner twice suggests once
CREATE UNIQUE INDEX purchase_orders_one_suggestion_per_sku ON purchase_orders (sku) WHERE status = 'SUGGESTED';
CREATE INDEX purchase_orders_status_idx ON purchase_orders (status, created_at DESC);
CREATE INDEX purchase_orders_unsettled_idx ON purchase_orders (status)
    WHERE budget_reservation_id IS NOT NULL AND NOT budget_settled;

CREATE TABLE purchase_order_changes (
    purchase_order_id UUID        NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    position          INTEGER     NOT NULL,
    from_status       TEXT,
    to_status         TEXT        NOT NULL,
    actor             TEXT        NOT NULL,
    reason            TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (purchase_order_id, position)
);

-- Perishables: the earliest expiry of the units received since the row last ran empty (null: not perishable).
ALTER TABLE stock_levels ADD COLUMN expires_on DATE;

-- The other alert conditions (overstock, slow moving, expiry risk) hold or not; an alert is raised when one
-- starts to hold, so once per crossing.
CREATE TABLE stock_condition_states (
    sku        TEXT        NOT NULL,
    location   TEXT        NOT NULL,
    condition  TEXT        NOT NULL CHECK (condition IN ('OVERSTOCK', 'SLOW_MOVING', 'EXPIRY_RISK')),
    holds      BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku, location, condition)
);

ALTER TABLE stock_alerts DROP CONSTRAINT stock_alerts_type_check;
ALTER TABLE stock_alerts ADD CONSTRAINT stock_alerts_type_check
    CHECK (type IN ('LOW_STOCK', 'OUT_OF_STOCK', 'OVERSTOCK', 'SLOW_MOVING', 'EXPIRY_RISK'));
