import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adminLogin, capture, expectAccessible, signIn, signUp, submitLogin } from './support';

test.describe('privacy', () => {
  test('a customer downloads a copy of their data, then erases their account; the admin sees both requests', async ({ page }) => {
    const customer = await signUp(page, 'private', 'Pia', 'Private');
    await page.getByRole('navigation', { name: 'Store' }).getByRole('link', { name: 'Preferences' }).click();
    const data = page.getByRole('region', { name: 'Your data' });

    await data.getByRole('button', { name: 'Get a copy of my data' }).click();
    const requests = data.getByRole('list', { name: 'Your data requests' }).getByRole('listitem');
    await expect(requests.first()).toContainText('ready', { timeout: 60_000 });
    await expectAccessible(page);
    await capture(page, 'shop-your-data');
    const [download] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Download' }).click()]);
    const document = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(document.services['gateway-service'].account[0].email).toBe(customer.email);
    const customerId = document.services['gateway-service'].account[0].id as string;
    expect(customerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(document.services)).toEqual(expect.arrayContaining(['finance-service', 'support-agent', 'campaign-agent']));

    await data.getByRole('button', { name: 'Delete my account and data' }).click();
    await data.getByRole('group', { name: 'Confirm erasure' }).getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(data.getByRole('status')).toHaveText(/erased from every part of the store/, { timeout: 60_000 });
    await data.getByRole('button', { name: 'Sign out' }).click();
    await submitLogin(page, customer.email, customer.password);
    await expect(page.getByRole('alert')).toBeVisible();

    const admin = adminLogin();
    await signIn(page, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Privacy requests' }).click();
    // this customer's requests: the table lists every customer's, and another erasure or export (an earlier run's,
    // another test's) may be newer or still under way
    const rows = page.getByRole('table', { name: 'Privacy requests' }).getByRole('row').filter({ hasText: customerId });
    await expect(rows.filter({ hasText: 'Erasure' }).filter({ hasText: 'the customer' })).toContainText('8 of 8 services');
    await expect(rows.filter({ hasText: 'Export' })).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'admin-privacy');
  });
});
