-- The message id of a task's latest dispatch to an agent, which the agent names in every report on it
-- (dispatch_id): a report of an earlier dispatch, one a person's requeue replaced, is then told apart from one of the
-- dispatch the task is with. Null for tasks dispatched before it was kept and for tasks never dispatched; their
-- reports are applied as before.
ALTER TABLE tasks ADD COLUMN dispatch_id UUID;

-- The stale-task sweep's own index: tasks an agent has taken (ASSIGNED, RUNNING), longest quiet first, read in
-- updated_at order up to the batch limit without a sort and without the finished tasks, which are most of the table.
CREATE INDEX tasks_with_agent_updated_at_idx ON tasks (updated_at)
    WHERE status IN ('ASSIGNED', 'RUNNING');
