-- Customers erased here. A win notice of a bid made before the erasure (within the win-notice window) or for a bid
-- request still naming the customer afterwards is recorded, since the exchange bills it, but without the customer:
-- under the customer's id it would bring the erased customer's data back and report their clicks and conversions as
-- touchpoints. The id is random and names nobody once the customer's data is gone.
CREATE TABLE erased_customers (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
