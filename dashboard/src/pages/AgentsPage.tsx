import { useState } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../api/client';
import { can } from '../api/roles';
import type { Agent, TaskCreated, TaskType } from '../api/types';
import { SchemaForm } from '../components/SchemaForm';
import { Async, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { useSession } from '../components/session';
import { formatDateTime, formatPercent } from '../format';

export default function AgentsPage() {
  const agents = useApi<Agent[]>('/api/v1/agents', 15000);
  const taskTypes = useApi<TaskType[]>('/api/v1/agents/task-types');
  return (
    <>
      <h1>Agents</h1>
      <section aria-labelledby="registry-heading">
        <h2 id="registry-heading">Registry</h2>
        <Async state={agents} isEmpty={(d) => d.length === 0} empty="No agent has registered yet.">
          {(list) => (
            <table aria-label="Registered agents">
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Department</th>
                  <th scope="col">Health</th>
                  <th scope="col">Instances</th>
                  <th scope="col">Last heartbeat</th>
                  <th scope="col">Targets</th>
                  <th scope="col">Personas</th>
                </tr>
              </thead>
              <tbody>
                {list.map((agent) => (
                  <tr key={agent.agent_id}>
                    <td>
                      <strong>{agent.name}</strong>
                      <br />
                      <span className="muted">{agent.type}</span>
                    </td>
                    <td>{agent.department}</td>
                    <td>
                      <StatusBadge value={agent.is_active ? (agent.liveness?.status ?? 'UNKNOWN') : 'INACTIVE'} />
                    </td>
                    <td>{agent.liveness?.live_instances ?? 0}</td>
                    <td>{formatDateTime(agent.liveness?.last_heartbeat_at)}</td>
                    <td>
                      {agent.performance_targets?.response_time_ms != null && `${agent.performance_targets.response_time_ms} ms`}
                      {agent.performance_targets?.success_rate != null && ` · ${formatPercent(agent.performance_targets.success_rate)} success`}
                    </td>
                    <td>{agent.personas.map((p) => p.name).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
      </section>
      <section aria-labelledby="types-heading">
        <h2 id="types-heading">Task types</h2>
        <Async state={taskTypes} isEmpty={(d) => d.length === 0} empty="No agent has announced a task type yet.">
          {(types) => <TaskTypes types={types} />}
        </Async>
      </section>
    </>
  );
}

function TaskTypes({ types }: { types: TaskType[] }) {
  const [selected, setSelected] = useState<string>(types[0]?.task_type ?? '');
  const current = types.find((t) => t.task_type === selected);
  return (
    <div className="two">
      <ul className="list" aria-label="Task types">
        {types.map((t) => (
          <li key={t.task_type}>
            <button
              type="button"
              className={t.task_type === selected ? 'link active' : 'link'}
              aria-pressed={t.task_type === selected}
              onClick={() => setSelected(t.task_type)}
            >
              {t.task_type}
            </button>{' '}
            <span className="muted">{t.agent_type}</span>
          </li>
        ))}
      </ul>
      {current && <TaskTypeDetail key={current.task_type} taskType={current} />}
    </div>
  );
}

function TaskTypeDetail({ taskType }: { taskType: TaskType }) {
  const session = useSession();
  const [priority, setPriority] = useState(5);
  const [created, setCreated] = useState<TaskCreated>();
  const invoke = useAction((input: Record<string, unknown>) =>
    post<TaskCreated>('/api/v1/agents/tasks', { task_type: taskType.task_type, priority, input_data: input }),
  );
  const mayInvoke = session !== null && can(session.user.roles, 'agents.write');
  return (
    <section className="card" aria-labelledby="type-heading">
      <h3 id="type-heading">{taskType.task_type}</h3>
      <p>{taskType.description}</p>
      <p className="muted">Handled by the {taskType.agent_type} agent.</p>
      {mayInvoke ? (
        <>
          <label className="inline">
            Priority (1–10)
            <input type="number" min={1} max={10} value={priority} onChange={(e) => setPriority(Number(e.target.value))} />
          </label>
          <SchemaForm
            idPrefix={taskType.task_type}
            schema={taskType.input_schema}
            example={taskType.example_input}
            submitLabel="Invoke"
            busyLabel="Sending…"
            busy={invoke.running}
            serverError={invoke.error}
            onSubmit={async (input) => {
              const result = await invoke.run(input);
              if (result) setCreated(result);
            }}
          />
          <Problem error={invoke.error} />
          {created && (
            <p role="status">
              Task <Link to={`/admin/tasks/${created.task_id}`}>{created.task_id.slice(0, 8)}</Link> is {created.status}
              {created.assigned_agent_type && ` for the ${created.assigned_agent_type} agent`}.
            </p>
          )}
        </>
      ) : (
        <p className="muted">Your role reads task types; invoking them is for administrators.</p>
      )}
      <details>
        <summary>Input schema</summary>
        <pre tabIndex={0}>{JSON.stringify(taskType.input_schema, null, 2)}</pre>
      </details>
      <details>
        <summary>Output schema</summary>
        <pre tabIndex={0}>{JSON.stringify(taskType.output_schema, null, 2)}</pre>
      </details>
    </section>
  );
}
