import { describe, expect, it } from 'vitest';
import type { AllocationHistory, AllocationRound, CampaignAllocationSeries } from '../api/types';
import { allocationCurrencies, allocationSeries } from './adAllocations';

const round = (at: string, currency: string, changes: AllocationRound['changes']): AllocationRound => ({
  round_id: at,
  occurred_at: at,
  actor: 'allocator',
  currency,
  changes,
});

const campaignSeries = (id: string, name: string, currency: string, previous: number | null, points: [string, number][]): CampaignAllocationSeries => ({
  campaign_id: id,
  campaign_name: name,
  currency,
  previous_daily_budget: previous,
  points: points.map(([at, value]) => ({ at, allocated_daily_budget: value })),
});

const history = (campaigns: CampaignAllocationSeries[], rounds: AllocationRound[] = []): AllocationHistory => ({
  from: '2026-11-01T00:00:00Z',
  to: '2026-12-01T00:00:00Z',
  rounds,
  rounds_truncated: false,
  series: { step: 'PT1H', campaigns },
});

describe('allocationSeries', () => {
  it('draws the whole window from the series, carrying each campaign forward through steps that change only others', () => {
    const series = allocationSeries(
      history([
        campaignSeries('a', 'Winter', 'EUR', 50, [['2026-11-02T01:00:00Z', 60]]),
        campaignSeries('b', 'Mugs', 'EUR', null, [
          ['2026-11-02T01:00:00Z', 40],
          ['2026-11-20T13:00:00Z', 45],
        ]),
        campaignSeries('c', 'Abroad', 'USD', 10, [['2026-11-02T01:00:00Z', 12]]),
      ]),
      'EUR',
    );
    expect(series.campaigns).toEqual([
      { id: 'a', name: 'Winter' },
      { id: 'b', name: 'Mugs' },
    ]);
    expect(series.rows).toEqual([
      { time: Date.parse('2026-11-01T00:00:00Z'), a: 50 },
      { time: Date.parse('2026-11-02T01:00:00Z'), a: 60, b: 40 },
      { time: Date.parse('2026-11-20T13:00:00Z'), a: 60, b: 45 },
      { time: Date.parse('2026-12-01T00:00:00Z'), a: 60, b: 45 },
    ]);
  });

  it('has no rows without campaigns in the currency', () => {
    expect(allocationSeries(history([campaignSeries('c', 'Abroad', 'USD', 10, [['2026-11-02T01:00:00Z', 12]])]), 'EUR')).toEqual({ campaigns: [], rows: [] });
  });
});

describe('allocationCurrencies', () => {
  it('orders currencies by their changes over the whole window, a currency with no round listed among them', () => {
    const currencies = allocationCurrencies(
      history(
        [
          campaignSeries('a', 'Winter', 'EUR', null, [['2026-11-02T01:00:00Z', 60]]),
          campaignSeries('b', 'Old', 'GBP', null, [
            ['2026-11-02T01:00:00Z', 40],
            ['2026-11-02T02:00:00Z', 45],
          ]),
        ],
        [round('2026-11-30T08:00:00Z', 'EUR', [])],
      ),
    );
    expect(currencies).toEqual(['GBP', 'EUR']);
  });
});
