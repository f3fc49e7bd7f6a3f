-- What each cancellation in the cut-over grace period gave back of an order not recorded, per SKU and cancellation
-- number. Two cancellations of the order under different numbers each cancel part of it, so both give back what they
-- ask; the same cancellation sent again under another event id keeps its number and gives back only what it asks
-- beyond what it gave back before. The order's row in order_stock (without an order) holds the sum, and the order,
-- should it arrive, takes that over as before and these rows are deleted. What was given back before this table is
-- counted in order_stock only, as given back by no cancellation named here.
CREATE TABLE grace_period_cancellations (
    order_number        TEXT    NOT NULL,
    sku                 TEXT    NOT NULL,
    cancellation_number TEXT    NOT NULL,
    units               INTEGER NOT NULL CHECK (units > 0),
    PRIMARY KEY (order_number, sku, cancellation_number)
);
