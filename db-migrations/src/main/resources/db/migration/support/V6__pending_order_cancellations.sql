-- A cancellation names its order only by number and travels under its own key, so it can arrive before the order
-- it cancels. It is kept here until that order is placed and then applied to it; dropping it would leave the order
-- open and returnable, and a return of goods finance already refunded would be refunded a second time.
CREATE TABLE pending_order_cancellations (
    event_id      UUID        PRIMARY KEY,
    order_number  TEXT        NOT NULL,
    refunded      BOOLEAN     NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX pending_order_cancellations_number_idx ON pending_order_cancellations (upper(order_number));

CREATE TABLE pending_order_cancellation_lines (
    event_id    UUID          NOT NULL REFERENCES pending_order_cancellations (event_id) ON DELETE CASCADE,
    line_no     INT           NOT NULL,
    product_id  UUID          NOT NULL,
    sku         TEXT          NOT NULL,
    quantity    INT           NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(16,4) NOT NULL,
    PRIMARY KEY (event_id, line_no)
);
