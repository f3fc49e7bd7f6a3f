-- What a refund took back from an order's attributed revenue: one row per refund transaction and share it reduced,
-- written when the refund is booked (or when the order is attributed, should its refund have been booked first). The
-- shares themselves stay as attributed; reports net these rows off them, so the trail shows which refund took what
-- from which agent, and when. A refund is spread over the order's shares in proportion to what each has left, and
-- never takes a share below zero. The unique key makes booking the same refund twice net it once.
CREATE TABLE revenue_attribution_refunds (
    id                    UUID          PRIMARY KEY,
    attribution_id        UUID          NOT NULL REFERENCES revenue_attributions (id),
    refund_transaction_id UUID          NOT NULL REFERENCES financial_transactions (id),
    refunded_amount       NUMERIC(14,2) NOT NULL CHECK (refunded_amount > 0),
    currency              CHAR(3)       NOT NULL,
    refunded_at           TIMESTAMPTZ   NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT revenue_attribution_refunds_once UNIQUE (refund_transaction_id, attribution_id)
);

CREATE INDEX revenue_attribution_refunds_attribution_idx ON revenue_attribution_refunds (attribution_id);

CREATE TRIGGER revenue_attribution_refunds_audit AFTER INSERT OR UPDATE OR DELETE ON revenue_attribution_refunds
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- A refund that names its order by number only (under an order id of its own) is matched to the order on it.
CREATE INDEX financial_transactions_order_number_idx ON financial_transactions (order_number)
    WHERE order_number IS NOT NULL;

-- Attributed revenue in agent performance is now net of refunds (still counted on the day the order was placed), and
-- a touchpoint whose share was wholly refunded no longer counts as credited. Otherwise as in V6.
DROP MATERIALIZED VIEW agent_performance_daily;

CREATE MATERIALIZED VIEW agent_performance_daily AS
WITH models (attribution_model) AS (
    VALUES ('first_touch'), ('last_touch'), ('linear'), ('time_decay'), ('position_based')),
net_shares AS (
    SELECT ra.touchpoint_id, ra.agent, ra.attribution_model, ra.currency, ra.attributed_at, ra.attributed_amount,
           ra.attributed_amount - coalesce(r.refunded, 0) AS net_amount,
           coalesce(r.refunded, 0) AS refunded
      FROM revenue_attributions ra
      LEFT JOIN (SELECT attribution_id, sum(refunded_amount) AS refunded
                   FROM revenue_attribution_refunds GROUP BY attribution_id) r ON r.attribution_id = ra.id),
touch AS (
    SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day,
           agent,
           count(*) AS touchpoints,
           count(response_time_ms) AS timed,
           coalesce(sum(response_time_ms), 0) AS response_ms
      FROM customer_touchpoints
     GROUP BY 1, 2),
credited AS (
    SELECT (t.occurred_at AT TIME ZONE 'UTC')::date AS day, t.agent, ns.attribution_model,
           count(DISTINCT t.id) AS credited
      FROM customer_touchpoints t
      JOIN net_shares ns ON ns.touchpoint_id = t.id
     WHERE ns.refunded = 0 OR ns.net_amount > 0
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
                   currency, sum(net_amount) AS amount
              FROM net_shares
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
