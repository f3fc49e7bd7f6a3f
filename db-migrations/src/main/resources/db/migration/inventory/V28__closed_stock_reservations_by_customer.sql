-- The checkout-pseudonym purge clears the customer of every closed reservation under a forgotten pseudonym; the
-- customer index of V2 holds active reservations only, so each of those updates read all closed ones.
CREATE INDEX stock_reservations_closed_customer_idx ON stock_reservations (customer_id) WHERE status <> 'ACTIVE';
