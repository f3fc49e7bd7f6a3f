import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, capture, clickInView, createUser, expectAccessible, signIn } from './support';

/** A customer the campaign agent knows, announced through the events API as the storefront would. */
async function knownCustomer(request: APIRequestContext, headers: Record<string, string>) {
  const id = crypto.randomUUID();
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  const event = {
    type: 'customer.upserted',
    event_id: crypto.randomUUID(),
    occurred_at: new Date().toISOString(),
    customer_id: id,
    customer_number: `E2E-${id.slice(0, 8)}`,
    email,
    country: 'United Kingdom',
  };
  expect((await request.post('/api/v1/events/batch', { headers, data: { events: [event] } })).status()).toBe(200);
  await expect.poll(async () => (await request.get(`/api/v1/campaigns/consents/${id}`, { headers })).status(), { timeout: 60_000 }).toBe(200);
  return { id, email };
}

test.describe('campaign lists', () => {
  test('a marketing manager previews a template for a customer and lifts a suppression from the list', async ({ page, request }) => {
    test.slow();
    const headers = { Authorization: `Bearer ${await adminToken(request)}` };
    const customer = await knownCustomer(request, headers);
    // the list is in id order: an id counting down from a far date puts this run's template first
    const templateId = `0-e2e-${String(9_999_999_999_999 - Date.now()).padStart(13, '0')}`;
    const saved = await request.put(`/api/v1/campaigns/templates/email/${templateId}`, {
      headers,
      data: { subject: 'Hello {{email}}', body: '<p>{{discount}} off for {{email}}</p>' },
    });
    expect(saved.status()).toBe(200);
    const suppressed = await request.put(`/api/v1/campaigns/consents/${customer.id}/suppressions/push`, {
      headers,
      data: { reason: 'e2e: device gone' },
    });
    expect(suppressed.status()).toBe(200);

    const manager = await createUser(request, 'MARKETING_MANAGER');
    await signIn(page, manager.email, manager.password);
    await page.goto('/admin/campaigns');
    await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();

    const templates = page.getByRole('region', { name: 'Templates' });
    await templates.getByLabel('List channel').selectOption('email');
    await templates.getByRole('table', { name: 'Stored templates' }).getByRole('button', { name: `email/${templateId}` }).click();
    await expect(templates.frameLocator(`iframe[title="Preview of email/${templateId}"]`).locator('p')).toHaveText('{{discount}} off for {{email}}');
    const preview = templates.getByRole('form', { name: 'Preview for a customer' });
    await preview.getByLabel('Customer id (optional)').fill(customer.id);
    await preview.getByLabel('Variables (JSON)').fill('{"discount": "15%"}');
    // the preview frames run in a process of their own: see clickInView
    await clickInView(preview.getByRole('button', { name: 'Render' }));
    const rendered = templates.getByRole('region', { name: 'Rendered template' });
    await expect(rendered).toContainText(`Hello ${customer.email}`);
    await expect(rendered.frameLocator('iframe').locator('p')).toHaveText(`15% off for ${customer.email}`);

    const suppressions = page.getByRole('region', { name: 'Suppression list' });
    await suppressions.getByLabel('Suppressed channel').selectOption('push');
    const row = suppressions.getByRole('row').filter({ hasText: customer.email });
    await expect(row).toContainText('e2e: device gone');
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    // both sandboxed previews are on the page now: the stored body's and the customer's
    await expectAccessible(page);
    await clickInView(row.getByRole('button', { name: `Lift push for ${customer.email}` }));
    await expect(suppressions.getByRole('row').filter({ hasText: customer.email })).toHaveCount(0);
    await expect
      .poll(async () => (await (await request.get(`/api/v1/campaigns/consents/${customer.id}`, { headers })).json()).suppressions.length)
      .toBe(0);
    await capture(page, 'campaigns-lists');
  });

  test('a marketing manager dry-runs a journey, changes it, and reads an experiment on it', async ({ page, request }) => {
    test.slow();
    const headers = { Authorization: `Bearer ${await adminToken(request)}` };
    const customer = await knownCustomer(request, headers);
    const name = `E2E split ${Date.now()}`;
    const journey = await request.post('/api/v1/campaigns/journeys', {
      headers,
      data: {
        name,
        trigger: { type: 'event', event: 'cart.abandoned', conditions: [{ field: 'cart_value', operator: 'gt', value: 50, currency: 'GBP' }] },
        steps: [
          { id: 'arm', type: 'split', branches: [{ name: 'a', weight: 1, next: 'text_a' }, { name: 'b', weight: 1, next: 'text_b' }] },
          { id: 'text_a', type: 'sms', template: 'e2e_text', next: 'done' },
          { id: 'text_b', type: 'sms', template: 'e2e_text', next: 'done' },
          { id: 'done', type: 'end', reason: 'texted' },
        ],
      },
    });
    expect(journey.status()).toBe(201);
    const journeyId = (await journey.json()).id as string;
    const experimentName = `E2E wording ${Date.now()}`;
    const experiment = await request.post('/api/v1/campaigns/experiments', {
      headers,
      data: { name: experimentName, journey_id: journeyId, control_step: 'text_a', treatment_steps: ['text_b'], metric: 'converted' },
    });
    expect(experiment.status()).toBe(201);

    const manager = await createUser(request, 'MARKETING_MANAGER');
    await signIn(page, manager.email, manager.password);
    await page.goto('/admin/campaigns');
    const journeys = page.getByRole('region', { name: 'Journeys' });
    await journeys.getByRole('button', { name: `Dry run ${name}` }).click();
    const dryRun = journeys.getByRole('region', { name: `Dry run of ${name}` });
    await dryRun.getByLabel('Customer ids (comma-separated)').fill(customer.id);
    await dryRun.getByLabel('Cart value').fill('80.00');
    await dryRun.getByRole('button', { name: 'Try it' }).click();
    await expect(dryRun.getByRole('status')).toContainText('1 of 1 tried would enter');
    await expect(dryRun.getByRole('table', { name: 'Dry-run paths' })).toContainText('ends: texted');

    await journeys.getByRole('button', { name: `Change ${name}` }).click();
    const builder = page.getByRole('region', { name: 'Journey builder' });
    await expect(builder.getByLabel('Journey name')).toHaveValue(name);
    await builder.getByLabel('Description').fill('changed by the e2e test');
    await builder.getByRole('button', { name: 'Validate and save changes' }).click();
    await expect(builder.getByRole('status')).toContainText(`Saved the changes to journey “${name}”`);
    await expect(journeys.getByRole('row').filter({ hasText: name })).toContainText('changed by the e2e test');

    const experiments = page.getByRole('region', { name: 'Experiments' });
    await experiments.getByLabel('Journey').selectOption({ label: name });
    await experiments.getByRole('button', { name: experimentName }).click();
    const results = experiments.getByRole('region', { name: `Results of ${experimentName}` });
    // nobody has been texted yet: the analysis keeps it running and says why
    await expect(results.getByRole('status')).toContainText('keep_running');
    await expect(results.getByRole('table', { name: 'Arms' })).toContainText('text_b');
    await expectAccessible(page);
    await capture(page, 'campaigns-experiment');
  });

  test('support staff read the suppression list and experiments but change nothing', async ({ page, request }) => {
    test.slow();
    // a suppression of this test's own: the first test lifts its one again, so the list may be empty otherwise
    const headers = { Authorization: `Bearer ${await adminToken(request)}` };
    const customer = await knownCustomer(request, headers);
    const suppressed = await request.put(`/api/v1/campaigns/consents/${customer.id}/suppressions/sms`, {
      headers,
      data: { reason: 'e2e: read only' },
    });
    expect(suppressed.status()).toBe(200);

    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await page.goto('/admin/campaigns');
    await expect(page.getByRole('heading', { level: 2, name: 'Suppression list' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Experiments' })).toBeVisible();
    // the lift and dry-run buttons would come with the lists' rows: absent before the lists load, they would prove nothing
    const suppressions = page.getByRole('region', { name: 'Suppression list' });
    await expect(suppressions.getByRole('row').filter({ hasText: customer.email })).toContainText('e2e: read only');
    await expect(suppressions.getByRole('button', { name: /^Lift/ })).toHaveCount(0);
    const journeys = page.getByRole('region', { name: 'Journeys' });
    await expect(journeys.getByRole('table', { name: 'Journeys' }).or(journeys.getByText('No journey has been saved yet.'))).toBeVisible();
    await expect(page.getByRole('button', { name: /^Dry run/ })).toHaveCount(0);
  });
});
