// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { AdCampaign, AdMetrics } from '../api/types';
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

function ads() {
  return new FakeGateway()
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
    expect(within(list).getAllByText('€50.00')).toHaveLength(2);
    expect(within(list).getAllByText('€1,500.00')).toHaveLength(2);
    const performance = await screen.findByRole('region', { name: 'Performance since start' });
    expect(within(performance).getAllByText('€1,200.40')).toHaveLength(2);
    expect(within(performance).getAllByText('25.0%')).toHaveLength(2);
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

  it('shows the allocator’s changes with their reasons for a selected campaign', async () => {
    const gateway = ads();
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<AdsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Winter sale' }));

    const detail = await screen.findByRole('region', { name: 'Winter sale' });
    expect(await within(detail).findByText('Thompson share 0.46 of 92.50')).toBeTruthy();
    expect(within(detail).getByText('allocated daily budget none -> 42.50 EUR')).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/ads/campaigns/c1/history')).toHaveLength(1);
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
