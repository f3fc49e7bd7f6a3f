// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { BudgetAlert } from '../api/types';
import { FakeGateway, renderPage } from '../test/gateway';
import OverviewPage from './OverviewPage';

const overspent: BudgetAlert = {
  id: 'alert-overspent',
  department: 'marketing',
  fiscal_period: '2026-12',
  level: 'overspent',
  threshold: 1,
  utilisation: 1.255,
  used_amount: 125.5,
  allocated_amount: 100,
  currency: 'EUR',
  created_at: '2026-12-06T09:00:00Z',
};

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('OverviewPage budget alerts', () => {
  it('lists an overspend with its own badge and what went beyond the allocation', async () => {
    await new FakeGateway().ok('GET', '/api/v1/financial/budgets/marketing/alerts', [overspent]).signInAs(['ADMIN']);
    renderPage(<OverviewPage />);

    const now = await screen.findByRole('region', { name: 'Needs a person now' });
    const item = await within(now).findByText(/beyond the allocation/);
    expect(item.textContent).toBe('overspent €25.50 beyond the allocation (€125.50 of €100.00, 125.5% used)');
    expect(within(item).getByText('overspent').className).toBe('badge badge-overspent');
  });
});
