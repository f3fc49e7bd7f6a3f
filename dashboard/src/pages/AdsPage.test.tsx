// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { AdCampaign, AdMetrics, AllocationHistory, SimulationRun } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import AdsPage from './AdsPage';

const campaign = (id: string, name: string, status: AdCampaign['status'], allowed: AdCampaign['allowed_transitions']): AdCampaign => ({
  id,
  name,
  platform: 'META',
  platform_campaign_id: null,
  status,
  allowed_transitions: allowed,
  daily_budget: 50,
  total_budget: 1500,
  currency: 'EUR',
  allocated_daily_budget: 42.5,
  target_cpa: 12,
  target_roas: null,
  value_per_conversion: 30,
  bid_factor: null,
  starts_at: null,
  ends_at: null,
  ad_groups: [],
  created_by: 'manager',
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
});

const metrics = (id: string, name: string, roas: number | null): AdMetrics => ({
  campaign_id: id,
  name,
  status: 'ACTIVE',
  currency: 'EUR',
  spend: 1200.4,
  revenue: 3601.2,
  bids: 1000,
  impressions: 250,
  clicks: 20,
  conversions: 4,
  win_rate: 0.25,
  ctr: 0.08,
  cvr: 0.2,
  cpa: 300.1,
  ecpc: 60.02,
  roas,
  impression_share: 0.5,
});

const allocations: AllocationHistory = {
  from: '2026-11-03T08:00:00Z',
  to: '2026-12-03T08:00:00Z',
  rounds: [
    {
      round_id: 'r1',
      occurred_at: '2026-12-02T08:00:00Z',
      actor: 'allocator',
      currency: 'EUR',
      changes: [
        { campaign_id: 'c1', campaign_name: 'Winter sale', previous_daily_budget: 50, allocated_daily_budget: 42.5, sampled_score: 0.031, reason: 'Thompson share 0.46 of 92.50' },
        { campaign_id: 'c2', campaign_name: 'Mugs', previous_daily_budget: 50, allocated_daily_budget: 57.5, sampled_score: 0.052, reason: 'Thompson share 0.54 of 92.50' },
      ],
    },
  ],
  rounds_truncated: false,
  series: {
    step: 'PT1H',
    campaigns: [
      { campaign_id: 'c1', campaign_name: 'Winter sale', currency: 'EUR', previous_daily_budget: 50, points: [{ at: '2026-12-02T09:00:00Z', allocated_daily_budget: 42.5 }] },
      { campaign_id: 'c2', campaign_name: 'Mugs', currency: 'EUR', previous_daily_budget: 50, points: [{ at: '2026-12-02T09:00:00Z', allocated_daily_budget: 57.5 }] },
    ],
  },
};

const run = (status: SimulationRun['status']): SimulationRun => ({
  id: 's1',
  status,
  source: 'synthetic',
  policies: ['lin', 'rlb'],
  episode_auctions: 1000,
  budget_ratio: 0.03125,
  seed: 42,
  budget_per_episode: 1969,
  requested_by: 'manager',
  requested_at: '2026-12-03T08:00:00Z',
  started_at: status === 'QUEUED' ? null : '2026-12-03T08:00:01Z',
  finished_at: status === 'COMPLETED' ? '2026-12-03T08:00:09Z' : null,
  failure: null,
  results:
    status === 'COMPLETED'
      ? [
          { policy: 'lin', part: 'second', auctions: 10000, impressions: 2100, clicks: 41, cost: 160000, win_rate: 0.21, cpm: 76.19, ecpc: 3.9 },
          { policy: 'rlb', part: 'second', auctions: 10000, impressions: 2400, clicks: 46, cost: 170000, win_rate: 0.24, cpm: 70.83, ecpc: 3.7 },
        ]
      : [],
  policy_details: {},
});

function ads() {
  return new FakeGateway()
    .ok('GET', '/api/v1/ads/allocations', allocations)
    .ok('GET', '/api/v1/ads/simulations/sources', [{ name: 'synthetic', description: 'a seeded synthetic market', auctions: 20000 }])
    .ok('GET', '/api/v1/ads/simulations', page([run('COMPLETED')]))
    .ok('GET', '/api/v1/ads/campaigns', page([campaign('c1', 'Winter sale', 'ACTIVE', ['PAUSED', 'ENDED']), campaign('c2', 'Mugs', 'PAUSED', ['ACTIVE', 'ENDED'])]))
    .ok('GET', '/api/v1/ads/campaigns/c1/metrics', metrics('c1', 'Winter sale', 3))
    .ok('GET', '/api/v1/ads/campaigns/c2/metrics', metrics('c2', 'Mugs', null))
    .ok('GET', '/api/v1/ads/campaigns/c1/history', page([
      { action: 'CREATED', detail: 'created as DRAFT on META, daily 50.00 EUR, total 1500.00 EUR', actor: 'manager', reason: 'created', occurred_at: '2026-12-01T08:00:00Z' },
      { action: 'ALLOCATION', detail: 'allocated daily budget none -> 42.50 EUR', actor: 'allocator', reason: 'Thompson share 0.46 of 92.50', occurred_at: '2026-12-02T08:00:00Z' },
    ]));
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('AdsPage', () => {
  it('lists campaigns with their budgets in currency and compares their metrics', async () => {
    const gateway = ads();
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    const campaigns = await within(list).findByRole('table', { name: 'Ad campaigns' });
    expect(within(campaigns).getAllByText('€50.00')).toHaveLength(2);
    expect(within(campaigns).getAllByText('€1,500.00')).toHaveLength(2);
    const performance = await screen.findByRole('region', { name: 'Performance since start' });
    const metrics = within(performance).getByRole('table', { name: 'Performance since start' });
    expect(within(metrics).getAllByText('€1,200.40')).toHaveLength(2);
    expect(within(metrics).getAllByText('25.0%')).toHaveLength(2);
    // the active one can be paused or ended, the paused one resumed or ended
    expect(within(list).getAllByRole('button', { name: 'Pause' })).toHaveLength(1);
    expect(within(list).getAllByRole('button', { name: 'Resume' })).toHaveLength(1);
  });

  it('pauses a campaign through its pause endpoint with the reason', async () => {
    const gateway = ads().ok('POST', '/api/v1/ads/campaigns/c1/pause', campaign('c1', 'Winter sale', 'PAUSED', ['ACTIVE', 'ENDED']));
    await gateway.signInAs(['ADMIN']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    await user.type(screen.getByLabelText('Reason'), 'CPA far above target');
    await user.click(screen.getByRole('button', { name: 'Confirm pause' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/ads/campaigns/c1/pause')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/ads/campaigns/c1/pause')[0].body).toEqual({ reason: 'CPA far above target' });
  });

  it('goes back to the page before when pausing took the last active campaign off the page shown', async () => {
    let paused = false;
    const active = (id: string, name: string) => campaign(id, name, 'ACTIVE', ['PAUSED', 'ENDED']);
    const paging = (items: AdCampaign[], pageNumber: number, total: number) => ({
      items,
      pagination: { total, page: pageNumber, limit: 20, total_pages: Math.ceil(total / 20) },
    });
    const gateway = ads()
      .ok('GET', '/api/v1/ads/campaigns?status=ACTIVE&page=1&limit=20', paging([active('c1', 'Winter sale')], 1, 21))
      .on('GET', '/api/v1/ads/campaigns?status=ACTIVE&page=2&limit=20', () => ({
        status: 200,
        body: paused ? paging([], 2, 20) : paging([active('c21', 'Last one')], 2, 21),
      }))
      .on('POST', '/api/v1/ads/campaigns/c21/pause', () => {
        paused = true;
        return { status: 200, body: campaign('c21', 'Last one', 'PAUSED', ['ACTIVE', 'ENDED']) };
      });
    await gateway.signInAs(['ADMIN']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Status'), 'ACTIVE');
    await screen.findByRole('button', { name: 'Winter sale' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('button', { name: 'Last one' });

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.type(screen.getByLabelText('Reason'), 'CPA far above target');
    await user.click(screen.getByRole('button', { name: 'Confirm pause' }));

    expect(await screen.findByRole('button', { name: 'Winter sale' })).toBeTruthy();
    expect(screen.queryByText('No ad campaign yet.')).toBeNull();
  });

  it('shows the allocator’s changes with their reasons for a selected campaign', async () => {
    const gateway = ads();
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Winter sale' }));

    const detail = await screen.findByRole('region', { name: 'Winter sale' });
    expect(await within(detail).findByText('Thompson share 0.46 of 92.50')).toBeTruthy();
    const changes = within(detail).getByRole('table', { name: 'Budget and status changes' });
    expect(within(changes).getByText('allocated daily budget none -> 42.50 EUR')).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/ads/campaigns/c1/history')).toHaveLength(1);
  });

  it('asks for a campaign’s newest changes and shows them, newest first, with how many older ones were left out', async () => {
    const entries = [
      { action: 'BUDGET', detail: 'daily 50.00 -> 60.00, total 1500.00 -> 1500.00 EUR, allocated daily budget 43.00 dropped', actor: 'manager', reason: 'saved just now', occurred_at: '2026-12-09T10:12:00Z' },
      { action: 'ALLOCATION', detail: 'allocated daily budget 41.00 -> 43.00 EUR', actor: 'allocator', reason: 'Thompson share 0.47 of 92.50', occurred_at: '2026-12-09T10:10:00Z' },
      { action: 'ALLOCATION', detail: 'allocated daily budget 42.50 -> 41.00 EUR', actor: 'allocator', reason: 'Thompson share 0.45 of 92.50', occurred_at: '2026-12-09T10:05:00Z' },
    ];
    const gateway = ads().ok('GET', '/api/v1/ads/campaigns/c1/history', { items: entries, pagination: { total: 2500, page: 1, limit: 200, total_pages: 13 } });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Winter sale' }));

    const detail = await screen.findByRole('region', { name: 'Winter sale' });
    const changes = await within(detail).findByRole('table', { name: 'Budget and status changes' });
    const reasons = within(changes)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[3].textContent);
    expect(reasons).toEqual(['saved just now', 'Thompson share 0.47 of 92.50', 'Thompson share 0.45 of 92.50']);
    expect(within(detail).getByText(/The newest 3 of 2500 changes/)).toBeTruthy();
    const asked = new URLSearchParams(gateway.callsTo('GET', '/api/v1/ads/campaigns/c1/history')[0].path.split('?')[1]);
    expect(asked.get('sort')).toBe('newest');
    expect(asked.get('limit')).toBe('200');
  });

  it('compares the campaigns whose metrics loaded and marks the one whose metrics failed', async () => {
    const gateway = ads().on('GET', '/api/v1/ads/campaigns/c2/metrics', problem(503, 'The ad agent is unavailable.'));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);

    const performance = await screen.findByRole('region', { name: 'Performance since start' });
    const table = within(performance).getByRole('table', { name: 'Performance since start' });
    const winter = within(table).getByRole('row', { name: /Winter sale/ });
    expect(within(winter).getByText('€1,200.40')).toBeTruthy();
    const mugs = within(table).getByRole('row', { name: /Mugs/ });
    expect(mugs.textContent).toContain('Metrics could not be loaded: The ad agent is unavailable.');
  });

  it('draws the whole period from the series and says when the rounds listed are only the newest', async () => {
    const gateway = ads().ok('GET', '/api/v1/ads/allocations', {
      ...allocations,
      rounds_truncated: true,
      series: {
        step: 'PT1H',
        campaigns: [
          ...allocations.series.campaigns,
          { campaign_id: 'c9', campaign_name: 'Autumn', currency: 'EUR', previous_daily_budget: null, points: [{ at: '2026-11-10T09:00:00Z', allocated_daily_budget: 30 }] },
        ],
      },
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);

    const section = await screen.findByRole('region', { name: 'Budget allocation across campaigns' });
    await within(section).findByRole('table', { name: 'Allocation rounds' });
    expect(within(section).getByText(/The period had more rounds than the list can hold/).textContent).toContain('end of every hour');
    expect(within(section).getByRole('img', { name: /^Allocated daily budget over time of/ }).getAttribute('aria-label')).toContain('Autumn');
  });

  it('lists every campaign’s allocation changes across rounds with their reasons', async () => {
    const gateway = ads();
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);

    const section = await screen.findByRole('region', { name: 'Budget allocation across campaigns' });
    const rounds = await within(section).findByRole('table', { name: 'Allocation rounds' });
    expect(within(rounds).getByText('Thompson share 0.54 of 92.50')).toBeTruthy();
    expect(within(rounds).getByText('€50.00 → €57.50')).toBeTruthy();
    expect(within(section).getByRole('img', { name: /^Allocated daily budget over time of/ }).getAttribute('aria-label')).toContain('Winter sale, Mugs');
  });

  it('starts a simulation with the chosen policies and shows what each won on the held-out half', async () => {
    const gateway = ads().ok('POST', '/api/v1/ads/simulations', run('QUEUED'));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Bidding simulator' });
    const results = await within(section).findByRole('group', { name: 'Simulation results' });
    const byPolicy = within(results).getByRole('table', { name: 'Results by policy' });
    expect(within(byPolicy).getAllByText('Second half (held out)')).toHaveLength(2);
    expect(within(byPolicy).getByText('46')).toBeTruthy();

    await user.click(within(section).getByRole('checkbox', { name: /Linear bidding/ }));
    await user.click(within(section).getByRole('button', { name: 'Run simulation' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/ads/simulations')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/ads/simulations')[0].body).toEqual({
      source: 'synthetic',
      policies: ['rlb'],
      episode_auctions: 1000,
      budget_ratio: 0.03125,
      seed: 42,
    });
  });

  it('shows the problem detail when a move is refused', async () => {
    const gateway = ads().on('POST', '/api/v1/ads/campaigns/c2/resume', problem(409, 'Campaign c2 cannot move from ENDED to ACTIVE.'));
    await gateway.signInAs(['ADMIN']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    await user.type(screen.getByLabelText('Reason'), 'back');
    await user.click(screen.getByRole('button', { name: 'Confirm resume' }));

    expect((await screen.findByRole('alert')).textContent).toContain('cannot move from ENDED to ACTIVE');
  });
});
