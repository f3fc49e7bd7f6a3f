// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { TaskSummary } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import TasksPage from './TasksPage';

function task(id: string, status: string): TaskSummary {
  return {
    task_id: `${id}-0000-4000-8000-000000000000`,
    task_type: 'check-budget',
    status,
    priority: 5,
    progress: status === 'COMPLETED' ? 100 : 40,
    assigned_agent_type: 'finance',
    created_at: '2026-12-03T08:00:00Z',
    completed_at: null,
  };
}

function paged(items: TaskSummary[], pageNumber: number, totalPages: number) {
  return { items, pagination: { total: totalPages * 25, page: pageNumber, limit: 25, total_pages: totalPages } };
}

function tasks() {
  return new FakeGateway()
    .ok('GET', '/api/v1/escalations', page([]))
    .ok('GET', '/api/v1/agents/tasks?page=1&limit=25', paged([task('aaaaaaaa', 'RUNNING'), task('bbbbbbbb', 'COMPLETED')], 1, 2))
    .ok('GET', '/api/v1/agents/tasks?page=2&limit=25', paged([task('cccccccc', 'COMPLETED')], 2, 2))
    .ok('GET', '/api/v1/agents/tasks?status=FAILED&page=1&limit=25', paged([task('dddddddd', 'FAILED')], 1, 1));
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('TasksPage', () => {
  it('lists tasks with their progress and a link to each, pages through them and goes back to the first page on a filter', async () => {
    const gateway = tasks();
    await gateway.signInAs(['ADMIN']);
    renderPage(<TasksPage />);
    const user = userEvent.setup();

    const list = await screen.findByRole('table', { name: 'Tasks' });
    expect(within(list).getByRole('link', { name: 'aaaaaaaa' }).getAttribute('href')).toBe('/admin/tasks/aaaaaaaa-0000-4000-8000-000000000000');
    expect(within(list).getByRole('progressbar', { name: 'Progress of aaaaaaaa' }).getAttribute('value')).toBe('40');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'cccccccc' })).toBeTruthy();
    expect(screen.getByText('Page 2 of 2 · 50 in all')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Status'), 'FAILED');
    expect(await screen.findByRole('link', { name: 'dddddddd' })).toBeTruthy();
    await waitFor(() => expect(gateway.calls.at(-1)?.path).toBe('/api/v1/agents/tasks?status=FAILED&page=1&limit=25'));
  });

  it('says when no task matches and shows the problem detail when the tasks cannot be listed', async () => {
    const gateway = tasks().ok('GET', '/api/v1/agents/tasks?status=FAILED&page=1&limit=25', paged([], 1, 0));
    await gateway.signInAs(['ADMIN']);
    renderPage(<TasksPage />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Tasks' });
    await user.selectOptions(screen.getByLabelText('Status'), 'FAILED');
    expect(await screen.findByText('No task matches these filters.')).toBeTruthy();
    cleanup();

    gateway.on('GET', '/api/v1/agents/tasks?page=1&limit=25', problem(503, 'The supervisor is not answering.'));
    renderPage(<TasksPage />);
    const section = await screen.findByRole('region', { name: 'Tasks' });
    expect((await within(section).findByRole('alert')).textContent).toContain('The supervisor is not answering.');
  });

  it('offers resolving a claimed escalation only to whoever claimed it', async () => {
    // FakeGateway signs in as the user with the id user-1
    const gateway = tasks().ok('GET', '/api/v1/escalations', page([escalation('e1111111', 'user-1'), escalation('e2222222', 'someone-else')]));
    await gateway.signInAs(['ADMIN']);
    renderPage(<TasksPage />);

    expect(await screen.findByRole('button', { name: 'Resolve e1111111' })).toBeTruthy();
    expect(screen.getByText(/claimed by someone-else/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resolve e2222222' })).toBeNull();
  });

  it('pages through the escalations beyond the first 50, oldest first, and starts again from the first page on another status', async () => {
    const escalations = (ids: string[], pageNumber: number, totalPages: number) => ({
      items: ids.map((id) => ({ ...escalation(id, 'someone-else'), reason: `the agent could not finish ${id}` })),
      pagination: { total: 50 + ids.length, page: pageNumber, limit: 50, total_pages: totalPages },
    });
    const gateway = tasks()
      .ok('GET', '/api/v1/escalations?status=OPEN&page=1&limit=50', escalations(['e1111111'], 1, 2))
      .ok('GET', '/api/v1/escalations?status=OPEN&page=2&limit=50', escalations(['e5151515'], 2, 2))
      .ok('GET', '/api/v1/escalations?status=RESOLVED&page=1&limit=50', escalations(['e9999999'], 1, 1));
    await gateway.signInAs(['ADMIN']);
    renderPage(<TasksPage />);
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Escalations' });

    expect(await within(section).findByText('the agent could not finish e1111111')).toBeTruthy();
    expect(within(section).getByText('Page 1 of 2 · 51 in all')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Next' }));
    expect(await within(section).findByText('the agent could not finish e5151515')).toBeTruthy();
    expect(within(section).queryByText('the agent could not finish e1111111')).toBeNull();
    expect(gateway.callsTo('GET', '/api/v1/escalations').at(-1)?.path).toBe('/api/v1/escalations?status=OPEN&page=2&limit=50');

    await user.selectOptions(within(section).getByLabelText('Show'), 'RESOLVED');
    expect(await within(section).findByText('the agent could not finish e9999999')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Next' })).toBeNull();
    expect(gateway.callsTo('GET', '/api/v1/escalations').at(-1)?.path).toBe('/api/v1/escalations?status=RESOLVED&page=1&limit=50');
  });

  describe('sending an escalated task back to the agents', () => {
    const TASK = '/api/v1/agents/tasks/aaaaaaaa-0000-4000-8000-000000000000';
    const RESOLVE = '/api/v1/escalations/e1111111-0000-4000-8000-000000000000/resolve';

    async function escalated(assignedAgentType: string | null) {
      const gateway = tasks()
        .ok('GET', '/api/v1/escalations', page([escalation('e1111111', 'user-1')]))
        .ok('GET', TASK, { ...task('aaaaaaaa', 'ESCALATED'), assigned_agent_type: assignedAgentType, assigned_agent: null })
        .ok('GET', '/api/v1/agents/task-types', [
          { agent_type: 'finance', task_type: 'check-budget' },
          { agent_type: 'inventory', task_type: 'forecast-demand' },
          { agent_type: 'inventory', task_type: 'reorder' },
        ])
        .on('POST', RESOLVE, { status: 200, body: { ...escalation('e1111111', 'user-1'), status: 'RESOLVED' } });
      await gateway.signInAs(['ADMIN']);
      renderPage(<TasksPage />);
      return gateway;
    }

    it('names the agent to send a task that was never routed to, chosen from the agent types', async () => {
      const gateway = await escalated(null);
      const user = userEvent.setup();
      await user.selectOptions(await screen.findByLabelText('Outcome'), 'REQUEUED');

      const agent = await screen.findByLabelText('Agent');
      await within(agent).findByRole('option', { name: 'inventory' });
      expect(within(agent).getAllByRole('option').map((o) => o.textContent)).toEqual(['choose an agent', 'finance', 'inventory']);
      await user.selectOptions(agent, 'inventory');
      await user.click(screen.getByRole('button', { name: 'Resolve e1111111' }));

      await waitFor(() => expect(gateway.callsTo('POST', RESOLVE).map((c) => c.body)).toEqual([{ outcome: 'REQUEUED', agent_type: 'inventory' }]));
    });

    it('sends a routed task back to its own agent without asking for one', async () => {
      const gateway = await escalated('finance');
      const user = userEvent.setup();
      await user.selectOptions(await screen.findByLabelText('Outcome'), 'REQUEUED');
      await waitFor(() => expect((screen.getByRole('button', { name: 'Resolve e1111111' }) as HTMLButtonElement).disabled).toBe(false));

      expect(screen.queryByLabelText('Agent')).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Resolve e1111111' }));
      await waitFor(() => expect(gateway.callsTo('POST', RESOLVE).map((c) => c.body)).toEqual([{ outcome: 'REQUEUED' }]));
    });
  });
});

function escalation(id: string, claimedBy: string) {
  return {
    escalation_id: `${id}-0000-4000-8000-000000000000`,
    task_id: 'aaaaaaaa-0000-4000-8000-000000000000',
    reason: 'the agent could not finish',
    status: 'CLAIMED',
    claimed_by: claimedBy,
    claimed_at: '2026-12-03T08:05:00Z',
    resolved_by: null,
    resolved_at: null,
    outcome: null,
    resolution: null,
    created_at: '2026-12-03T08:00:00Z',
  };
}
