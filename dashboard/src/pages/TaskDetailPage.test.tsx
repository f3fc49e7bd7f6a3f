// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Task } from '../api/types';
import { FakeGateway, json, page } from '../test/gateway';
import TaskDetailPage from './TaskDetailPage';

const TASK_ID = 'aaaaaaaa-0000-4000-8000-000000000000';

function task(status: string): Task {
  return {
    task_id: TASK_ID,
    task_type: 'check-budget',
    status,
    priority: 5,
    progress: 40,
    assigned_agent_type: 'finance',
    created_at: '2026-12-03T08:00:00Z',
    completed_at: null,
    assigned_agent: null,
    input_data: {},
    output_data: null,
    error_message: null,
    failure: null,
    errors: null,
    attempts: 1,
    routing: null,
    correlation_id: null,
    trace_id: null,
    expires_at: null,
    started_at: null,
    transitions: [{ from: null, to: status, actor: 'supervisor', reason: null, at: '2026-12-03T08:00:00Z' }],
  };
}

function showTask() {
  render(
    <MemoryRouter initialEntries={[`/admin/tasks/${TASK_ID}`]}>
      <Routes>
        <Route path="/admin/tasks/:taskId" element={<TaskDetailPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('TaskDetailPage', () => {
  it.each(['QUEUED', 'ASSIGNED', 'RUNNING'])('offers no cancel for a task an agent holds (%s)', async (status) => {
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/escalations', page([]))
      .ok('GET', `/api/v1/agents/tasks/${TASK_ID}`, task(status));
    await gateway.signInAs(['ADMIN']);
    showTask();

    expect(await screen.findByText('check-budget')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel task' })).toBeNull();
  });

  it.each(['CREATED', 'ESCALATED'])('offers cancel for a task no agent holds (%s)', async (status) => {
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/escalations', page([]))
      .ok('GET', `/api/v1/agents/tasks/${TASK_ID}`, task(status));
    await gateway.signInAs(['ADMIN']);
    showTask();

    expect(await screen.findByRole('button', { name: 'Cancel task' })).toBeTruthy();
  });

  it('shows nothing of the previous task while the next one loads, and offers no cancel meanwhile', async () => {
    const NEXT_ID = 'bbbbbbbb-0000-4000-8000-000000000000';
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/escalations', page([]))
      .ok('GET', `/api/v1/agents/tasks/${TASK_ID}`, task('CREATED'));
    await gateway.signInAs(['ADMIN']);
    let answer: (r: Response) => void = () => {};
    const next = new Promise<Response>((resolve) => (answer = resolve));
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === `/api/v1/agents/tasks/${NEXT_ID}` ? next : gateway.fetch(input, init),
    );
    render(
      <MemoryRouter initialEntries={[`/admin/tasks/${TASK_ID}`]}>
        <Link to={`/admin/tasks/${NEXT_ID}`}>Next task</Link>
        <Routes>
          <Route path="/admin/tasks/:taskId" element={<TaskDetailPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    expect(await screen.findByText('check-budget')).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Next task' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Task bbbbbbbb' })).toBeTruthy();
    expect(screen.queryByText('check-budget')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel task' })).toBeNull();

    answer(json(200, { ...task('RUNNING'), task_id: NEXT_ID, task_type: 'send-email' }));
    expect(await screen.findByText('send-email')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel task' })).toBeNull();
  });
});
