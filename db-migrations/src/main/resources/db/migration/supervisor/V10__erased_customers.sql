-- Customers erased here. A task or storefront event naming one of them that comes in during or after the erasure
-- (a desk screen still showing the customer, a late storefront resend) would otherwise be stored and dispatched in
-- full after the erasure blanked the rest. Kept for good, as such a request can come at any time; the id is random
-- and names nobody once the customer's data is gone.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
