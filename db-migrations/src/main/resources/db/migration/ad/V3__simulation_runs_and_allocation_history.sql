-- Auction simulator runs requested over the API, replayed one at a time in the background. A worker claims the oldest
-- QUEUED run (FOR UPDATE SKIP LOCKED), marks it RUNNING and keeps heartbeat_at fresh while it replays; a RUNNING run
-- whose heartbeat is older than the lease was left by a dead process and goes back to QUEUED, so no run is lost.
-- results: one object per policy and part of the log; policy_details: what preparing each policy found (Lin's b0).
CREATE TABLE ad_simulation_runs (
    id                  UUID PRIMARY KEY,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    source              VARCHAR(40)  NOT NULL,
    policies            TEXT[]       NOT NULL,
    episode_auctions    INTEGER      NOT NULL CHECK (episode_auctions > 0),
    budget_ratio        NUMERIC      NOT NULL CHECK (budget_ratio > 0 AND budget_ratio <= 1),
    seed                BIGINT       NOT NULL,
    budget_per_episode  BIGINT CHECK (budget_per_episode >= 0),
    requested_by        VARCHAR(200) NOT NULL,
    requested_at        TIMESTAMPTZ  NOT NULL,
    started_at          TIMESTAMPTZ,
    heartbeat_at        TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    failure             TEXT,
    results             JSONB        NOT NULL DEFAULT '[]',
    policy_details      JSONB        NOT NULL DEFAULT '{}',
    version             BIGINT       NOT NULL
);

CREATE INDEX ad_simulation_runs_status_idx ON ad_simulation_runs (status, requested_at);
CREATE INDEX ad_simulation_runs_requested_idx ON ad_simulation_runs (requested_at DESC);

-- The allocation history is read by time window across all campaigns, not per campaign.
CREATE INDEX ad_allocation_changes_occurred_idx ON ad_allocation_changes (occurred_at);
