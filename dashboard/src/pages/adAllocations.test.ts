import { describe, expect, it } from 'vitest';
import type { AllocationRound } from '../api/types';
import { allocationSeries, roundCurrencies } from './adAllocations';

const change = (id: string, name: string, previous: number | null, allocated: number) => ({
  campaign_id: id,
  campaign_name: name,
  previous_daily_budget: previous,
  allocated_daily_budget: allocated,
  sampled_score: 0.5,
  reason: 'r',
});

const round = (at: string, currency: string, changes: AllocationRound['changes']): AllocationRound => ({
  round_id: at,
  occurred_at: at,
  actor: 'allocator',
  currency,
  changes,
});

describe('allocationSeries', () => {
  it('carries each campaign forward through rounds that change only others, starting from the budgets before', () => {
    const series = allocationSeries(
      [
        round('2026-12-02T08:00:00Z', 'EUR', [change('b', 'Mugs', 40, 45)]),
        round('2026-12-01T08:00:00Z', 'EUR', [change('a', 'Winter', 50, 60), change('b', 'Mugs', 50, 40)]),
        round('2026-12-01T09:00:00Z', 'USD', [change('c', 'Abroad', 10, 12)]),
      ],
      'EUR',
    );
    expect(series.campaigns).toEqual([
      { id: 'a', name: 'Winter' },
      { id: 'b', name: 'Mugs' },
    ]);
    const first = Date.parse('2026-12-01T08:00:00Z');
    expect(series.rows).toEqual([
      { time: first - 1, a: 50, b: 50 },
      { time: first, a: 60, b: 40 },
      { time: Date.parse('2026-12-02T08:00:00Z'), a: 60, b: 45 },
    ]);
  });

  it('has no rows without rounds in the currency', () => {
    expect(allocationSeries([round('2026-12-01T09:00:00Z', 'USD', [change('c', 'Abroad', 10, 12)])], 'EUR')).toEqual({ campaigns: [], rows: [] });
  });
});

describe('roundCurrencies', () => {
  it('orders currencies by their number of rounds', () => {
    const rounds = [round('1', 'USD', []), round('2', 'EUR', []), round('3', 'EUR', [])];
    expect(roundCurrencies(rounds)).toEqual(['EUR', 'USD']);
  });
});
