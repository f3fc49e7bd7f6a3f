-- A cancellation finds the purchases of the order it names ignoring case (back offices write order numbers in
-- either case), so the look-up is by the upper-cased number; nothing compares the number exactly any more.
DROP INDEX interactions_order_number_idx;
CREATE INDEX interactions_order_number_idx ON interactions (upper(order_number)) WHERE order_number IS NOT NULL;
