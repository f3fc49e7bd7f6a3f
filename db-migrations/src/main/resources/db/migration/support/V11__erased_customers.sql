-- The customers erased here. A profile event of theirs still queued at the erasure, or replayed after it, would
-- otherwise bring back the address the erasure removed, and with it the customer's export. Kept for good, as a replay
-- can come at any time; it records the erasure and is not part of the customer's export.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
