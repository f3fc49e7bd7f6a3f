-- What each storefront order took of each SKU, and how much of that its cancellations have given back. A cancellation
-- gives back at most what its order took and has not given back yet, so one of an order never applied here, or for
-- more than the order took, cannot add stock that never left. Order numbers are kept stripped and upper-cased.
CREATE TABLE order_stock (
    order_number TEXT        NOT NULL,
    sku          TEXT        NOT NULL,
    order_id     UUID        NOT NULL,
    customer_id  UUID,
    placed_at    TIMESTAMPTZ NOT NULL,
    units        INTEGER     NOT NULL CHECK (units > 0),
    released     INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (order_number, sku),
    CHECK (released BETWEEN 0 AND units)
);

-- a cancellation that names no order is taken from the customer's orders holding its SKUs
CREATE INDEX order_stock_customer_idx ON order_stock (customer_id, sku) WHERE customer_id IS NOT NULL;

-- A cancellation travels under its own key, so it can be read before the order it names. It is kept here, per SKU,
-- changing no stock, and given back from that order when the order is applied.
CREATE TABLE pending_order_cancellations (
    event_id            UUID        NOT NULL,
    sku                 TEXT        NOT NULL,
    order_number        TEXT        NOT NULL,
    cancellation_number TEXT        NOT NULL,
    units               INTEGER     NOT NULL CHECK (units > 0),
    occurred_at         TIMESTAMPTZ NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, sku)
);

CREATE INDEX pending_order_cancellations_number_idx ON pending_order_cancellations (order_number);

-- the purge of cancellations whose order never arrived goes through them oldest first
CREATE INDEX pending_order_cancellations_received_idx ON pending_order_cancellations (received_at);

-- Orders applied before this migration took stock that nothing recorded per order (stock changes are kept per SKU and
-- day only), so order_stock cannot be filled for them. A cancellation that occurred before this moment may answer
-- such an order: it gives back what it asks, as cancellations always did, instead of waiting for an order that was
-- applied long ago.
CREATE TABLE order_stock_cut_over (
    one   BOOLEAN     PRIMARY KEY DEFAULT true CHECK (one),
    since TIMESTAMPTZ NOT NULL
);
INSERT INTO order_stock_cut_over (since) VALUES (now());
