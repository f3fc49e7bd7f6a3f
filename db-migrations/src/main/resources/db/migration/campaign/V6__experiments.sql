-- A/B experiments on a journey's split: each arm is the send step a branch leads to, so the arm's units are that
-- step's sends (the split assigned them by hash); the primary metric is read from what became of each send.
CREATE TABLE experiments (
    id               UUID PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    journey_id       UUID          NOT NULL REFERENCES journeys (id),
    control_step     VARCHAR(64)   NOT NULL,
    treatment_steps  TEXT          NOT NULL,
    metric           VARCHAR(16)   NOT NULL,
    alpha            DOUBLE PRECISION NOT NULL,
    power            DOUBLE PRECISION NOT NULL,
    mde              DOUBLE PRECISION NOT NULL,
    tau              DOUBLE PRECISION NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT experiments_metric CHECK (metric IN ('opened', 'clicked', 'converted'))
);

CREATE UNIQUE INDEX experiments_name_idx ON experiments (lower(name));
CREATE INDEX sends_journey_step_idx ON sends (journey_id, step_id, created_at);
