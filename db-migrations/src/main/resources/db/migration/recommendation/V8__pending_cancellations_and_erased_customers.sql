-- A cancellation names its order only by number and travels under its own key, so it can be read before the order
-- it cancels. Its lines are kept here until that order's purchases are recorded and then taken back from them;
-- dropped, the cancelled products would stay learned from and filtered out as bought. A cancellation whose order
-- never arrives is forgotten after a retention, oldest first.
CREATE TABLE pending_cancellations (
    event_id     UUID        NOT NULL,
    line_no      INTEGER     NOT NULL,
    order_number TEXT        NOT NULL,
    product_id   UUID        NOT NULL,
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    occurred_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, line_no)
);

CREATE INDEX pending_cancellations_number_idx ON pending_cancellations (upper(order_number));
CREATE INDEX pending_cancellations_received_idx ON pending_cancellations (received_at);

-- Customers erased here. Their events still queued when the erasure ran, or replayed later, are read after it and
-- must not record them again. The id is random and names nobody once the customer's data is gone (the privacy
-- coordinator keeps it with the erasure request for the same reason).
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
