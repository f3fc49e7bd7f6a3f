-- Tasks and every transition of their lifecycle (specification 004 §4.2).
CREATE TABLE tasks (
    id                  UUID PRIMARY KEY,
    task_type           TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    priority            SMALLINT    NOT NULL CHECK (priority BETWEEN 1 AND 10),
    assigned_agent_id   UUID,
    assigned_agent_type TEXT,
    input_data          JSONB       NOT NULL,
    output_data         JSONB,
    error_message       TEXT,
    progress            SMALLINT    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    attempts            INTEGER     NOT NULL DEFAULT 0,
    routing_method      TEXT        NOT NULL,
    routing_confidence  NUMERIC(4, 3),
    routing_reason      TEXT        NOT NULL,
    correlation_id      UUID,
    trace_id            TEXT,
    requested_by        TEXT,
    expires_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    started_at          TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ
);

CREATE INDEX tasks_created_at_idx ON tasks (created_at DESC);
CREATE INDEX tasks_status_created_at_idx ON tasks (status, created_at DESC);
CREATE INDEX tasks_agent_status_idx ON tasks (assigned_agent_type, status);
CREATE INDEX tasks_open_expiry_idx ON tasks (expires_at)
    WHERE expires_at IS NOT NULL AND status IN ('CREATED', 'QUEUED', 'ASSIGNED');

CREATE TABLE task_transitions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id     UUID        NOT NULL REFERENCES tasks (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX task_transitions_task_idx ON task_transitions (task_id, id);

-- The queue people work from: tasks the agents could not finish or the router would not guess.
CREATE TABLE escalations (
    id          UUID PRIMARY KEY,
    task_id     UUID        NOT NULL REFERENCES tasks (id),
    reason      TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    claimed_by  TEXT,
    claimed_at  TIMESTAMPTZ,
    resolved_by TEXT,
    resolved_at TIMESTAMPTZ,
    outcome     TEXT,
    resolution  TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX escalations_open_task_idx ON escalations (task_id) WHERE status <> 'RESOLVED';
CREATE INDEX escalations_status_created_idx ON escalations (status, created_at);

-- Liveness of agent instances, from their heartbeats.
CREATE TABLE agent_instances (
    instance_id       TEXT PRIMARY KEY,
    agent_id          UUID        NOT NULL,
    agent_type        TEXT        NOT NULL,
    task_types        TEXT[]      NOT NULL,
    in_flight         INTEGER     NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    last_heartbeat_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX agent_instances_type_idx ON agent_instances (agent_type, last_heartbeat_at DESC);

-- Storefront events as received; the primary key is the storefront's own event id (idempotent intake).
CREATE TABLE commerce_events (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX commerce_events_type_occurred_idx ON commerce_events (event_type, occurred_at);
