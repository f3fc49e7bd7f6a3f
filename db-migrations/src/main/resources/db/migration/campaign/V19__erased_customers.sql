-- Customers erased here. Their events still queued when the erasure ran, or replayed later (a consumer group new to
-- a topic reads it from the start), are read after it and must not bring the customer back into the read model or
-- enrol them. The id is random and names nobody once the customer's data is gone.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
