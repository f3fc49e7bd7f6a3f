// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Experiment, Journey, MarketingCampaign, SuppressionEntry, TemplateSummary } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import CampaignsPage, { parseVariables } from './CampaignsPage';

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

const template: TemplateSummary = {
  channel: 'email',
  template_id: 'winter_offer',
  subject: 'Winter offer for {{email}}',
  updated_by: 'manager',
  updated_at: '2026-12-01T08:00:00Z',
};

const suppression: SuppressionEntry = {
  customer_id: CUSTOMER,
  customer_number: 'C-42',
  email: 'ada@example.test',
  channel: 'sms',
  reason: 'complaint',
  suppressed_by: 'support',
  suppressed_at: '2026-11-02T00:00:00Z',
};

const experiment: Experiment = {
  id: 'x1',
  name: 'Reminder wording',
  journey_id: 'j1',
  control_step: 'text_a',
  treatment_steps: ['text_b'],
  metric: 'converted',
  alpha: 0.05,
  power: 0.8,
  mde: 0.02,
  tau: 0.05,
  created_by: 'manager',
  created_at: '2026-12-01T08:00:00Z',
};

function campaigns() {
  return new FakeGateway()
    .ok('GET', '/api/v1/campaigns', page([campaign]))
    .ok('GET', '/api/v1/campaigns/journeys', page([journey]))
    .ok('GET', '/api/v1/campaigns/segments', page([]))
    .ok('GET', '/api/v1/campaigns/templates', page([template]))
    .ok('GET', '/api/v1/campaigns/suppressions', page([suppression]))
    .ok('GET', '/api/v1/campaigns/experiments', page([experiment]))
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
    expect(within(within(journeys).getByRole('table', { name: 'Journeys' })).getByText('Abandoned Cart Recovery')).toBeTruthy();
    expect(within(journeys).queryByRole('button', { name: /Activate/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Journey builder' })).toBeNull();
  });

  it('opens a campaign’s results: its journeys’ sends, opens, conversions and revenue', async () => {
    const gateway = campaigns().ok('GET', '/api/v1/campaigns/c1/kpis', {
      journey_id: null,
      campaign_id: 'c1',
      journey_ids: ['j1', 'j2'],
      sent: 120,
      delivered: 118,
      failed: 1,
      bounced: 1,
      pending: 0,
      opened: 59,
      clicked: 12,
      converted: 7,
      unsubscribed: 3,
      attributed_orders: 7,
      revenue: [{ amount: 431.5, currency: 'GBP' }],
      skipped: {},
      rates: { open: 0.5, click: 0.1017, click_to_open: 0.2034 },
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    await user.click((await within(list).findAllByText('Results'))[0]);

    const results = await within(list).findByLabelText(/^Results of /);
    expect(await within(results).findByText('£431.50')).toBeTruthy();
    expect(within(results).getByText('59 (50.0%)')).toBeTruthy();
    expect(within(results).getByText('3')).toBeTruthy();
    // the campaign's two journeys
    expect(within(results).getByText('2')).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/campaigns/c1/kpis')).toHaveLength(1);
  });

  it('moves a campaign through its transitions endpoint and activates a journey', async () => {
    let moved = false;
    const gateway = campaigns()
      .on('GET', '/api/v1/campaigns', () => ({ status: 200, body: page([moved ? { ...campaign, state: 'create', allowed_transitions: ['test'] } : campaign]) }))
      .on('POST', '/api/v1/campaigns/c1/transitions', () => ((moved = true), { status: 200, body: { ...campaign, state: 'create' } }))
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
    // the list is read again and shows the campaign in its new state
    expect(await within(list).findByRole('button', { name: 'Test' })).toBeTruthy();
    expect(within(within(list).getByRole('table', { name: 'Marketing campaigns' })).getByText('create')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Activate Abandoned Cart Recovery' }));
    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys/j1/activate')).toHaveLength(1));
  });

  it('reads an open history again after a move, so it shows the move just made', async () => {
    let moved = false;
    const created = { from_state: 'plan', to_state: 'create', actor: 'manager', reason: 'creative brief approved', occurred_at: '2026-12-02T08:00:00Z' };
    const planned = { from_state: null, to_state: 'plan', actor: 'manager', reason: 'winter range', occurred_at: '2026-12-01T08:00:00Z' };
    const gateway = campaigns()
      .on('GET', '/api/v1/campaigns', () => ({ status: 200, body: page([moved ? { ...campaign, state: 'create', allowed_transitions: ['test'] } : campaign]) }))
      .on('GET', '/api/v1/campaigns/c1/history', () => ({ status: 200, body: page(moved ? [planned, created] : [planned]) }))
      .on('POST', '/api/v1/campaigns/c1/transitions', () => ((moved = true), { status: 200, body: { ...campaign, state: 'create' } }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();
    const list = await screen.findByRole('region', { name: 'Campaigns' });
    await user.click(await within(list).findByText('History'));
    expect(await within(list).findByText(/new → plan by manager: winter range/)).toBeTruthy();

    await user.click(within(list).getByRole('button', { name: 'Create' }));
    await user.type(within(list).getByLabelText('Reason'), 'creative brief approved');
    await user.click(within(list).getByRole('button', { name: 'Confirm create' }));

    expect(await within(list).findByText(/plan → create by manager: creative brief approved/)).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/campaigns/c1/history')).toHaveLength(2);
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
    expect(within(within(consent).getByRole('table', { name: 'Consent by channel' })).getByText('sign-up form', { exact: false })).toBeTruthy();

    await user.click(within(consent).getByRole('button', { name: 'Suppress' }));
    // the shop shows the reason to the customer ("paused by the store: …"), and the field says so
    const reason = within(consent).getByLabelText('Reason');
    const description = document.getElementById(reason.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain('The customer reads this reason in the shop');
    await user.type(reason, 'asked by phone to stop all contact');
    await user.click(within(consent).getByRole('button', { name: 'Confirm suppress' }));
    await waitFor(() => expect(gateway.callsTo('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`)).toHaveLength(1));
    expect(gateway.callsTo('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`)[0].body).toEqual({
      reason: 'asked by phone to stop all contact',
    });
  });

  describe('paging', () => {
    function paged<T>(items: T[], pageNumber: number, totalPages: number, limit: number) {
      return { items, pagination: { total: (totalPages - 1) * limit + items.length, page: pageNumber, limit, total_pages: totalPages } };
    }

    function move(to: string, reason: string) {
      return { from_state: 'plan', to_state: to, actor: 'manager', reason, occurred_at: '2026-12-02T08:00:00Z' };
    }

    it('pages through a campaign’s history beyond its first 50 moves', async () => {
      const gateway = campaigns()
        .ok('GET', '/api/v1/campaigns/c1/history?page=1&limit=50', paged([move('create', 'first move')], 1, 2, 50))
        .ok('GET', '/api/v1/campaigns/c1/history?page=2&limit=50', paged([move('test', 'latest move')], 2, 2, 50));
      await gateway.signInAs(['MARKETING_MANAGER']);
      renderPage(<CampaignsPage />);
      const user = userEvent.setup();
      const list = await screen.findByRole('region', { name: 'Campaigns' });

      await user.click(await within(list).findByText('History'));
      expect(await within(list).findByText(/first move/)).toBeTruthy();
      await user.click(within(list).getByRole('button', { name: 'Next' }));
      expect(await within(list).findByText(/latest move/)).toBeTruthy();
      expect(within(list).getByText('Page 2 of 2 · 51 in all')).toBeTruthy();
    });

    it('pages through the segments beyond the first 50', async () => {
      const segment = (id: string) => ({ id, name: `Segment ${id}`, description: null, rules: {}, created_by: 'm', created_at: '2026-12-03T00:00:00Z' });
      await campaigns()
        .ok('GET', '/api/v1/campaigns/segments?page=1&limit=50', paged([segment('s1')], 1, 2, 50))
        .ok('GET', '/api/v1/campaigns/segments?page=2&limit=50', paged([segment('s51')], 2, 2, 50))
        .signInAs(['MARKETING_MANAGER']);
      renderPage(<CampaignsPage />);
      const user = userEvent.setup();
      const segments = screen.getByRole('region', { name: 'Segments' });

      expect(await within(segments).findByText('Segment s1')).toBeTruthy();
      await user.click(within(segments).getByRole('button', { name: 'Next' }));
      expect(await within(segments).findByText('Segment s51')).toBeTruthy();
      expect(within(segments).queryByText('Segment s1')).toBeNull();
    });

    it('pages through the journeys beyond the first 100', async () => {
      const other = { ...journey, id: 'j101', name: 'Win-back', definition: { ...journey.definition, name: 'Win-back' } };
      await campaigns()
        .ok('GET', '/api/v1/campaigns/journeys?page=1&limit=100', paged([journey], 1, 2, 100))
        .ok('GET', '/api/v1/campaigns/journeys?page=2&limit=100', paged([other], 2, 2, 100))
        .signInAs(['MARKETING_MANAGER']);
      renderPage(<CampaignsPage />);
      const user = userEvent.setup();
      const journeys = screen.getByRole('region', { name: 'Journeys' });

      const table = await within(journeys).findByRole('table', { name: 'Journeys' });
      expect(within(table).getByText('Abandoned Cart Recovery')).toBeTruthy();
      await user.click(within(journeys).getByRole('button', { name: 'Next' }));
      expect(await within(journeys).findByText('Win-back')).toBeTruthy();
      expect(within(journeys).getByText('Page 2 of 2 · 101 in all')).toBeTruthy();
    });
  });

  it('lists the saved segments in a table named for them', async () => {
    const segment = { id: 's1', name: 'Big spenders', description: null, rules: { field: 'total_spent', op: 'gt', value: 500 }, created_by: 'm', created_at: '2026-12-03T00:00:00Z' };
    await campaigns().ok('GET', '/api/v1/campaigns/segments', page([segment])).signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);

    const segments = screen.getByRole('region', { name: 'Segments' });
    expect(within(await within(segments).findByRole('table', { name: 'Segments' })).getByText('Big spenders')).toBeTruthy();
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
    const rules = { and: [{ field: 'total_spent', op: 'gt', value: 500, currency: 'GBP' }, { field: 'country', op: 'in', value: ['DE', 'FR'] }] };
    expect(gateway.callsTo('POST', '/api/v1/campaigns/segments/preview')[0].body).toEqual({ rules, sample_size: 5 });

    await user.type(within(segments).getByLabelText('Segment name'), 'Big spenders in DE and FR');
    await user.click(within(segments).getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/campaigns/segments')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/campaigns/segments')[0].body).toEqual({ name: 'Big spenders in DE and FR', rules });
  });

  it('sends the currency a spend threshold is in, so yen are never compared with pounds', async () => {
    const gateway = campaigns().ok('POST', '/api/v1/campaigns/segments/preview', { count: 3, sample_customer_ids: [] });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const segments = screen.getByRole('region', { name: 'Segments' });
    await user.click(within(segments).getByText('Build a segment'));
    await user.type(within(segments).getByLabelText('Value 1'), '50000');
    await user.clear(within(segments).getByLabelText('Currency 1'));
    await user.type(within(segments).getByLabelText('Currency 1'), 'JPY');
    await user.click(within(segments).getByRole('button', { name: 'Preview size' }));

    await within(segments).findByRole('status');
    expect(gateway.callsTo('POST', '/api/v1/campaigns/segments/preview')[0].body).toEqual({
      rules: { field: 'total_spent', op: 'gt', value: 50000, currency: 'JPY' },
      sample_size: 5,
    });
  });

  it('shows the problem detail when the campaigns cannot be listed', async () => {
    const gateway = campaigns().on('GET', '/api/v1/campaigns', problem(503, 'The campaign agent is not answering.'));
    await gateway.signInAs(['ADMIN']);
    renderPage(<CampaignsPage />);

    const list = await screen.findByRole('region', { name: 'Campaigns' });
    expect((await within(list).findByRole('alert')).textContent).toContain('The campaign agent is not answering.');
  });

  it('lists the stored templates and renders one for a customer through the preview endpoint', async () => {
    const gateway = campaigns()
      .ok('GET', '/api/v1/campaigns/templates/email/winter_offer', {
        channel: 'email',
        template_id: 'winter_offer',
        subject: 'Winter offer for {{email}}',
        body: '<p>{{discount}} off</p>',
        updated_by: 'manager',
        updated_at: '2026-12-01T08:00:00Z',
      })
      .ok('POST', '/api/v1/campaigns/templates/email/winter_offer/preview', {
        channel: 'email',
        template_id: 'winter_offer',
        customer_id: CUSTOMER,
        subject: 'Winter offer for ada@example.test',
        body: '<p>10% off</p>',
      });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const templates = screen.getByRole('region', { name: 'Templates' });
    await user.click(await within(templates).findByRole('button', { name: 'email/winter_offer' }));
    const form = await within(templates).findByRole('form', { name: 'Preview for a customer' });
    await user.type(within(form).getByLabelText('Customer id (optional)'), CUSTOMER);
    await user.clear(within(form).getByLabelText('Variables (JSON)'));
    await user.type(within(form).getByLabelText('Variables (JSON)'), '{{"discount": "10%"}');
    await user.click(within(form).getByRole('button', { name: 'Render' }));

    const rendered = await within(templates).findByRole('region', { name: 'Rendered template' });
    expect(rendered.textContent).toContain('Winter offer for ada@example.test');
    expect(within(rendered).getByTitle('Rendered email/winter_offer').getAttribute('srcdoc')).toBe('<p>10% off</p>');
    expect(gateway.callsTo('POST', '/api/v1/campaigns/templates/email/winter_offer/preview')[0].body).toEqual({
      customer_id: CUSTOMER,
      variables: { discount: '10%' },
    });
  });

  it('reads only JSON objects as template variables', () => {
    expect(parseVariables('{"a": 1}')).toEqual({ a: 1 });
    expect(parseVariables('')).toEqual({});
    expect(parseVariables('[1]')).toBeUndefined();
    expect(parseVariables('{oops')).toBeUndefined();
  });

  it('lists every suppression and lifts one, then lists again', async () => {
    const gateway = campaigns().on('DELETE', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/sms`, { status: 204 });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const list = screen.getByRole('region', { name: 'Suppression list' });
    expect(await within(list).findByText('ada@example.test')).toBeTruthy();
    await user.selectOptions(within(list).getByLabelText('Suppressed channel'), 'sms');
    await waitFor(() => expect(gateway.calls.some((c) => c.path === '/api/v1/campaigns/suppressions?channel=sms&page=1&limit=20')).toBe(true));
    await user.click(await within(list).findByRole('button', { name: 'Lift sms for ada@example.test' }));

    await waitFor(() => expect(gateway.callsTo('DELETE', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/sms`)).toHaveLength(1));
    await waitFor(() => expect(gateway.callsTo('GET', '/api/v1/campaigns/suppressions').length).toBeGreaterThanOrEqual(3));
  });

  it('shows support staff the suppression list without lifting', async () => {
    const gateway = campaigns();
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<CampaignsPage />);

    const list = screen.getByRole('region', { name: 'Suppression list' });
    expect(await within(list).findByText('complaint')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /Lift/ })).toBeNull();
  });

  it('opens an experiment with its arms, effect, interval, sequential p-value and decision', async () => {
    const gateway = campaigns().ok('GET', '/api/v1/campaigns/experiments/x1/results', {
      experiment_id: 'x1',
      metric: 'converted',
      result: {
        control: 'text_a',
        metric_type: 'proportion',
        arms: [
          { label: 'text_a', units: 1200, sum: 60, mean: 0.05, assigned: 1210 },
          { label: 'text_b', units: 1180, sum: 94, mean: 0.0797, assigned: 1255 },
        ],
        comparisons: [
          {
            treatment: 'text_b',
            difference: 0.0297,
            relative_lift: 0.59,
            z: 2.9,
            p_value: 0.0037,
            ci_low: 0.0097,
            ci_high: 0.0497,
            always_valid_p_value: 0.021,
            sequential_looks: 3,
            required_units_per_arm: 1900,
            welch_t: 2.9,
            welch_degrees_of_freedom: 2300,
            welch_p_value: 0.0038,
            welch_ci_low: 0.0096,
            welch_ci_high: 0.0498,
            decision: 'winner',
            reason: 'significant at the sequential bound',
          },
        ],
        sample_ratio: { chi_square: 0.17, p_value: 0.68, mismatch: false },
        decision: 'winner',
        winner: 'text_b',
        reason: 'text_b converts better',
      },
    });
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const experiments = screen.getByRole('region', { name: 'Experiments' });
    expect(await within(await within(experiments).findByRole('table', { name: 'Experiments' })).findByText('Abandoned Cart Recovery')).toBeTruthy();
    await user.click(await within(experiments).findByRole('button', { name: 'Reminder wording' }));
    const results = await within(experiments).findByRole('region', { name: 'Results of Reminder wording' });
    expect(await within(results).findByText('Winner: text_b.')).toBeTruthy();
    expect(within(results).getByText('2.97%')).toBeTruthy();
    expect(within(results).getByText('0.97% – 4.97%')).toBeTruthy();
    expect(within(results).getByText('0.021')).toBeTruthy();
    expect(within(results).getByText('1,180')).toBeTruthy();
    // the sample-ratio check weighs the assignments, customers still waiting for their arm's step included
    const arms = within(results).getByRole('table', { name: 'Arms' });
    const header = within(arms).getAllByRole('columnheader').map((h) => h.textContent);
    const textB = within(arms).getByText('text_b').closest('tr') as HTMLElement;
    const cells = within(textB).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[header.indexOf('Assigned')]).toBe('1,255');
    expect(cells[header.indexOf('Units')]).toBe('1,180');
  });

  it('saves changes to an inactive journey with a PUT to that journey', async () => {
    const gateway = campaigns().on('PUT', '/api/v1/campaigns/journeys/j1', (call) => ({
      status: 200,
      body: { ...journey, name: (call.body as { name: string }).name },
    }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Change Abandoned Cart Recovery' }));
    const builder = screen.getByRole('region', { name: 'Journey builder' });
    expect(((await within(builder).findByLabelText('Journey name')) as HTMLInputElement).value).toBe('Abandoned Cart Recovery');
    await user.click(within(builder).getByRole('button', { name: 'Validate and save changes' }));

    expect((await within(builder).findByRole('status')).textContent).toContain('Saved the changes to journey “Abandoned Cart Recovery”');
    expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys')).toHaveLength(0);
    const sent = gateway.callsTo('PUT', '/api/v1/campaigns/journeys/j1')[0].body as Journey['definition'];
    expect(sent.steps.map((s) => s.id)).toEqual(['1', '2', 'end']);
  });

  it('dry-runs an event journey for named customers and shows each one’s path', async () => {
    const gateway = campaigns().ok('POST', '/api/v1/campaigns/journeys/j1/dry-run', {
      journey_id: 'j1',
      trigger_type: 'event',
      candidates: 1,
      customers: [
        {
          customer_id: CUSTOMER,
          enters: true,
          reason: null,
          steps: [
            { step_id: '1', type: 'wait', outcome: 'waits 1 hour' },
            { step_id: '2', type: 'email', outcome: 'sends email template abandoned_cart_reminder' },
            { step_id: 'end', type: 'end', outcome: 'ends: done' },
          ],
        },
      ],
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Dry run Abandoned Cart Recovery' }));
    const dryRun = screen.getByRole('region', { name: 'Dry run of Abandoned Cart Recovery' });
    await user.type(within(dryRun).getByLabelText('Customer ids (comma-separated)'), CUSTOMER.toUpperCase());
    await user.type(within(dryRun).getByLabelText('Cart value'), '80.00');
    await user.click(within(dryRun).getByRole('button', { name: 'Try it' }));

    expect((await within(dryRun).findByRole('status')).textContent).toContain('1 of 1 tried would enter');
    expect(within(dryRun).getByText(/sends email template abandoned_cart_reminder/)).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys/j1/dry-run')[0].body).toEqual({
      customer_ids: [CUSTOMER],
      context: { cart_value: '80.00', currency: 'GBP' },
    });
  });

  it('tries a cart in the currency typed, so a cart in yen is not taken for one in pounds', async () => {
    const gateway = campaigns().ok('POST', '/api/v1/campaigns/journeys/j1/dry-run', { journey_id: 'j1', trigger_type: 'event', candidates: 1, customers: [] });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Dry run Abandoned Cart Recovery' }));
    const dryRun = screen.getByRole('region', { name: 'Dry run of Abandoned Cart Recovery' });
    await user.type(within(dryRun).getByLabelText('Customer ids (comma-separated)'), CUSTOMER);
    await user.type(within(dryRun).getByLabelText('Cart value'), '8000');
    await user.clear(within(dryRun).getByLabelText('Cart currency'));
    await user.type(within(dryRun).getByLabelText('Cart currency'), 'jpy');
    await user.click(within(dryRun).getByRole('button', { name: 'Try it' }));

    await within(dryRun).findByRole('status');
    expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys/j1/dry-run')[0].body).toEqual({
      customer_ids: [CUSTOMER],
      context: { cart_value: '8000', currency: 'JPY' },
    });
  });

  it('sends the currency of a condition on money built in the journey builder', async () => {
    const gateway = campaigns().on('POST', '/api/v1/campaigns/journeys', (call) => ({
      status: 201,
      body: { ...journey, id: 'j2', name: (call.body as { name: string }).name },
    }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const builder = await screen.findByRole('region', { name: 'Journey builder' });
    await user.type(await within(builder).findByLabelText('Journey name'), 'Big spenders');
    await user.selectOptions(within(builder).getByLabelText('New step'), 'condition');
    await user.click(within(builder).getByRole('button', { name: 'Add step' }));
    expect(within(builder).queryByLabelText('Currency')).toBeNull();
    await user.type(within(builder).getByLabelText('Field'), 'total_spent');
    await user.type(within(builder).getByLabelText('Operator'), 'gt');
    await user.type(within(builder).getByLabelText('Value'), '50000');
    expect((within(builder).getByLabelText('Currency') as HTMLInputElement).value).toBe('GBP');
    await user.clear(within(builder).getByLabelText('Currency'));
    await user.type(within(builder).getByLabelText('Currency'), 'jpy');
    await user.click(within(builder).getByRole('button', { name: 'Validate and save' }));

    await within(builder).findByRole('status');
    const sent = gateway.callsTo('POST', '/api/v1/campaigns/journeys')[0].body as Journey['definition'];
    expect(sent.steps.at(-1)).toEqual({ id: 'condition-4', type: 'condition', field: 'total_spent', operator: 'gt', value: 50000, currency: 'JPY' });
  });

  it('sends the re-entry policy typed for an event trigger, and none when left blank', async () => {
    const gateway = campaigns().on('POST', '/api/v1/campaigns/journeys', (call) => ({
      status: 201,
      body: { ...journey, id: 'j3', name: (call.body as { name: string }).name },
    }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const builder = await screen.findByRole('region', { name: 'Journey builder' });
    await user.type(await within(builder).findByLabelText('Journey name'), 'Monthly nudge');
    await user.selectOptions(within(builder).getByLabelText('Trigger'), 'event');
    await user.clear(within(builder).getByLabelText('Event'));
    await user.type(within(builder).getByLabelText('Event'), 'customer.upserted');
    expect((within(builder).getByLabelText('Re-entry') as HTMLInputElement).placeholder).toBe('never (default)');
    await user.clear(within(builder).getByLabelText('Event'));
    await user.type(within(builder).getByLabelText('Event'), 'cart.abandoned');
    expect((within(builder).getByLabelText('Re-entry') as HTMLInputElement).placeholder).toBe('after_completion (default)');
    await user.type(within(builder).getByLabelText('Re-entry'), 'P30D');
    await user.click(within(builder).getByRole('button', { name: 'Validate and save' }));

    await within(builder).findByRole('status');
    const sent = gateway.callsTo('POST', '/api/v1/campaigns/journeys')[0].body as Journey['definition'];
    expect(sent.trigger).toMatchObject({ type: 'event', event: 'cart.abandoned', re_entry: 'P30D' });
  });

  it('saves a template with the subject and body shown, also the one not edited', async () => {
    const stored = {
      channel: 'email',
      template_id: 'winter_offer',
      subject: 'Winter offer for {{email}}',
      body: '<p>{{discount}} off</p>',
      updated_by: 'manager',
      updated_at: '2026-12-01T08:00:00Z',
      version: 1,
    };
    const gateway = campaigns()
      .ok('GET', '/api/v1/campaigns/templates/email/winter_offer', stored)
      .ok('PUT', '/api/v1/campaigns/templates/email/winter_offer', stored);
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const templates = screen.getByRole('region', { name: 'Templates' });
    await user.click(await within(templates).findByRole('button', { name: 'email/winter_offer' }));
    const body = await within(templates).findByLabelText('Body (Mustache)');
    await user.clear(body);
    await user.type(body, '<p>half off</p>');
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(gateway.callsTo('PUT', '/api/v1/campaigns/templates/email/winter_offer')).toHaveLength(1));
    // the agent replaces the whole template: the subject left alone is sent as shown
    expect(gateway.callsTo('PUT', '/api/v1/campaigns/templates/email/winter_offer')[0].body).toEqual({
      subject: 'Winter offer for {{email}}',
      body: '<p>half off</p>',
    });
  });

  it('saves a template over the version it read, and says when someone else saved it meanwhile and reloads theirs', async () => {
    const stored = {
      channel: 'email',
      template_id: 'winter_offer',
      subject: 'Winter offer',
      body: '<p>10% off</p>',
      updated_by: 'manager',
      updated_at: '2026-12-01T08:00:00Z',
      version: 3,
    };
    const theirs = { ...stored, body: '<p>20% off</p>', updated_by: 'colleague', version: 4 };
    let reads = 0;
    const gateway = campaigns()
      .on('GET', '/api/v1/campaigns/templates/email/winter_offer', () => ({ status: 200, body: reads++ === 0 ? stored : theirs }))
      .on('PUT', '/api/v1/campaigns/templates/email/winter_offer', problem(412, 'The email template was changed since it was read.'));
    await gateway.signInAs(['MARKETING_MANAGER']);
    const ifMatch: (string | null)[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        ifMatch.push(new Headers(init.headers).get('If-Match'));
      }
      return gateway.fetch(input, init);
    });
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const templates = screen.getByRole('region', { name: 'Templates' });
    await user.click(await within(templates).findByRole('button', { name: 'email/winter_offer' }));
    const body = await within(templates).findByLabelText('Body (Mustache)');
    await user.clear(body);
    await user.type(body, '<p>half off</p>');
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));

    const alert = await within(templates).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this template since you opened it.');
    expect(alert.textContent).toContain('Your changes were not saved.');
    expect(ifMatch).toEqual(['"3"']);
    await user.click(within(alert).getByRole('button', { name: 'Reload the template' }));
    await waitFor(() => expect((within(templates).getByLabelText('Body (Mustache)') as HTMLTextAreaElement).value).toBe('<p>20% off</p>'));
    expect(within(templates).queryByRole('alert')).toBeNull();
    expect(within(templates).getByText(/Last changed by colleague/)).toBeTruthy();
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(ifMatch).toEqual(['"3"', '"4"']));
  });

  it('shows the problem of the suppression action run last, not an earlier one of another', async () => {
    const gateway = campaigns()
      .on('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`, problem(422, 'The suppression was refused.'))
      .on('DELETE', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/sms`, problem(409, 'The lift was refused.'));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const consent = screen.getByRole('region', { name: 'Consent and suppression' });
    await user.type(within(consent).getByLabelText('Customer id'), CUSTOMER);
    await user.click(within(consent).getByRole('button', { name: 'Look up' }));
    await user.click(await within(consent).findByRole('button', { name: 'Suppress' }));
    await user.type(within(consent).getByLabelText('Reason'), 'asked by phone');
    await user.click(within(consent).getByRole('button', { name: 'Confirm suppress' }));
    expect((await within(consent).findByRole('alert')).textContent).toContain('The suppression was refused.');

    await user.click(within(consent).getByRole('button', { name: 'Lift sms suppression' }));
    await waitFor(() => expect(within(consent).getByRole('alert').textContent).toContain('The lift was refused.'));
    expect(within(consent).getByRole('alert').textContent).not.toContain('The suppression was refused.');
  });

  it('saves a template whose subject alone was edited with the body shown', async () => {
    const stored = {
      channel: 'sms',
      template_id: 'e2e_text',
      subject: null,
      body: 'Your cart misses you',
      updated_by: 'manager',
      updated_at: '2026-12-01T08:00:00Z',
      version: 1,
    };
    const gateway = campaigns()
      .ok('GET', '/api/v1/campaigns/templates/sms/e2e_text', stored)
      .ok('PUT', '/api/v1/campaigns/templates/sms/e2e_text', stored);
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const templates = screen.getByRole('region', { name: 'Templates' });
    const open = within(templates).getByRole('form', { name: 'Open a template' });
    await user.selectOptions(within(open).getByLabelText('Channel'), 'sms');
    await user.type(within(open).getByLabelText('Template id'), 'e2e_text');
    await user.click(within(open).getByRole('button', { name: 'Open' }));
    await user.type(await within(templates).findByLabelText('Subject'), 'Psst');
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(gateway.callsTo('PUT', '/api/v1/campaigns/templates/sms/e2e_text')).toHaveLength(1));
    expect(gateway.callsTo('PUT', '/api/v1/campaigns/templates/sms/e2e_text')[0].body).toEqual({ subject: 'Psst', body: 'Your cart misses you' });
  });

  it('changes a new journey once saved: the second save is a PUT to it, not a second POST', async () => {
    const gateway = campaigns()
      .on('POST', '/api/v1/campaigns/journeys', (call) => ({
        status: 201,
        body: { ...journey, id: 'j2', name: (call.body as { name: string }).name, definition: call.body },
      }))
      .on('PUT', '/api/v1/campaigns/journeys/j2', (call) => ({
        status: 200,
        body: { ...journey, id: 'j2', name: (call.body as { name: string }).name, definition: call.body },
      }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Copy into the builder' }));
    const builder = screen.getByRole('region', { name: 'Journey builder' });
    await user.click(await within(builder).findByRole('button', { name: 'Validate and save' }));
    expect((await within(builder).findByRole('status')).textContent).toContain('Saved as journey “Abandoned Cart Recovery (copy)”');
    expect(within(builder).getByText('Changing the saved journey “Abandoned Cart Recovery (copy)”.')).toBeTruthy();

    await user.type(within(builder).getByLabelText('Description'), 'second thoughts');
    await user.click(within(builder).getByRole('button', { name: 'Validate and save changes' }));
    await waitFor(() => expect(gateway.callsTo('PUT', '/api/v1/campaigns/journeys/j2')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/campaigns/journeys')).toHaveLength(1);
    expect((gateway.callsTo('PUT', '/api/v1/campaigns/journeys/j2')[0].body as { description: string }).description).toBe('second thoughts');
    expect((await within(builder).findByRole('status')).textContent).toContain('Saved the changes to journey “Abandoned Cart Recovery (copy)”');
  });

  it('shows nothing of the customer looked up before while the next one loads, so nothing of theirs can be lifted for the next', async () => {
    const OTHER = '1c8d0b4f-6e3a-4d2b-8f9c-8b7a6f5e4d3c';
    const gateway = campaigns().ok('GET', `/api/v1/campaigns/consents/${OTHER}`, {
      customer_id: OTHER,
      consents: [],
      suppressions: [{ channel: 'push', reason: 'bounced', suppressed_by: 'sender', suppressed_at: '2026-11-03T00:00:00Z' }],
      contact: [],
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    // the other customer's consents are answered only when the test says so
    let answerOther: () => void = () => {};
    const otherAsked = new Promise<void>((asked) =>
      vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input) === `/api/v1/campaigns/consents/${OTHER}`) {
          asked();
          await new Promise<void>((answer) => (answerOther = answer));
        }
        return gateway.fetch(input, init);
      }),
    );
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();
    const consent = screen.getByRole('region', { name: 'Consent and suppression' });
    const customerId = within(consent).getByLabelText('Customer id');
    await user.type(customerId, CUSTOMER);
    await user.click(within(consent).getByRole('button', { name: 'Look up' }));
    await within(consent).findByRole('button', { name: 'Lift sms suppression' });

    await user.clear(customerId);
    await user.type(customerId, OTHER);
    await user.click(within(consent).getByRole('button', { name: 'Look up' }));
    await otherAsked;

    expect(within(consent).queryByText(/complaint/)).toBeNull();
    expect(within(consent).queryByRole('button', { name: 'Lift sms suppression' })).toBeNull();
    answerOther();
    expect(await within(consent).findByRole('button', { name: 'Lift push suppression' })).toBeTruthy();
    expect(within(consent).queryByText(/complaint/)).toBeNull();
  });

  it('shows a suppression set for a customer in the suppression list, and one lifted from the list in the customer’s panel', async () => {
    const gateway = campaigns()
      .ok('PUT', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/all`, { customer_id: CUSTOMER, consents: [], suppressions: [], contact: [] })
      .on('DELETE', `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/sms`, { status: 204 });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const consent = screen.getByRole('region', { name: 'Consent and suppression' });
    const list = screen.getByRole('region', { name: 'Suppression list' });
    expect(await within(list).findByText('ada@example.test')).toBeTruthy();
    await user.type(within(consent).getByLabelText('Customer id'), CUSTOMER);
    await user.click(within(consent).getByRole('button', { name: 'Look up' }));
    expect(await within(consent).findByText(/complaint/)).toBeTruthy();
    const listed = gateway.callsTo('GET', '/api/v1/campaigns/suppressions').length;

    await user.click(within(consent).getByRole('button', { name: 'Suppress' }));
    await user.type(within(consent).getByLabelText('Reason'), 'asked by phone');
    await user.click(within(consent).getByRole('button', { name: 'Confirm suppress' }));
    await waitFor(() => expect(gateway.callsTo('GET', '/api/v1/campaigns/suppressions').length).toBe(listed + 1));

    const looked = gateway.callsTo('GET', `/api/v1/campaigns/consents/${CUSTOMER}`).length;
    await user.click(await within(list).findByRole('button', { name: 'Lift sms for ada@example.test' }));
    await waitFor(() => expect(gateway.callsTo('GET', `/api/v1/campaigns/consents/${CUSTOMER}`).length).toBe(looked + 1));
  });

  it('keeps the suppression list as it was and shows the problem when lifting fails', async () => {
    const gateway = campaigns().on(
      'DELETE',
      `/api/v1/campaigns/consents/${CUSTOMER}/suppressions/sms`,
      problem(503, 'The campaign agent is not answering.'),
    );
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<CampaignsPage />);
    const user = userEvent.setup();

    const list = screen.getByRole('region', { name: 'Suppression list' });
    await user.click(await within(list).findByRole('button', { name: 'Lift sms for ada@example.test' }));
    expect((await within(list).findByRole('alert')).textContent).toContain('The campaign agent is not answering.');
    expect(gateway.callsTo('GET', '/api/v1/campaigns/suppressions')).toHaveLength(1);
    expect(within(list).getByText('ada@example.test')).toBeTruthy();
  });
});
