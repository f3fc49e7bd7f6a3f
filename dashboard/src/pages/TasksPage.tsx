import { useState } from 'react';
import { Link } from 'react-router-dom';
import { post, query, type Page } from '../api/client';
import type { Escalation, TaskSummary } from '../api/types';
import { Async, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime } from '../format';

const STATUSES = ['CREATED', 'QUEUED', 'ASSIGNED', 'RUNNING', 'COMPLETED', 'FAILED', 'ESCALATED', 'EXPIRED', 'CANCELLED'];

export default function TasksPage() {
  return (
    <>
      <h1>Tasks and escalations</h1>
      <Escalations />
      <TaskList />
    </>
  );
}

function TaskList() {
  const [status, setStatus] = useState('');
  const [taskType, setTaskType] = useState('');
  const [agentType, setAgentType] = useState('');
  const [page, setPage] = useState(1);
  const tasks = useApi<Page<TaskSummary>>(
    `/api/v1/agents/tasks${query({ status, task_type: taskType, agent_type: agentType, page, limit: 25 })}`,
    5000,
  );
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Task filters">
        <label>
          Status
          <select value={status} onChange={(e) => (setStatus(e.target.value), setPage(1))}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Task type
          <input value={taskType} onChange={(e) => (setTaskType(e.target.value.trim()), setPage(1))} placeholder="check-budget" />
        </label>
        <label>
          Agent type
          <input value={agentType} onChange={(e) => (setAgentType(e.target.value.trim()), setPage(1))} placeholder="finance" />
        </label>
        <span className="muted" aria-live="polite">
          {tasks.loading ? 'Refreshing…' : 'Updated every 5 s'}
        </span>
      </form>
      <Async state={tasks} isEmpty={(d) => d.items.length === 0} empty="No task matches these filters.">
        {(data) => (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Type</th>
                  <th scope="col">Agent</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((task) => (
                  <tr key={task.task_id}>
                    <td>
                      <Link to={`/admin/tasks/${task.task_id}`}>{task.task_id.slice(0, 8)}</Link>
                    </td>
                    <td>{task.task_type}</td>
                    <td>{task.assigned_agent_type ?? '–'}</td>
                    <td>
                      <StatusBadge value={task.status} />
                    </td>
                    <td>
                      <progress max={100} value={task.progress} aria-label={`Progress of ${task.task_id.slice(0, 8)}`} />
                    </td>
                    <td>{task.priority}</td>
                    <td>{formatDateTime(task.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.pagination.page} pages={data.pagination.total_pages} total={data.pagination.total} onPage={setPage} />
          </>
        )}
      </Async>
    </section>
  );
}

export function Pager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage: (p: number) => void }) {
  return (
    <div className="pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {Math.max(pages, 1)} · {total} in all
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </div>
  );
}

function Escalations() {
  const [status, setStatus] = useState('OPEN');
  const list = useApi<Page<Escalation>>(`/api/v1/escalations${query({ status, limit: 50 })}`, 5000);
  return (
    <section aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">Escalations</h2>
      <label className="inline">
        Show
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="OPEN">open</option>
          <option value="CLAIMED">claimed</option>
          <option value="RESOLVED">resolved</option>
        </select>
      </label>
      <Async state={list} isEmpty={(d) => d.items.length === 0} empty="No escalation waits for a person.">
        {(data) => (
          <ul className="cards">
            {data.items.map((e) => (
              <EscalationCard key={e.escalation_id} escalation={e} onChange={list.reload} />
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

function EscalationCard({ escalation, onChange }: { escalation: Escalation; onChange: () => void }) {
  const [outcome, setOutcome] = useState('COMPLETED');
  const [note, setNote] = useState('');
  const claim = useAction(() => post<Escalation>(`/api/v1/escalations/${escalation.escalation_id}/claim`));
  const resolve = useAction(() =>
    post<Escalation>(`/api/v1/escalations/${escalation.escalation_id}/resolve`, { outcome, note: note || undefined }),
  );
  const id = escalation.escalation_id.slice(0, 8);
  return (
    <li className="card">
      <p>
        <StatusBadge value={escalation.status} /> <strong>{escalation.reason}</strong>
      </p>
      <p className="muted">
        Task <Link to={`/admin/tasks/${escalation.task_id}`}>{escalation.task_id.slice(0, 8)}</Link> · raised{' '}
        {formatDateTime(escalation.created_at)}
        {escalation.claimed_by && ` · claimed by ${escalation.claimed_by}`}
        {escalation.resolution && ` · ${escalation.outcome}: ${escalation.resolution}`}
      </p>
      {escalation.status === 'OPEN' && (
        <button type="button" disabled={claim.running} onClick={async () => (await claim.run()) && onChange()}>
          {claim.running ? 'Claiming…' : `Claim ${id}`}
        </button>
      )}
      {escalation.status === 'CLAIMED' && (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await resolve.run()) onChange();
          }}
        >
          <label>
            Outcome
            <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              <option value="COMPLETED">completed by a person</option>
              <option value="REQUEUED">send back to the agents</option>
              <option value="CANCELLED">cancel the task</option>
            </select>
          </label>
          <label>
            Note
            <input value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={resolve.running}>
            {resolve.running ? 'Resolving…' : `Resolve ${id}`}
          </button>
        </form>
      )}
      <Problem error={claim.error ?? resolve.error} />
    </li>
  );
}
