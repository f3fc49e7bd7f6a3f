-- The segment finance assigns each customer (its wire name, from finance.segments), for segment rules and the
-- journeys they start. finance_segment_at is when finance decided it: events can arrive out of order, and an older
-- decision must not replace a newer one. A customer finance knows before the storefront's events arrive gets a row
-- of their own, as an order does.
ALTER TABLE customers ADD COLUMN finance_segment TEXT;
ALTER TABLE customers ADD COLUMN finance_segment_at TIMESTAMPTZ;

CREATE INDEX customers_finance_segment_idx ON customers (finance_segment);
