-- The cached lists of customers erased here that are still to be dropped from Redis. The erasure writes its row in
-- its own transaction, so it commits (and is reported done) whether Redis answers or not; the row goes once the
-- lists are dropped, right after the commit or by the sweep that retries it. While it is here the lists are not
-- served. The id names nobody once the customer's data is gone (as in erased_customers).
CREATE TABLE erased_customer_list_clears (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
