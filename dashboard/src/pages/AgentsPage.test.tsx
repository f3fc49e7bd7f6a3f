// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Agent } from '../api/types';
import { FakeGateway, renderPage } from '../test/gateway';
import AgentsPage from './AgentsPage';

const agent: Agent = {
  agent_id: 'a1',
  name: 'Budget checker',
  type: 'finance',
  department: 'finance',
  description: 'Checks spend against the budget.',
  is_active: true,
  default_task_type: 'check-budget',
  personas: [],
  capabilities: ['check-budget'],
  performance_targets: null,
  liveness: { status: 'HEALTHY', live_instances: 2, last_heartbeat_at: '2026-12-06T09:00:00Z' },
};

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('AgentsPage', () => {
  it('lists the registered agents in a table named for them', async () => {
    await new FakeGateway().ok('GET', '/api/v1/agents', [agent]).ok('GET', '/api/v1/agents/task-types', []).signInAs(['ADMIN']);
    renderPage(<AgentsPage />);

    const registry = await screen.findByRole('region', { name: 'Registry' });
    const table = await within(registry).findByRole('table', { name: 'Registered agents' });
    expect(within(table).getByText('Budget checker')).toBeTruthy();
  });
});
