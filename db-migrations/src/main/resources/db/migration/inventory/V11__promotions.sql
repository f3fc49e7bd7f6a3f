-- A planned price promotion of a SKU: the discount and the days it runs, with who planned it and why. Never
-- deleted: a cancelled promotion keeps who cancelled it, when and why, and past promotions are what the agent
-- measures a SKU's response to a discount on.
CREATE TABLE promotions (
    id               UUID          PRIMARY KEY,
    sku              TEXT          NOT NULL,
    discount_percent NUMERIC(5, 2) NOT NULL CHECK (discount_percent > 0 AND discount_percent <= 90),
    starts_on        DATE          NOT NULL,
    ends_on          DATE          NOT NULL CHECK (ends_on > starts_on),
    created_by       TEXT          NOT NULL,
    reason           TEXT          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    cancelled_by     TEXT,
    cancelled_at     TIMESTAMPTZ,
    cancel_reason    TEXT
);

CREATE INDEX promotions_sku_idx ON promotions (sku, starts_on);
