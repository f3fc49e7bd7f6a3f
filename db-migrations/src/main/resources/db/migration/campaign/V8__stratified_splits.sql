-- Splits: the branch each customer was given at a split (the step it leads to, and whether it is the holdout), so a
-- holdout arm's customers are known though nothing is sent to them, and a customer keeps their branch at a split
-- stratified by segment when they enter again; how many customers each stratum has had places the next one in its
-- permuted block. Hash splits have neither stratum nor position.
CREATE TABLE split_strata (
    journey_id  UUID          NOT NULL,
    step_id     VARCHAR(64)   NOT NULL,
    stratum     VARCHAR(64)   NOT NULL,
    assigned    BIGINT        NOT NULL,
    PRIMARY KEY (journey_id, step_id, stratum)
);

CREATE TABLE split_assignments (
    journey_id    UUID          NOT NULL,
    step_id       VARCHAR(64)   NOT NULL,
    customer_id   UUID          NOT NULL,
    stratum       VARCHAR(64),
    branch_index  INTEGER       NOT NULL,
    next_step     VARCHAR(64)   NOT NULL,
    holdout       BOOLEAN       NOT NULL,
    position      BIGINT,
    assigned_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (journey_id, step_id, customer_id)
);

CREATE INDEX split_assignments_arm_idx ON split_assignments (journey_id, next_step, assigned_at);
