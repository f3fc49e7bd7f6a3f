-- A daily run beats while its steps progress; the stale run sweep gives up only a run whose last beat is old, never
-- one still at work however long it has been running. During a rolling deploy, instances of the previous release
-- still start runs without a heartbeat: the default gives them one. A run still running when this is applied may be
-- at work, so its silence is counted from now, not from its start, which would have it given up at once.
ALTER TABLE batch_runs ADD COLUMN heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE batch_runs SET heartbeat_at = coalesce(finished_at, started_at) WHERE status <> 'RUNNING';

-- The task a run was started for, if any. A task redelivered after its instance died mid-run finds its own run still
-- running, with a recent heartbeat: it gives that run up and starts again, where any other start is refused.
ALTER TABLE batch_runs ADD COLUMN task_id UUID;

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
