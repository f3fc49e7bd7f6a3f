-- A cancellation whose order never arrives is forgotten after a retention, oldest first, a batch at a time: without
-- this index every batch would read the whole table to find the few rows past the retention.
CREATE INDEX pending_order_cancellations_received_idx ON pending_order_cancellations (received_at);
