-- A refund that names its order by number only is matched to the order ignoring case (back offices write order
-- numbers in either case, and support and the supervisor match them so), so the look-up is by the upper-cased number;
-- nothing in finance compares the number exactly any more.
DROP INDEX financial_transactions_order_number_idx;
CREATE INDEX financial_transactions_order_number_idx ON financial_transactions (upper(order_number))
    WHERE order_number IS NOT NULL;
