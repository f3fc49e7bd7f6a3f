-- The pseudonym under which an erased customer's checkouts hold their active reservations: their order, which may
-- still name them (sent before the erasure reached the storefront), takes those reservations through it, and a
-- reservation made for them afterwards joins them under it. A pseudonym of its own, not the one the erasure gives
-- their orders (their closed reservations keep no customer), so this link re-identifies nothing else. It is set only while such a
-- reservation is active: the pending cancellations' purge clears it once none is, as nothing but that checkout's
-- order needs it.
ALTER TABLE erased_customers ADD COLUMN checkout_pseudonym UUID UNIQUE;

CREATE INDEX erased_customers_checkout_pseudonym_idx ON erased_customers (customer_id)
    WHERE checkout_pseudonym IS NOT NULL;
