-- The addresses the shop has known each customer by, from commerce.customers. Mail arrives from an address, not a
-- customer, so an erasure or export of a customer finds the conversations they mailed through these. Every address
-- a customer has had is kept: the mails sent from an old one are theirs as much as those from the new one.
CREATE TABLE customer_addresses (
    customer_id  UUID        NOT NULL,
    email        TEXT        NOT NULL CHECK (email = lower(email)),
    first_seen   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, email)
);

-- An erased customer's orders lose their customer id but are no guest orders: a task naming a customer is shown a
-- guest order, and must not be shown (or return goods of) an order of a customer who asked to be forgotten.
ALTER TABLE orders ADD COLUMN customer_erased BOOLEAN NOT NULL DEFAULT false;
