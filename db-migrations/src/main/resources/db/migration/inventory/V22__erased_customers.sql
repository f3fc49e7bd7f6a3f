-- Customers erased here. Their orders and credit notes still queued when the erasure ran, or read again later (a
-- consumer group new to a topic reads it from the start), still move stock, which is the store's, but record what they
-- took and gave back under no customer: under the customer's id they would bring the erased customer's data back. The
-- id is random and names nobody once the customer's data is gone.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
