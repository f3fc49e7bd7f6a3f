-- A reservation released, expired or taken by its order names the customer who checked out and is read only by its
-- id; the pending cancellations' purge forgets it the retention after it closed, oldest first.
CREATE INDEX stock_reservations_closed_idx ON stock_reservations (closed_at) WHERE status <> 'ACTIVE';
