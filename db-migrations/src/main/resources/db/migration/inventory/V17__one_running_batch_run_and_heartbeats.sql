-- A daily run beats while its steps progress; the stale run sweep gives up only a run whose last beat is old, never
-- one still at work however long it has been running.
ALTER TABLE batch_runs ADD COLUMN heartbeat_at TIMESTAMPTZ;
UPDATE batch_runs SET heartbeat_at = coalesce(finished_at, started_at);
ALTER TABLE batch_runs ALTER COLUMN heartbeat_at SET NOT NULL;

-- Only one daily run at a time, whoever starts it and on whichever instance: two overlapping runs would do the same
-- work twice and race each other over the same plans, suggestions and approvals. Runs left running side by
-- side before this are given up, all but the newest.
UPDATE batch_runs
SET status = 'FAILED',
    failure = 'interrupted: another run was running beside it',
    finished_at = now(),
    duration_ms = (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::bigint
WHERE status = 'RUNNING'
  AND id <> (SELECT id FROM batch_runs WHERE status = 'RUNNING' ORDER BY started_at DESC, id LIMIT 1);

CREATE UNIQUE INDEX batch_runs_one_running_idx ON batch_runs (status) WHERE status = 'RUNNING';
