-- Customers erased here, with the pseudonym their erasure gave their ledger entries, attributions and touchpoints.
-- Their order events read after the erasure (the back office cancelling an order still open, a return received, an
-- event replayed) still move money, booked under that pseudonym so an order's revenue and its refunds stay together
-- and net out as before; their behaviours and touchpoints read after it are not recorded, and neither id is given a
-- segment. The audit trail records the pseudonymisation with both ids, so keeping them together here links nothing
-- more; the customer's id names nobody once every service has erased the customer. Kept for good, as a replay can come
-- at any time. The pseudonym is set in the erasure's transaction, right after the row is inserted.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL,
    pseudonym   UUID        UNIQUE
);
