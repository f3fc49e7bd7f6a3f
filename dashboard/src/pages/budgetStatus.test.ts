import { describe, expect, it } from 'vitest';
import type { Budget, BudgetAlert } from '../api/types';
import { alertSummary, hasAmount, isOverspent } from './budgetStatus';

const alert: BudgetAlert = {
  id: 'a1',
  department: 'marketing',
  fiscal_period: '2026-12',
  level: 'critical',
  threshold: 0.95,
  utilisation: 0.96,
  used_amount: 96,
  allocated_amount: 100,
  currency: 'GBP',
  created_at: '2026-12-06T10:00:00Z',
};

describe('budget alerts in words', () => {
  it('says how much of the allocation a crossed threshold has used', () => {
    expect(alertSummary(alert, 'en-GB')).toBe('96.0% used (£96.00 of £100.00)');
  });

  it('says how much an overspend went beyond the allocation, in the budget’s currency and its minor units', () => {
    const overspent = { ...alert, level: 'overspent', threshold: 1, utilisation: 1.0051, used_amount: 10.51, allocated_amount: 10 };
    expect(alertSummary(overspent, 'en-GB')).toBe('£0.51 beyond the allocation (£10.51 of £10.00, 100.5% used)');
    expect(alertSummary({ ...overspent, currency: 'JPY', used_amount: 12500, allocated_amount: 10000 }, 'en-US')).toMatch(/^¥2,500 beyond/);
  });
});

describe('an overspent budget', () => {
  it('is told by its status, not by a full meter', () => {
    const budget = { status: 'overspent', utilisation: 1.2 } as Budget;
    expect(isOverspent(budget)).toBe(true);
    expect(isOverspent({ ...budget, status: 'critical', utilisation: 1 })).toBe(false);
  });

  it('shows amounts beyond the budget only when there are some, also from a finance that sends none', () => {
    expect(hasAmount(25.5)).toBe(true);
    expect(hasAmount('0.00')).toBe(false);
    expect(hasAmount(undefined)).toBe(false);
  });
});
