import { Link, useParams } from 'react-router-dom';
import { post } from '../api/client';
import { can } from '../api/roles';
import type { Task } from '../api/types';
import { Async, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { useSession } from '../components/session';
import { formatDateTime, formatPercent } from '../format';

// The supervisor cancels only a task no agent holds: once dispatched, an agent cannot be called back.
const CANCELLABLE = ['CREATED', 'ESCALATED'];
const FINISHED = ['COMPLETED', 'FAILED', 'EXPIRED', 'CANCELLED'];

export default function TaskDetailPage() {
  const { taskId } = useParams();
  // one mount per task: going to another task starts afresh instead of showing (and acting beside) the previous one
  return <TaskDetail key={taskId} taskId={taskId} />;
}

function TaskDetail({ taskId }: { taskId: string | undefined }) {
  const session = useSession();
  const state = useApi<Task>(`/api/v1/agents/tasks/${taskId}`, 3000);
  const cancel = useAction(() => post<Task>(`/api/v1/agents/tasks/${taskId}/cancel`));
  return (
    <>
      <p>
        <Link to="/admin/tasks">← All tasks</Link>
      </p>
      <h1>Task {taskId?.slice(0, 8)}</h1>
      <Async state={state}>
        {(task) => (
          <>
            <dl className="facts">
              <dt>Type</dt>
              <dd>{task.task_type}</dd>
              <dt>Status</dt>
              <dd>
                <StatusBadge value={task.status} /> {!FINISHED.includes(task.status) && <span className="muted">(following live)</span>}
              </dd>
              <dt>Progress</dt>
              <dd>
                <progress max={100} value={task.progress} aria-label="Progress" /> {task.progress}%
              </dd>
              <dt>Agent</dt>
              <dd>{task.assigned_agent_type ?? '–'}</dd>
              <dt>Routing</dt>
              <dd>
                {task.routing?.method ?? '–'}
                {task.routing?.confidence != null && ` (${formatPercent(task.routing.confidence)})`}
                {task.routing?.reason && ` · ${task.routing.reason}`}
              </dd>
              <dt>Priority</dt>
              <dd>{task.priority}</dd>
              <dt>Attempts</dt>
              <dd>{task.attempts}</dd>
              <dt>Created</dt>
              <dd>{formatDateTime(task.created_at)}</dd>
              <dt>Started</dt>
              <dd>{formatDateTime(task.started_at)}</dd>
              <dt>Finished</dt>
              <dd>{formatDateTime(task.completed_at)}</dd>
              <dt>Trace</dt>
              <dd className="mono">{task.trace_id ?? '–'}</dd>
            </dl>
            {task.error_message && (
              <div className="problem" role="status">
                <strong>{task.failure ?? 'Error'}:</strong> {task.error_message}
                {task.errors && task.errors.length > 0 && (
                  <ul>
                    {task.errors.map((e) => (
                      <li key={e.field}>
                        <code>{e.field}</code> {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {session && can(session.user.roles, 'agents.write') && CANCELLABLE.includes(task.status) && (
              <p>
                <button type="button" disabled={cancel.running} onClick={async () => (await cancel.run()) && state.reload()}>
                  {cancel.running ? 'Cancelling…' : 'Cancel task'}
                </button>
              </p>
            )}
            <Problem error={cancel.error} />
            <h2>Lifecycle</h2>
            <ol className="timeline">
              {task.transitions.map((t, i) => (
                <li key={i}>
                  <time dateTime={t.at}>{formatDateTime(t.at)}</time> {t.from ?? '∅'} → <StatusBadge value={t.to} />
                  {t.actor && <span className="muted"> by {t.actor}</span>}
                  {t.reason && <span> · {t.reason}</span>}
                </li>
              ))}
            </ol>
            <div className="two">
              <section>
                <h2>Input</h2>
                <pre tabIndex={0}>{JSON.stringify(task.input_data, null, 2)}</pre>
              </section>
              <section>
                <h2>Output</h2>
                <pre tabIndex={0}>{task.output_data == null ? 'No output yet.' : JSON.stringify(task.output_data, null, 2)}</pre>
              </section>
            </div>
          </>
        )}
      </Async>
    </>
  );
}
