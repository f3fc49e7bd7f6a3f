-- Reporting views (specification 000 §4), refreshed CONCURRENTLY on a schedule by the finance service
-- (refresh_finance_views()); each has the unique index a concurrent refresh needs. Days are UTC days.

-- Per agent, day and attribution model: the agent's touchpoints that day, their average response time,
-- the share of them credited with revenue under the model, and the revenue attributed to the agent under
-- the model for orders placed that day, per currency ({"GBP": 12.34}).
CREATE MATERIALIZED VIEW agent_performance_daily AS
WITH models (attribution_model) AS (
    VALUES ('first_touch'), ('last_touch'), ('linear'), ('time_decay'), ('position_based')),
activity AS (
    SELECT (t.occurred_at AT TIME ZONE 'UTC')::date AS performance_date,
           t.agent,
           m.attribution_model,
           count(*) AS total_interactions,
           avg(t.response_time_ms) AS avg_response_time_ms,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM revenue_attributions ra
                WHERE ra.touchpoint_id = t.id AND ra.attribution_model = m.attribution_model)) AS credited
      FROM customer_touchpoints t CROSS JOIN models m
     GROUP BY 1, 2, 3),
revenue AS (
    SELECT performance_date, agent, attribution_model, jsonb_object_agg(currency, amount) AS revenue_attributed
      FROM (SELECT (attributed_at AT TIME ZONE 'UTC')::date AS performance_date, agent, attribution_model,
                   currency, sum(attributed_amount) AS amount
              FROM revenue_attributions
             WHERE agent IS NOT NULL
             GROUP BY 1, 2, 3, 4) per_currency
     GROUP BY 1, 2, 3)
SELECT coalesce(a.performance_date, r.performance_date) AS performance_date,
       coalesce(a.agent, r.agent) AS agent,
       coalesce(a.attribution_model, r.attribution_model) AS attribution_model,
       coalesce(a.total_interactions, 0) AS total_interactions,
       round(a.avg_response_time_ms, 1) AS avg_response_time_ms,
       CASE WHEN a.total_interactions > 0 THEN round(a.credited::numeric / a.total_interactions, 4) END
           AS success_rate,
       coalesce(r.revenue_attributed, '{}'::jsonb) AS revenue_attributed
  FROM activity a
  FULL JOIN revenue r
    ON r.performance_date = a.performance_date AND r.agent = a.agent AND r.attribution_model = a.attribution_model;

CREATE UNIQUE INDEX agent_performance_daily_key ON agent_performance_daily (performance_date, agent, attribution_model);

-- The journey funnel per cohort (the UTC day a customer was first seen): visitors, how many went on to
-- consider (viewed a product), show intent (cart or checkout) and purchase, and the hours to purchase.
CREATE MATERIALIZED VIEW customer_journey_metrics AS
WITH stages AS (
    SELECT customer_id,
           min(occurred_at) AS first_seen,
           min(occurred_at) FILTER (WHERE event_type = 'product_view') AS consideration_time,
           min(occurred_at) FILTER (WHERE event_type IN ('add_to_cart', 'checkout_started')) AS intent_time,
           min(occurred_at) FILTER (WHERE event_type = 'purchase') AS purchase_time
      FROM customer_behaviors
     GROUP BY customer_id)
SELECT (first_seen AT TIME ZONE 'UTC')::date AS cohort_date,
       count(*) AS total_visitors,
       count(consideration_time) AS considered,
       count(intent_time) AS showed_intent,
       count(purchase_time) AS purchased,
       round((avg(extract(EPOCH FROM (purchase_time - first_seen)) / 3600)
              FILTER (WHERE purchase_time IS NOT NULL))::numeric, 2) AS avg_hours_to_purchase
  FROM stages
 GROUP BY 1;

CREATE UNIQUE INDEX customer_journey_metrics_key ON customer_journey_metrics (cohort_date);

-- Revenue and refunds per UTC day, customer segment (the customer's current one; guests and customers
-- not yet evaluated are 'unsegmented') and currency.
CREATE MATERIALIZED VIEW revenue_by_segment_daily AS
SELECT (ft.occurred_at AT TIME ZONE 'UTC')::date AS revenue_date,
       coalesce(cs.segment, 'unsegmented') AS segment,
       ft.currency,
       coalesce(sum(ft.amount) FILTER (WHERE ft.transaction_type = 'revenue'), 0) AS revenue,
       coalesce(sum(ft.amount) FILTER (WHERE ft.transaction_type = 'refund'), 0) AS refunds,
       count(DISTINCT ft.order_id) FILTER (WHERE ft.transaction_type = 'revenue') AS orders,
       count(DISTINCT ft.customer_id) FILTER (WHERE ft.transaction_type = 'revenue') AS customers
  FROM financial_transactions ft
  LEFT JOIN customer_segments cs ON cs.customer_id = ft.customer_id
 WHERE ft.transaction_type IN ('revenue', 'refund')
 GROUP BY 1, 2, 3;

CREATE UNIQUE INDEX revenue_by_segment_daily_key ON revenue_by_segment_daily (revenue_date, segment, currency);

CREATE FUNCTION refresh_finance_views() RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY agent_performance_daily;
    REFRESH MATERIALIZED VIEW CONCURRENTLY customer_journey_metrics;
    REFRESH MATERIALIZED VIEW CONCURRENTLY revenue_by_segment_daily;
END;
$$;
