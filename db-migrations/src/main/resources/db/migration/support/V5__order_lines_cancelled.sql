-- A cancellation may take back only some lines of an order, and finance refunds just those: what each line lost to
-- cancellations is kept, so the rest of the order can still be returned and a cancelled item is never refunded again
-- through a return.
ALTER TABLE order_lines
    ADD COLUMN cancelled_quantity INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT order_lines_cancelled_quantity CHECK (cancelled_quantity BETWEEN 0 AND quantity);
