-- Revenue by segment counts an order once however many revenue rows it has: goods a back office adds to an order are
-- booked as a second revenue under an order id of their own and the order's number, and counted by id that order
-- counted twice. Orders are told apart by their number in any case (else their id), as refunds, attribution and the
-- KPIs find an order, compared byte by byte ("C"), which counts the same and sorts as cheaply as the ids did. A
-- materialized view cannot be replaced in place, so it is created again, with the unique index its concurrent refresh
-- (refresh_finance_views(), which names it at run time) needs; nothing else depends on it. Otherwise as in V6.
DROP MATERIALIZED VIEW revenue_by_segment_daily;

CREATE MATERIALIZED VIEW revenue_by_segment_daily AS
SELECT (ft.occurred_at AT TIME ZONE 'UTC')::date AS revenue_date,
       coalesce(cs.segment, 'unsegmented') AS segment,
       ft.currency,
       coalesce(sum(ft.amount) FILTER (WHERE ft.transaction_type = 'revenue'), 0) AS revenue,
       coalesce(sum(ft.amount) FILTER (WHERE ft.transaction_type = 'refund'), 0) AS refunds,
       count(DISTINCT coalesce(upper(ft.order_number), ft.order_id::text) COLLATE "C")
           FILTER (WHERE ft.transaction_type = 'revenue') AS orders,
       count(DISTINCT ft.customer_id) FILTER (WHERE ft.transaction_type = 'revenue') AS customers
  FROM financial_transactions ft
  LEFT JOIN customer_segments cs ON cs.customer_id = ft.customer_id
 WHERE ft.transaction_type IN ('revenue', 'refund')
 GROUP BY 1, 2, 3;

CREATE UNIQUE INDEX revenue_by_segment_daily_key ON revenue_by_segment_daily (revenue_date, segment, currency);
