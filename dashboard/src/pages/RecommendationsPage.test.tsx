// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { BusinessRule } from '../api/types';
import { FakeGateway, problem, renderPage } from '../test/gateway';
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

    const rules = await screen.findByRole('table', { name: 'Pin, boost and block rules' });
    expect(within(rules).getByText('p-red-mug')).toBeTruthy();
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

  it('lists a surface previewed for a customer in a table named for it', async () => {
    const customer = '0f0e0d0c-0000-4000-8000-000000000001';
    const gateway = new FakeGateway().ok('GET', '/api/v1/recommendations/rules', []).ok('GET', `/api/v1/recommendations/users/${customer}`, {
      model_version: 3,
      generated_at: '2026-12-06T09:00:00Z',
      recommendations: [
        { product_id: 'p-red-mug', name: 'Red mug', category: 'Kitchen', price: 9.5, currency: 'EUR', score: 0.91, source: 'model' },
      ],
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<RecommendationsPage />);
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText('Surface'), 'for-you');
    await user.type(screen.getByLabelText('Customer id'), customer);
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const table = await screen.findByRole('table', { name: 'Recommended products' });
    expect(within(table).getByText('Red mug')).toBeTruthy();
  });

  it('shows the problem of the rule action run last, not an earlier failed one, and none once it succeeded', async () => {
    let removeFails = true;
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/recommendations/rules', [pinned])
      .on('POST', '/api/v1/recommendations/rules', problem(422, 'No product has the id p-missing.'))
      .on('DELETE', '/api/v1/recommendations/rules/r1', () =>
        removeFails ? problem(503, 'The recommendation service is not answering.') : { status: 204 },
      );
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<RecommendationsPage />);
    const user = userEvent.setup();
    const rules = await screen.findByRole('region', { name: 'Pin, boost and block rules' });
    await user.type(within(rules).getByLabelText('Product id'), 'p-missing');
    await user.click(within(rules).getByRole('button', { name: 'Add rule' }));
    expect((await within(rules).findByRole('alert')).textContent).toContain('No product has the id p-missing.');

    await user.click(await within(rules).findByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(within(rules).getByRole('alert').textContent).toContain('The recommendation service is not answering.'));
    expect(within(rules).getByRole('alert').textContent).not.toContain('No product has the id p-missing.');

    removeFails = false;
    await user.click(within(rules).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(gateway.callsTo('DELETE', '/api/v1/recommendations/rules/r1')).toHaveLength(2));
    await waitFor(() => expect(within(rules).queryByRole('alert')).toBeNull());
  });
});
