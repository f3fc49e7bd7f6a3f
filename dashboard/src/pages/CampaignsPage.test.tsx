// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Journey, MarketingCampaign } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import CampaignsPage from './CampaignsPage';

const campaign: MarketingCampaign = {
  id: 'c1',
  name: 'Winter newsletter',
  goal: 'Sell the winter range',
  channel: 'email',
  segment_rule: null,
  budget: { amount: 2500, currency: 'EUR' },
  state: 'plan',
  allowed_transitions: ['create', 'archive'],
  created_by: 'manager',
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
};

const journey: Journey = {
  id: 'j1',
  name: 'Abandoned Cart Recovery',
  active: false,
  activated_at: null,
  created_by: 'demo',
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
  definition: {
    name: 'Abandoned Cart Recovery',
    trigger: { type: 'event', event: 'cart.abandoned' },
    steps: [
      { id: '1', type: 'wait', duration: '1 hour' },
      { id: '2', type: 'email', template: 'abandoned_cart_reminder' },
      { id: 'end', type: 'end', reason: 'done' },
    ],
  },
};

const CUSTOMER = '0b7c9a3e-5d2f-4c1a-9e8b-7a6f5e4d3c2b';

function campaigns() {
  return new FakeGateway()
    .ok('GET', '/api/v1/campaigns', page([campaign]))
    .ok('GET', '/api/v1/campaigns/journeys', page([journey]))
    .ok('GET', '/api/v1/campaigns/segments', page([]))
    .ok('GET', `/api/v1/campaigns/consents/${CUSTOMER}`, {
      customer_id: CUSTOMER,
      consents: [{ channel: 'email', granted: true, source: 'sign-up form', recorded_by: 'customer', recorded_at: '2026-11-01T00:00:00Z' }],
      suppressions: [{ channel: 'sms', reason: 'complaint', suppressed_by: 'support', suppressed_at: '2026-11-02T00:00:00Z' }],
      contact: [
        { channel: 'email', allowed: true, reason: 'consent given' },
        { channel: 'sms', allowed: false, reason: 'suppressed' },
      ],
    });
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('CampaignsPage', () => {
  it('shows campaigns and journeys read-only to support staff, without the builder', async () => {
    const gateway = campaigns();
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<CampaignsPage />);

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    expect(await within(list).findByText('€2,500.00')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Create' })).toBeNull();
    const journeys = screen.getByRole('region', { name: 'Journeys' });
    expect(await within(journeys).findByText('Abandoned Cart Recovery')).toBeTruthy();
    expect(within(journeys).queryByRole('button', { name: /Activate/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Journey builder' })).toBeNull();
  });

  it('moves a campaign through its transitions endpoint and activates a journey', async () => {
    const gateway = campaigns()
      .ok('POST', '/api/v1/campaigns/c1/transitions', { ...campaign, state: 'create' })
      .ok('POST', '/api/v1/campaigns/journeys/j1/activate', { ...journey, active: true });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    await user.click(await within(list).findByRole('button', { name: 'Create' }));
    await user.type(within(list).getByLabelText('Reason'), 'creative brief approved');
    await user.click(within(list).getByRole('button', { name: 'Confirm create' }));
    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/campaigns/c1/transitions')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/campaigns/c1/transitions')[0].body).toEqual({
      target_state: 'create',
      reason: 'creative brief approved',
    });

    await user.click(screen.getByRole('button', { name: 'Activate Abandoned Cart Recovery' }));
    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys/j1/activate')).toHaveLength(1));
  });

  it('shows the validator’s errors on the step they name', async () => {
    const gateway = campaigns().on(
      'POST',
      '/api/v1/campaigns/journeys',
      problem(422, 'The journey definition is not valid.', [
        { field: 'steps[1].template', message: "must be a template id (letters, digits, '_', '.', '-')" },
        { field: 'name', message: 'must not be blank' },
      ]),
    );
    await gateway.signInAs(['MARKETING_MANAGER']);
    const { container } = renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const builder = await screen.findByRole('region', { name: 'Journey builder' });
    await user.click(await within(builder).findByRole('button', { name: 'Validate and save' }));

    const alert = await within(builder).findByRole('alert');
    expect(alert.textContent).toContain('The journey definition is not valid.');
    expect(alert.textContent).toContain('name: must not be blank');
    expect(alert.textContent).toContain('Step “email-2”: template: must be a template id');
    // the graph's nodes follow the errors on the next render
    await waitFor(() => expect(container.querySelector('.step-node[data-step="email-2"]')?.className).toContain('invalid'));
    expect(container.querySelector('.step-node[data-step="email-2"]')?.textContent).toContain('template: must be a template id');
    expect(container.querySelector('.step-node[data-step="wait-1"]')?.className).not.toContain('invalid');
    expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys')[0].body).toEqual({
      trigger: { type: 'event', event: 'cart.abandoned' },
      steps: [
        { id: 'wait-1', type: 'wait', duration: '1 hour' },
        { id: 'email-2', type: 'email' },
        { id: 'end', type: 'end', reason: 'done' },
      ],
    });
  });

  it('saves a journey copied into the builder and edited there', async () => {
    const gateway = campaigns().on('POST', '/api/v1/campaigns/journeys', (call) => ({
      status: 201,
      body: { ...journey, id: 'j2', name: (call.body as { name: string }).name },
    }));
    await gateway.signInAs(['ADMIN']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Copy into the builder' }));
    const builder = screen.getByRole('region', { name: 'Journey builder' });
    expect(((await within(builder).findByLabelText('Journey name')) as HTMLInputElement).value).toBe('Abandoned Cart Recovery (copy)');
    await user.selectOptions(within(builder).getByLabelText('New step'), 'end');
    await user.click(within(builder).getByRole('button', { name: 'Add step' }));
    await user.click(within(builder).getByRole('button', { name: 'Validate and save' }));

    expect((await within(builder).findByRole('status')).textContent).toContain('Abandoned Cart Recovery (copy)');
    const sent = gateway.callsTo('POST', '/api/v1/campaigns/journeys')[0].body as Journey['definition'];
    expect(sent.steps.map((s) => s.id)).toEqual(['1', '2', 'end', 'end-4']);
  });

  it('shows a customer’s consent and suppressions, and suppresses a channel', async () => {
    const gateway = campaigns().ok('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`, {
      customer_id: CUSTOMER,
      consents: [],
      suppressions: [],
      contact: [],
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const consent = screen.getByRole('region', { name: 'Consent and suppression' });
    await user.type(within(consent).getByLabelText('Customer id'), CUSTOMER);
    await user.click(within(consent).getByRole('button', { name: 'Look up' }));
    expect(await within(consent).findByText(/complaint/)).toBeTruthy();
    expect(within(consent).getByText('sign-up form', { exact: false })).toBeTruthy();

    await user.click(within(consent).getByRole('button', { name: 'Suppress' }));
    await user.type(within(consent).getByLabelText('Reason'), 'asked by phone to stop all contact');
    await user.click(within(consent).getByRole('button', { name: 'Confirm suppress' }));
    await waitFor(() => expect(gateway.callsTo('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`)).toHaveLength(1));
    expect(gateway.callsTo('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`)[0].body).toEqual({
      reason: 'asked by phone to stop all contact',
    });
  });

  it('sizes a segment built from conditions through the preview endpoint, then saves it', async () => {
    const gateway = campaigns()
      .ok('POST', '/api/v1/campaigns/segments/preview', { count: 1234, sample_customer_ids: [] })
      .on('POST', '/api/v1/campaigns/segments', (call) => ({ status: 201, body: { id: 's1', name: (call.body as { name: string }).name, description: null, rules: {}, created_by: 'm', created_at: '2026-12-03T00:00:00Z' } }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const segments = screen.getByRole('region', { name: 'Segments' });
    await user.click(within(segments).getByText('Build a segment'));
    await user.type(within(segments).getByLabelText('Value 1'), '500');
    await user.click(within(segments).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(within(segments).getByLabelText('Operator 2'), 'in');
    await user.type(within(segments).getByLabelText('Value 2'), 'DE,FR');
    await user.click(within(segments).getByRole('button', { name: 'Preview size' }));

    expect((await within(segments).findByRole('status')).textContent).toContain('1,234 customers match now');
    const rules = { and: [{ field: 'total_spent', op: 'gt', value: 500 }, { field: 'country', op: 'in', value: ['DE', 'FR'] }] };
    expect(gateway.callsTo('POST', '/api/v1/campaigns/segments/preview')[0].body).toEqual({ rules, sample_size: 5 });

    await user.type(within(segments).getByLabelText('Segment name'), 'Big spenders in DE and FR');
    await user.click(within(segments).getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/campaigns/segments')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/campaigns/segments')[0].body).toEqual({ name: 'Big spenders in DE and FR', rules });
  });

  it('shows the problem detail when the campaigns cannot be listed', async () => {
    const gateway = campaigns().on('GET', '/api/v1/campaigns', problem(503, 'The campaign agent is not answering.'));
    await gateway.signInAs(['ADMIN']);
    renderPage(<CampaignsPage />);

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    expect((await within(list).findByRole('alert')).textContent).toContain('The campaign agent is not answering.');
  });
});
