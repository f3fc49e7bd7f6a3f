// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Budget, BudgetAlert } from '../api/types';
import { FakeGateway, renderPage } from '../test/gateway';
import FinancePage from './FinancePage';

const BUDGET = '/api/v1/financial/budgets/marketing';

/** 125.50 used of 100.00: 30.50 recorded without a reservation, 25.50 of it beyond the allocation. */
const overspent: Budget = {
  id: 'b1',
  department: 'marketing',
  fiscal_period: '2026-12',
  currency: 'EUR',
  allocated_amount: 100,
  committed_amount: 0,
  spent_amount: 125.5,
  unbudgeted_amount: 30.5,
  available_amount: 0,
  overspent_amount: 25.5,
  utilisation: 1.255,
  warning_threshold: 0.8,
  critical_threshold: 0.95,
  alerts_enabled: true,
  status: 'overspent',
  updated_at: '2026-12-06T10:00:00Z',
};

const withinBudget: Budget = {
  ...overspent,
  spent_amount: 82,
  unbudgeted_amount: 0,
  available_amount: 18,
  overspent_amount: 0,
  utilisation: 0.82,
  status: 'warning',
};

function alert(level: string, threshold: number, used: number): BudgetAlert {
  return {
    id: `alert-${level}`,
    department: 'marketing',
    fiscal_period: '2026-12',
    level,
    threshold,
    utilisation: used / 100,
    used_amount: used,
    allocated_amount: 100,
    currency: 'EUR',
    created_at: '2026-12-06T09:00:00Z',
  };
}

function finance(budget: Budget, alerts: BudgetAlert[]) {
  return new FakeGateway().ok('GET', BUDGET, budget).ok('GET', `${BUDGET}/alerts`, alerts);
}

/** The figure shown under a label of the budget's tiles, or null when there is no such tile. */
function tile(section: HTMLElement, label: string): string | null {
  const term = within(section).queryByText(label, { selector: 'dt' });
  return term ? (term.nextElementSibling?.textContent ?? '') : null;
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('FinancePage budget', () => {
  it('shows an overspent budget as overspent: its status, what went beyond the allocation and what was spent without a reservation, in its currency', async () => {
    await finance(overspent, [alert('warning', 0.8, 80), alert('critical', 0.95, 96), alert('overspent', 1, 125.5)]).signInAs(['ADMIN']);
    renderPage(<FinancePage />);

    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await within(section).findByText('Allocated', { selector: 'dt' });
    expect(tile(section, 'Overspent')).toBe('€25.50');
    expect(tile(section, 'Spent without a reservation')).toBe('€30.50');
    expect(tile(section, 'Available')).toBe('€0.00');
    const status = within(section).getAllByText('overspent', { selector: '.badge' })[0];
    expect(status.className).toBe('badge badge-overspent');
    expect(within(section).getByRole('meter', { name: 'Budget used' }).classList.contains('overspent')).toBe(true);
    expect(section.querySelector('.overspent-note')?.textContent).toMatch(
      /^Overspent by €25\.50\. Spend recorded after it was made \(€30\.50 without a reservation\) took this budget beyond its allocation of €100\.00\./,
    );

    const alerts = await within(section).findAllByRole('listitem');
    const texts = alerts.map((li) => li.textContent);
    expect(texts[0]).toContain('warning 80.0% used (€80.00 of €100.00)');
    expect(texts[1]).toContain('critical 96.0% used (€96.00 of €100.00)');
    expect(texts[2]).toContain('overspent €25.50 beyond the allocation (€125.50 of €100.00, 125.5% used)');
    expect(within(alerts[2]).getByText('overspent').className).toBe('badge badge-overspent');
  });

  it('shows a budget within its allocation with neither an overspend nor spend without a reservation', async () => {
    await finance(withinBudget, [alert('warning', 0.8, 82)]).signInAs(['ADMIN']);
    renderPage(<FinancePage />);

    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await within(section).findByText('Allocated', { selector: 'dt' });
    expect(tile(section, 'Available')).toBe('€18.00');
    expect(tile(section, 'Overspent')).toBeNull();
    expect(tile(section, 'Spent without a reservation')).toBeNull();
    expect(section.querySelector('.overspent-note')).toBeNull();
    expect(within(section).getByRole('meter', { name: 'Budget used' }).classList.contains('overspent')).toBe(false);
    expect((await within(section).findByRole('listitem')).textContent).toContain('warning 82.0% used (€82.00 of €100.00)');
  });
});
