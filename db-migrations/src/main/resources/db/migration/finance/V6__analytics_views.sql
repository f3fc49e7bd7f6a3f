-- Reporting views (specification 000 §4), refreshed CONCURRENTLY on a schedule by the finance service
-- (refresh_finance_views()); each has the unique index a concurrent refresh needs. Days are UTC days.

-- Per agent, day and attribution model. Interactions are the agent's touchpoints with customers and the
-- tasks it finished that day; success rate is completed / finished tasks; response time averages the
-- tasks' time from assignment to the end and the touchpoints' reported response times; touchpoint
-- conversion is the share of the day's touchpoints credited with revenue under the model; revenue is what
-- the model attributes to the agent for orders placed that day, per currency ({"GBP": 12.34}).
CREATE MATERIALIZED VIEW agent_performance_daily AS
WITH models (attribution_model) AS (
    VALUES ('first_touch'), ('last_touch'), ('linear'), ('time_decay'), ('position_based')),
touch AS (
    SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day,
           agent,
           count(*) AS touchpoints,
           count(response_time_ms) AS timed,
           coalesce(sum(response_time_ms), 0) AS response_ms
      FROM customer_touchpoints
     GROUP BY 1, 2),
credited AS (
    SELECT (t.occurred_at AT TIME ZONE 'UTC')::date AS day, t.agent, ra.attribution_model,
           count(DISTINCT t.id) AS credited
      FROM customer_touchpoints t
      JOIN revenue_attributions ra ON ra.touchpoint_id = t.id
     GROUP BY 1, 2, 3),
finished AS (
    SELECT task_id,
           agent_type,
           min(occurred_at) AS started_at,
           max(occurred_at) FILTER (WHERE status IN ('completed', 'failed', 'expired')) AS finished_at,
           bool_or(status = 'completed') AS completed
      FROM agent_task_reports
     GROUP BY task_id, agent_type),
tasks AS (
    SELECT (finished_at AT TIME ZONE 'UTC')::date AS day,
           agent_type AS agent,
           count(*) FILTER (WHERE completed) AS completed,
           count(*) FILTER (WHERE NOT completed) AS failed,
           sum(extract(EPOCH FROM (finished_at - started_at)) * 1000) AS duration_ms
      FROM finished
     WHERE finished_at IS NOT NULL
     GROUP BY 1, 2),
revenue AS (
    SELECT day, agent, attribution_model, jsonb_object_agg(currency, amount) AS revenue_attributed
      FROM (SELECT (attributed_at AT TIME ZONE 'UTC')::date AS day, agent, attribution_model,
                   currency, sum(attributed_amount) AS amount
              FROM revenue_attributions
             WHERE agent IS NOT NULL
             GROUP BY 1, 2, 3, 4) per_currency
     GROUP BY 1, 2, 3),
keys AS (
    SELECT day, agent FROM touch
    UNION SELECT day, agent FROM tasks
    UNION SELECT day, agent FROM revenue)
SELECT k.day AS performance_date,
       k.agent,
       m.attribution_model,
       coalesce(t.touchpoints, 0) + coalesce(s.completed, 0) + coalesce(s.failed, 0) AS total_interactions,
       coalesce(t.touchpoints, 0) AS customer_touchpoints,
       coalesce(s.completed, 0) AS tasks_completed,
       coalesce(s.failed, 0) AS tasks_failed,
       CASE WHEN coalesce(t.timed, 0) + coalesce(s.completed, 0) + coalesce(s.failed, 0) > 0
            THEN round((coalesce(t.response_ms, 0) + coalesce(s.duration_ms, 0))
                       / (coalesce(t.timed, 0) + coalesce(s.completed, 0) + coalesce(s.failed, 0)), 1)
       END AS avg_response_time_ms,
       CASE WHEN s.completed + s.failed > 0 THEN round(s.completed::numeric / (s.completed + s.failed), 4) END
           AS success_rate,
       CASE WHEN t.touchpoints > 0 THEN round(coalesce(c.credited, 0)::numeric / t.touchpoints, 4) END
           AS touchpoint_conversion_rate,
       coalesce(r.revenue_attributed, '{}'::jsonb) AS revenue_attributed
  FROM keys k
 CROSS JOIN models m
  LEFT JOIN touch t ON t.day = k.day AND t.agent = k.agent
  LEFT JOIN tasks s ON s.day = k.day AND s.agent = k.agent
  LEFT JOIN credited c ON c.day = k.day AND c.agent = k.agent AND c.attribution_model = m.attribution_model
  LEFT JOIN revenue r ON r.day = k.day AND r.agent = k.agent AND r.attribution_model = m.attribution_model;

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
