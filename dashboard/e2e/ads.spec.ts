import { expect, test } from '@playwright/test';
import { adminLogin, adminToken, capture, createUser, expectAccessible, signIn } from './support';

test.describe('ads page', () => {
  test('an admin activates, pauses and resumes a campaign and sees its budget history', async ({ page, request }) => {
    test.slow();
    const name = `E2E campaign ${Date.now()}`;
    const created = await request.post('/api/v1/ads/campaigns', {
      headers: { Authorization: `Bearer ${await adminToken(request)}` },
      data: { name, platform: 'META', daily_budget: 20, total_budget: 200, currency: 'EUR', value_per_conversion: 15 },
    });
    expect(created.status()).toBe(201);

    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.goto('/admin/ads');
    await expect(page.getByRole('heading', { level: 1, name: 'Ads' })).toBeVisible();
    // the campaign's row in the campaigns table: the performance table, in the same region once its metrics load,
    // has a row of the same name
    const row = page.getByRole('table', { name: 'Ad campaigns', exact: true }).getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('€20.00');
    await expectAccessible(page);

    for (const [action, status] of [
      ['Activate', 'ACTIVE'],
      ['Pause', 'PAUSED'],
      ['Resume', 'ACTIVE'],
    ]) {
      await row.getByRole('button', { name: action }).click();
      await row.getByLabel('Reason').fill(`e2e: ${action.toLowerCase()}`);
      await row.getByRole('button', { name: `Confirm ${action.toLowerCase()}` }).click();
      await expect(row.locator('.badge')).toHaveText(status);
    }

    await row.getByRole('button', { name }).click();
    const detail = page.getByRole('region', { name });
    await expect(detail.getByRole('heading', { name: 'Budget allocation over time' })).toBeVisible();
    await expect(detail.getByRole('cell', { name: 'e2e: pause' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Performance since start' })).toBeVisible();
    await capture(page, 'ads-campaign-detail');
  });

  test('a manager follows the allocator across campaigns and compares bidding policies in the simulator', async ({ page, request }) => {
    test.slow();
    const headers = { Authorization: `Bearer ${await adminToken(request)}` };
    const stamp = Date.now();
    const names = [`E2E share A ${stamp}`, `E2E share B ${stamp}`];
    for (const name of names) {
      const created = await request.post('/api/v1/ads/campaigns', {
        headers,
        data: { name, platform: 'META', daily_budget: 30, total_budget: 300, currency: 'EUR', value_per_conversion: 20 },
      });
      expect(created.status()).toBe(201);
      const id = (await created.json()).id as string;
      expect((await request.post(`/api/v1/ads/campaigns/${id}/activate`, { headers, data: { reason: 'e2e: share' } })).status()).toBe(200);
    }
    // one reallocation round now, through the supervisor, instead of waiting for the allocator's schedule
    const task = await request.post('/api/v1/agents/tasks', { headers, data: { task_type: 'allocate-budget', input_data: { reason: 'e2e round' } } });
    expect(task.status()).toBe(201);
    await expect
      .poll(async () => JSON.stringify(await (await request.get('/api/v1/ads/allocations', { headers })).json()), { timeout: 60_000 })
      .toContain(names[1]);

    const manager = await createUser(request, 'MARKETING_MANAGER');
    await signIn(page, manager.email, manager.password);
    await page.goto('/admin/ads');
    const allocations = page.getByRole('region', { name: 'Budget allocation across campaigns' });
    const rounds = allocations.getByRole('table', { name: 'Allocation rounds' });
    await expect(rounds).toBeVisible();
    // the section shows one currency at a time (the demo's own campaigns are in GBP) and the newest rounds first
    const currency = allocations.getByLabel('Currency');
    if ((await currency.count()) > 0) {
      await currency.selectOption('EUR');
    }
    const showAll = allocations.getByRole('button', { name: /^Show all/ });
    if ((await showAll.count()) > 0) {
      await showAll.click();
    }
    for (const name of names) {
      await expect(rounds.getByRole('cell', { name, exact: true }).first()).toBeVisible();
    }
    await expect(allocations.getByRole('img', { name: /^Allocated daily budget over time of/ })).toHaveAttribute('aria-label', new RegExp(names[0]));

    const simulator = page.getByRole('region', { name: 'Bidding simulator' });
    const seed = String(stamp % 100_000);
    await simulator.getByLabel('Auctions per episode').fill('500');
    await simulator.getByLabel('Seed').fill(seed);
    await simulator.getByRole('button', { name: 'Run simulation' }).click();
    const results = simulator.getByRole('group', { name: 'Simulation results' });
    // this run's results, not an earlier run's
    await expect(results).toContainText(`(seed ${seed})`, { timeout: 90_000 });
    await expect(results).toContainText('per episode of 500 auctions');
    await expect(results.getByRole('row').filter({ hasText: 'Second half (held out)' })).toHaveCount(2);
    await expect(results.getByRole('cell', { name: 'rlb', exact: true }).first()).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'ads-allocation-and-simulator');
  });

  test('support staff have no ads page', async ({ page, request }) => {
    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Ads' })).toHaveCount(0);
    await page.goto('/admin/ads');
    await expect(page.getByRole('alert')).toContainText('Your role does not give access to this page.');
  });
});
