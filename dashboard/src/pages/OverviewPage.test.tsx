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

describe('OverviewPage KPIs', () => {
  it('names the return on ad spend table by what it lists', async () => {
    await new FakeGateway()
      .ok('GET', '/api/v1/financial/budgets/marketing/alerts', [])
      .ok('GET', '/api/v1/financial/kpis', {
        date_from: '2026-11-07',
        date_to: '2026-12-06',
        currencies: [],
        conversion: { visitors: 100, converted: 4, conversion_rate: 0.04 },
        attribution_model: 'LAST_TOUCH',
        roas_by_agent: [{ key: 'email-agent', currency: 'EUR', attributed_revenue: 300, expenses: 100, roas: 3 }],
        roas_by_channel: [],
      })
      .signInAs(['ADMIN']);
    renderPage(<OverviewPage />);

    const table = await screen.findByRole('table', { name: 'Return on ad spend by agent' });
    expect(within(table).getByText('email-agent')).toBeTruthy();
    expect(within(table).getByText('€300.00')).toBeTruthy();
  });
});
