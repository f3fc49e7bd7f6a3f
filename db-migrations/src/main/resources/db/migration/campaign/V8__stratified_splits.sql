-- Stratified splits: the branch each customer was given at a split that stratifies by segment, so they keep it when
-- they enter again, and how many customers each stratum has had, which places the next one in its permuted block.
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
    stratum       VARCHAR(64)   NOT NULL,
    branch_index  INTEGER       NOT NULL,
    position      BIGINT        NOT NULL,
    assigned_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (journey_id, step_id, customer_id)
);
