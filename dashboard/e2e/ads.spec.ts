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
    // the campaign's row in the campaigns table (the performance table below has a row of the same name)
    const row = page.getByRole('region', { name: 'Campaigns', exact: true }).getByRole('row').filter({ hasText: name });
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

  test('support staff have no ads page', async ({ page, request }) => {
    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Ads' })).toHaveCount(0);
    await page.goto('/admin/ads');
    await expect(page.getByRole('alert')).toContainText('Your role does not give access to this page.');
  });
});
