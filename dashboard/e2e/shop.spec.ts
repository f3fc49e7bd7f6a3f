import { expect, test } from '@playwright/test';
import { capture, expectAccessible, signUp } from './support';

test.describe('demo storefront', () => {
  test('a visitor browses and searches the catalog and opens a product with similar products', async ({ page }) => {
    await page.goto('/shop');
    await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
    const products = page.locator('ul.grid li a');
    await expect(products.first()).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'shop-catalog');

    const name = (await products.first().textContent()) ?? '';
    const word = name.split(/\s+/).find((w) => w.length > 3) ?? name;
    await page.getByLabel('Search').fill(word);
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/products' && url.searchParams.get('search') === word;
    });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=/);
    // the catalog's products stay on screen until the search's answer lands: wait for the answer's first product
    // in stock, not for any product
    const answer = await searched;
    expect(answer.ok()).toBeTruthy();
    const found = ((await answer.json()).items as { name: string; in_stock: boolean }[]).filter((p) => p.in_stock);
    expect(found.length).toBeGreaterThan(0);
    await expect(products.first()).toHaveText(found[0].name);

    await products.first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Similar products' })).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'shop-product');
  });

  test('a new customer signs up, fills the cart and chats with support', async ({ page }) => {
    await signUp(page, 'shopper', 'Ada', 'Shopper');

    // a product of the catalog: a signed-in customer's recommendations are a grid above it once they load
    await page.getByRole('list', { name: 'Products', exact: true }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Go to the cart' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
    await expect(page.getByText(/^Total /)).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'shop-cart');

    await page.getByRole('link', { name: 'Help' }).click();
    await page.getByLabel('Your message').fill('Where is my order?');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('.msg-assistant').first()).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page);
    await capture(page, 'shop-support-chat');
  });

  test('a customer buys a recommended product: finance books the order and it leaves their recommendations', async ({ page }) => {
    await signUp(page, 'buyer', 'Grace', 'Buyer');
    const forYou = page.getByRole('list', { name: 'Recommended for you' }).getByRole('link');
    await expect(forYou.first()).toBeVisible();
    const bought = ((await forYou.first().textContent()) ?? '').trim();

    await forYou.first().click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Go to the cart' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();

    // the order travels the events topic to the finance ledger, and the history is read back from there
    const booked = page.getByRole('list', { name: 'Orders' }).getByRole('listitem');
    await expect(booked).toHaveCount(1, { timeout: 30_000 });
    await expect(booked.first()).toContainText('Paid');
    await expect(page.getByRole('list', { name: 'Orders being booked' })).toHaveCount(0);
    await expectAccessible(page);
    await capture(page, 'shop-orders');

    // the purchase reaches the recommendation agent too: a product bought is not proposed again
    const store = page.getByRole('navigation', { name: 'Store' });
    await expect
      .poll(
        async () => {
          await store.getByRole('link', { name: 'Orders' }).click();
          await store.getByRole('link', { name: 'Catalog' }).click();
          await expect(forYou.first()).toBeVisible();
          return (await forYou.allTextContents()).map((name) => name.trim());
        },
        { timeout: 30_000 },
      )
      .not.toContain(bought);
  });

  test('a new customer chooses what the store may send them and when', async ({ page }) => {
    await signUp(page, 'prefs', 'Lin', 'Prefs');
    await page.getByRole('navigation', { name: 'Store' }).getByRole('link', { name: 'Preferences' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();

    // the sign-up reaches the campaign agent as a customer record through the event intake, a moment later
    const emails = page.getByRole('checkbox', { name: 'E-mails' });
    await expect
      .poll(
        async () => {
          const retry = page.getByRole('button', { name: 'Try again' });
          if (await retry.isVisible()) await retry.click();
          return emails.isVisible();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect(emails).not.toBeChecked();
    await emails.check();
    await page.getByLabel('My time zone (no messages at night)').selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Your preferences are saved.')).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'shop-preferences');

    await page.reload();
    await expect(emails).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Text messages' })).not.toBeChecked();
    await expect(page.getByLabel('My time zone (no messages at night)')).toHaveValue('Europe/Paris');
  });
});
