-- A cancellation in the cut-over grace period of an order not recorded gives back what it asks (its order may be one
-- applied before order_stock began). What it gave back is recorded as a row of that order without an order: a second
-- cancellation of the order then finds it given back already. Should the order itself arrive after all, it takes the
-- row over, and what was given back beyond what the order took is taken back.
ALTER TABLE order_stock ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE order_stock ALTER COLUMN placed_at DROP NOT NULL;
ALTER TABLE order_stock ADD CONSTRAINT order_stock_given_back_before_order_check
    CHECK ((order_id IS NULL) = (placed_at IS NULL) AND (order_id IS NOT NULL OR released = units));

-- A credit note naming no order whose customer's recorded orders do not hold what it asks is kept, per SKU, for the
-- customer's next orders (one of them may be read after it, under another key), as a cancellation of an order not
-- applied yet is kept for that order; the same purge forgets it after the same retention.
ALTER TABLE pending_order_cancellations ALTER COLUMN order_number DROP NOT NULL;
ALTER TABLE pending_order_cancellations ADD COLUMN customer_id UUID;
ALTER TABLE pending_order_cancellations ADD CONSTRAINT pending_order_cancellations_order_or_customer_check
    CHECK (order_number IS NOT NULL OR customer_id IS NOT NULL);

CREATE INDEX pending_order_cancellations_customer_idx ON pending_order_cancellations (customer_id, sku)
    WHERE order_number IS NULL;
