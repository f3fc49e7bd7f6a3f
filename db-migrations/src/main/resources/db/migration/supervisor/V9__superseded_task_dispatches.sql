-- The dispatches of a task that a later dispatch replaced (a person's requeue): their ASSIGNED, RUNNING, FAILED and
-- EXPIRED reports are ignored. A report is no longer ignored merely for naming a dispatch other than dispatch_id:
-- during a rolling deploy an instance from before V8 requeues a task by publishing a dispatch of its own and leaves
-- dispatch_id naming the earlier one, and the reports of the dispatch really running were all ignored (the task
-- waited for its deadline, or for ever without one). A dispatch the supervisor does not know it replaced is now
-- taken as the task's current one.
ALTER TABLE tasks ADD COLUMN superseded_dispatch_ids UUID[] NOT NULL DEFAULT '{}';

-- Kept here rather than by each instance's code, so that an instance from before V9 that moves dispatch_id on (it
-- knows dispatch_id but not this column) still has the dispatch it replaced recorded.
CREATE FUNCTION task_dispatch_superseded() RETURNS trigger AS $$
BEGIN
    NEW.superseded_dispatch_ids := array_append(NEW.superseded_dispatch_ids, OLD.dispatch_id);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tasks_dispatch_superseded
    BEFORE UPDATE OF dispatch_id ON tasks
    FOR EACH ROW
    WHEN (OLD.dispatch_id IS NOT NULL AND NEW.dispatch_id IS DISTINCT FROM OLD.dispatch_id)
    EXECUTE FUNCTION task_dispatch_superseded();
