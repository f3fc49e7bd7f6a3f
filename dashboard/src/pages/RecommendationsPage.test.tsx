// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { BusinessRule } from '../api/types';
import { FakeGateway, renderPage } from '../test/gateway';
import RecommendationsPage from './RecommendationsPage';

const pinned: BusinessRule = {
  rule_id: 'r1',
  kind: 'pin',
  product_id: 'p-red-mug',
  position: 1,
  boost: null,
  created_at: '2026-11-30T08:00:00Z',
};

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('RecommendationsPage', () => {
  it('shows the business rules to a marketing manager', async () => {
    const gateway = new FakeGateway().ok('GET', '/api/v1/recommendations/rules', [pinned]);
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<RecommendationsPage />);

    expect(await screen.findByText('p-red-mug')).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/recommendations/rules')).toHaveLength(1);
  });

  it('neither shows nor asks for the business rules as support staff, whom the service refuses them', async () => {
    const gateway = new FakeGateway();
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<RecommendationsPage />);

    expect(await screen.findByRole('heading', { name: 'Recommendations' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Pin, boost and block rules' })).toBeNull();
    expect(gateway.callsTo('GET', '/api/v1/recommendations/rules')).toHaveLength(0);
  });
});
