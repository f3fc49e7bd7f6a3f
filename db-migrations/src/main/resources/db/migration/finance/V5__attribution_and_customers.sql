-- Revenue attribution and customer segmentation (specification 000 §2-3).

-- An agent's contact with a customer: a campaign send or click, an ad click, a recommendation click, a
-- support conversation. The source event id makes a redelivered report harmless.
CREATE TABLE customer_touchpoints (
    id               UUID        PRIMARY KEY,
    customer_id      UUID        NOT NULL,
    agent            TEXT        NOT NULL CHECK (agent ~ '^[a-z][a-z0-9-]{0,48}$'),
    channel          TEXT        NOT NULL CHECK (channel ~ '^[a-z][a-z0-9_-]{0,48}$'),
    touchpoint_type  TEXT        NOT NULL CHECK (touchpoint_type ~ '^[a-z][a-z0-9_]{0,48}$'),
    campaign_id      TEXT,
    response_time_ms BIGINT      CHECK (response_time_ms >= 0),
    metadata         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    source_event_id  UUID        UNIQUE,
    occurred_at      TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX customer_touchpoints_customer_idx ON customer_touchpoints (customer_id, occurred_at);
CREATE INDEX customer_touchpoints_agent_idx ON customer_touchpoints (agent, occurred_at);

-- The share of one revenue transaction credited to one touchpoint under one model. Every model is
-- stored, so reports can compare them; per (transaction, model) the rows sum to exactly 100% and to the
-- transaction's amount to the cent. An order without touchpoints gets one 'unattributed' row.
CREATE TABLE revenue_attributions (
    id                     UUID          PRIMARY KEY,
    transaction_id         UUID          NOT NULL REFERENCES financial_transactions (id),
    order_id               UUID,
    customer_id            UUID,
    touchpoint_id          UUID          REFERENCES customer_touchpoints (id),
    agent                  TEXT,
    channel                TEXT,
    attribution_model      TEXT          NOT NULL
        CHECK (attribution_model IN ('first_touch', 'last_touch', 'linear', 'time_decay', 'position_based')),
    attribution_type       TEXT          NOT NULL
        CHECK (attribution_type IN ('direct', 'assisted', 'influenced', 'unattributed')),
    touchpoint_order       INTEGER,
    attribution_percentage NUMERIC(7,4)  NOT NULL CHECK (attribution_percentage BETWEEN 0 AND 100),
    attributed_amount      NUMERIC(14,2) NOT NULL CHECK (attributed_amount >= 0),
    currency               CHAR(3)       NOT NULL,
    attributed_at          TIMESTAMPTZ   NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT revenue_attributions_one_share UNIQUE (transaction_id, attribution_model, touchpoint_order)
);

CREATE INDEX revenue_attributions_order_idx ON revenue_attributions (order_id);
CREATE INDEX revenue_attributions_model_time_idx ON revenue_attributions (attribution_model, attributed_at);

CREATE TRIGGER revenue_attributions_audit AFTER INSERT OR UPDATE OR DELETE ON revenue_attributions
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Agents' task reports from agent.events (task.assigned ... task.completed / failed / expired), for the
-- agent performance view: tasks finished, success rate and time from assignment to the end.
CREATE TABLE agent_task_reports (
    id          UUID        PRIMARY KEY,
    task_id     UUID        NOT NULL,
    task_type   TEXT        NOT NULL,
    agent_type  TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('assigned', 'running', 'completed', 'failed', 'expired')),
    attempt     INTEGER     NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT agent_task_reports_once UNIQUE (task_id, status, attempt)
);

CREATE INDEX agent_task_reports_agent_idx ON agent_task_reports (agent_type, occurred_at);

-- What a customer did in the store (specification 000 §3, behavioural tracking).
CREATE TABLE customer_behaviors (
    id              UUID        PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    event_type      TEXT        NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_]{0,99}$'),
    event_data      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    session_id      TEXT,
    agent           TEXT,
    channel         TEXT,
    source_event_id UUID        UNIQUE,
    occurred_at     TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX customer_behaviors_customer_idx ON customer_behaviors (customer_id, occurred_at);
CREATE INDEX customer_behaviors_type_idx ON customer_behaviors (event_type, occurred_at);

-- A customer's current segment, with the RFM scores it rests on.
CREATE TABLE customer_segments (
    customer_id     UUID         PRIMARY KEY,
    segment         TEXT         NOT NULL,
    confidence      NUMERIC(4,3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    recency_score   SMALLINT     CHECK (recency_score BETWEEN 1 AND 5),
    frequency_score SMALLINT     CHECK (frequency_score BETWEEN 1 AND 5),
    monetary_score  SMALLINT     CHECK (monetary_score BETWEEN 1 AND 5),
    reason          TEXT         NOT NULL,
    assigned_at     TIMESTAMPTZ  NOT NULL,
    evaluated_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX customer_segments_segment_idx ON customer_segments (segment);

-- Every change of a customer's segment; the first assignment has no from_segment.
CREATE TABLE customer_segment_history (
    id               UUID        PRIMARY KEY,
    customer_id      UUID        NOT NULL,
    from_segment     TEXT,
    to_segment       TEXT        NOT NULL,
    migration_reason TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX customer_segment_history_customer_idx ON customer_segment_history (customer_id, occurred_at);
