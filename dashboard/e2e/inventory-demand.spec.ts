import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminLogin, adminToken, capture, createUser, expectAccessible, signIn } from './support';

const DAY = 24 * 60 * 60 * 1000;

/** A SKU of this spec's own, stocked through the catalog feed, then sold `perDay` on each of the last `days` days. */
async function stockAndSell(request: APIRequestContext, token: string, sku: string, stock: number, perDay: number, days: number) {
  const headers = { Authorization: `Bearer ${token}` };
  const product = {
    type: 'product.upserted',
    event_id: crypto.randomUUID(),
    occurred_at: new Date(Date.now() - 40 * DAY).toISOString(),
    product_id: crypto.randomUUID(),
    sku,
    name: `E2E demand ${sku}`,
    description: 'from the dashboard end-to-end tests',
    category: 'E2E',
    price: { amount: '4.99', currency: 'GBP' },
    stock_quantity: stock,
  };
  expect((await request.post('/api/v1/events/batch', { headers, data: { events: [product] } })).status()).toBe(200);
  // products and orders travel on different topics: the orders go only once the SKU is stocked
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/inventory/stock/${sku}`, { headers });
      return response.ok() ? (await response.json()).on_hand : -1;
    }, { timeout: 60_000 })
    .toBe(stock);
  const today = new Date(new Date().toISOString().slice(0, 10)).getTime();
  const orders = Array.from({ length: days }, (_, i) => ({
    type: 'order.placed',
    event_id: crypto.randomUUID(),
    occurred_at: new Date(today - (i + 1) * DAY + 10 * 60 * 60 * 1000).toISOString(),
    order_id: crypto.randomUUID(),
    order_number: `E${crypto.randomUUID().slice(0, 8)}`,
    customer_id: crypto.randomUUID(),
    country: 'United Kingdom',
    currency: 'GBP',
    lines: [{ product_id: crypto.randomUUID(), sku, quantity: perDay, unit_price: '4.99' }],
  }));
  expect((await request.post('/api/v1/events/batch', { headers, data: { events: orders } })).status()).toBe(200);
  await expect
    .poll(async () => (await (await request.get(`/api/v1/inventory/stock/${sku}`, { headers })).json()).on_hand, { timeout: 60_000 })
    .toBe(stock - perDay * days);
}

test.describe('inventory SKU demand', () => {
  test('an admin finds a SKU in the stocked list and sees the units it sold each day', async ({ page, request }) => {
    test.slow();
    const sku = `E2E-DEMAND-${Date.now()}`;
    await stockAndSell(request, await adminToken(request), sku, 500, 3, 5);

    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.goto('/admin/inventory');
    const skus = page.getByRole('region', { name: 'Stocked SKUs' });
    // the SKU was stocked above, so the unfiltered list has loaded once it shows a table
    await expect(skus.getByRole('table', { name: 'Stocked SKUs' })).toBeVisible();
    await skus.getByLabel('SKU contains').fill(sku);
    await skus.getByRole('button', { name: 'Filter' }).click();
    const row = skus.getByRole('row').filter({ hasText: sku });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('485');

    await row.getByRole('button', { name: sku }).click();
    const demand = page.getByRole('region', { name: `Demand of ${sku}` });
    await expect(demand).toContainText('15 units ordered');
    await expect(demand.getByRole('img', { name: `Demand of ${sku} and actual units ordered` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expectAccessible(page);

    await demand.getByRole('button', { name: 'Forecast the next 28 days' }).click();
    // five days of sales are too few weeks for the ensemble: its problem detail is the page working too
    await expect(
      demand.getByRole('img', { name: /Demand forecast of/ }).or(demand.getByRole('alert').filter({ hasText: /history|not enough|weeks|days of orders/i })),
    ).toBeVisible({ timeout: 30_000 });
    await capture(page, 'inventory-sku-demand');
  });

  test('support staff read a SKU’s demand but ask for no forecast', async ({ page, request }) => {
    const sku = `E2E-DEMAND-RO-${Date.now()}`;
    await stockAndSell(request, await adminToken(request), sku, 100, 1, 2);
    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await page.goto('/admin/inventory');
    const skus = page.getByRole('region', { name: 'Stocked SKUs' });
    // the SKU was stocked above, so the unfiltered list has loaded once it shows a table
    await expect(skus.getByRole('table', { name: 'Stocked SKUs' })).toBeVisible();
    await skus.getByLabel('SKU contains').fill(sku);
    await skus.getByRole('button', { name: 'Filter' }).click();
    await skus.getByRole('row').filter({ hasText: sku }).getByRole('button', { name: sku }).click();
    const demand = page.getByRole('region', { name: `Demand of ${sku}` });
    await expect(demand).toContainText('2 units ordered');
    await expect(demand.getByRole('button', { name: 'Forecast the next 28 days' })).toHaveCount(0);
  });
});
