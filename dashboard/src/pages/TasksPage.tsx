import { useState } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../api/client';
import type { Escalation, Task, TaskSummary, TaskType } from '../api/types';
import { PagedTable, usePaged } from '../components/PagedTable';
import { useSession } from '../components/session';
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
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Task filters">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Task type
          <input value={taskType} onChange={(e) => setTaskType(e.target.value.trim())} placeholder="check-budget" />
        </label>
        <label>
          Agent type
          <input value={agentType} onChange={(e) => setAgentType(e.target.value.trim())} placeholder="finance" />
        </label>
        <span className="muted">Updated every 5 s</span>
      </form>
      <PagedTable<TaskSummary>
        label="Tasks"
        path="/api/v1/agents/tasks"
        params={{ status, task_type: taskType, agent_type: agentType }}
        limit={25}
        pollMs={5000}
        rowKey={(task) => task.task_id}
        empty="No task matches these filters."
        columns={[
          { header: 'Task', cell: (task) => <Link to={`/admin/tasks/${task.task_id}`}>{task.task_id.slice(0, 8)}</Link> },
          { header: 'Type', cell: (task) => task.task_type },
          { header: 'Agent', cell: (task) => task.assigned_agent_type ?? '–' },
          { header: 'Status', cell: (task) => <StatusBadge value={task.status} /> },
          {
            header: 'Progress',
            cell: (task) => <progress max={100} value={task.progress} aria-label={`Progress of ${task.task_id.slice(0, 8)}`} />,
          },
          { header: 'Priority', cell: (task) => task.priority },
          { header: 'Created', cell: (task) => formatDateTime(task.created_at) },
        ]}
      />
    </section>
  );
}

function Escalations() {
  const [status, setStatus] = useState('OPEN');
  // oldest first: those beyond the first page are the newest, reached through the pager
  const { list, pager } = usePaged<Escalation>({ path: '/api/v1/escalations', params: { status }, limit: 50, pollMs: 5000 });
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
          <>
            <ul className="cards">
              {data.items.map((e) => (
                <EscalationCard key={e.escalation_id} escalation={e} onChange={list.reload} />
              ))}
            </ul>
            {pager}
          </>
        )}
      </Async>
    </section>
  );
}

function EscalationCard({ escalation, onChange }: { escalation: Escalation; onChange: () => void }) {
  const me = useSession()?.user.subject;
  // the supervisor resolves a claimed escalation only for the person who claimed it (409 for anyone else)
  const mayResolve = escalation.status === 'CLAIMED' && escalation.claimed_by !== null && escalation.claimed_by === me;
  const claim = useAction(() => post<Escalation>(`/api/v1/escalations/${escalation.escalation_id}/claim`));
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
      {mayResolve && <ResolveForm escalation={escalation} onChange={onChange} />}
      <Problem error={claim.error} />
    </li>
  );
}

function ResolveForm({ escalation, onChange }: { escalation: Escalation; onChange: () => void }) {
  const [outcome, setOutcome] = useState('COMPLETED');
  const [note, setNote] = useState('');
  const [agentType, setAgentType] = useState('');
  const requeue = outcome === 'REQUEUED';
  // a task escalated before it was routed has no agent to go back to: the person names one
  const task = useApi<Task>(requeue ? `/api/v1/agents/tasks/${escalation.task_id}` : null);
  const unrouted = requeue && task.data !== undefined && task.data.assigned_agent_type === null;
  const resolve = useAction(() =>
    post<Escalation>(`/api/v1/escalations/${escalation.escalation_id}/resolve`, {
      outcome,
      note: note || undefined,
      agent_type: unrouted ? agentType : undefined,
    }),
  );
  const id = escalation.escalation_id.slice(0, 8);
  return (
    <>
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
        {unrouted && <AgentTypeSelect value={agentType} onChange={setAgentType} />}
        <label>
          Note
          <input value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={resolve.running || (requeue && task.data === undefined)}>
          {resolve.running ? 'Resolving…' : `Resolve ${id}`}
        </button>
      </form>
      <Problem error={task.error ?? resolve.error} />
    </>
  );
}

/** The agent types that announced a task type, to send a task that was never routed to. */
function AgentTypeSelect({ value, onChange }: { value: string; onChange: (agentType: string) => void }) {
  const taskTypes = useApi<TaskType[]>('/api/v1/agents/task-types');
  const agentTypes = [...new Set((taskTypes.data ?? []).map((t) => t.agent_type))].sort();
  return (
    <>
      <Problem error={taskTypes.error} />
      <label>
        Agent
        <select value={value} required onChange={(e) => onChange(e.target.value)}>
          <option value="">{taskTypes.loading && agentTypes.length === 0 ? 'loading…' : 'choose an agent'}</option>
          {agentTypes.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
    </>
  );
}
