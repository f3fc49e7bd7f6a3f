-- What a credit note naming no order, in the cut-over grace period, gave back beyond what its customer's recorded
-- orders (placed by its time) held, per SKU: those units may belong to an order applied before order_stock began,
-- but also to an order of the customer placed before the credit note and read after it. Such an order, when it
-- arrives, takes this over up to what it took, counting those units as given back already, as if the credit note had
-- been read after it; so a later cancellation of it cannot give the same units back again. Only credit notes in the
-- grace period add rows, so the table stops growing once it has passed.
CREATE TABLE grace_period_credit_notes (
    event_id    UUID        NOT NULL,
    sku         TEXT        NOT NULL,
    customer_id UUID        NOT NULL,
    credited_at TIMESTAMPTZ NOT NULL,
    units       INTEGER     NOT NULL CHECK (units > 0),
    PRIMARY KEY (event_id, sku)
);

CREATE INDEX grace_period_credit_notes_customer_idx ON grace_period_credit_notes (customer_id, sku, credited_at);
