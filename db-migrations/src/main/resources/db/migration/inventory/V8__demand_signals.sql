-- Real-time demand signals: product views and units put in carts per product and hour, which adjust the
-- near-term forecast and reorder points between daily runs. Kept by product because the storefront's behaviour
-- events name products; product_skus, fed by the product feed, says which SKU each product is, so a view that
-- arrives before its product counts once the product is known.
CREATE TABLE product_skus (
    product_id  UUID        PRIMARY KEY,
    sku         TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX product_skus_sku_idx ON product_skus (sku);

CREATE TABLE demand_signals (
    product_id  UUID        NOT NULL,
    hour        TIMESTAMPTZ NOT NULL,
    views       INTEGER     NOT NULL DEFAULT 0 CHECK (views >= 0),
    cart_units  INTEGER     NOT NULL DEFAULT 0 CHECK (cart_units >= 0),
    PRIMARY KEY (product_id, hour)
);

-- since when signals are collected (the oldest hour kept), and the hourly purge of hours no window reads
CREATE INDEX demand_signals_hour_idx ON demand_signals (hour);
