import { expect, test } from '@playwright/test';
import { adminLogin, capture, createUser, expectAccessible, signIn, submitLogin } from './support';

test.describe('admin dashboard', () => {
  test('shows the problem detail when a login is refused', async ({ page }) => {
    await submitLogin(page, 'nobody@example.test', 'not-the-password');
    await expect(page.getByRole('alert')).toContainText(/invalid|password|credentials/i);
    await expectAccessible(page);
    await capture(page, 'login-refused');
  });

  test('sends a visitor of a deep link to the login and back', async ({ page }) => {
    const { email, password } = adminLogin();
    await page.goto('/admin/finance');
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Ffinance/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();
  });

  test('an admin sees every page, each loads without an error and passes axe', async ({ page }) => {
    test.slow();
    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    for (const [link, heading] of [
      ['Overview', 'Overview'],
      ['Tasks & escalations', 'Tasks and escalations'],
      ['Agents', 'Agents'],
      ['Support desk', 'Support desk'],
      ['Finance', 'Finance'],
      ['Recommendations', 'Recommendations'],
      ['Campaigns', 'Campaigns'],
      ['Ads', 'Ads'],
      ['Inventory', 'Inventory'],
    ]) {
      await nav.getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      // every call is answered within the gateway's route timeout (10 s), by data or by an error (the alert
      // check below), so a page still loading after 30 s is a fault; on 2 busy cores one call can take seconds
      await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectAccessible(page);
      await capture(page, `admin-${heading.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
  });

  test('an admin invokes a task from its schema form and follows its lifecycle', async ({ page }) => {
    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.goto('/admin/agents');
    await page.getByRole('button', { name: 'check-budget' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'check-budget' })).toBeVisible();
    await page.getByRole('button', { name: 'Invoke' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Task' });
    await expect(created).toBeVisible();
    await created.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /^Task / })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lifecycle' })).toBeVisible();
    await expect(page.locator('.facts')).toContainText(/COMPLETED|FAILED|ESCALATED/, { timeout: 30_000 });
    await expect(page.locator('.timeline li').first()).toBeVisible();
    await expectAccessible(page);
    await capture(page, 'admin-task-lifecycle');
  });

  test('the schema form shows the supervisor’s field errors', async ({ page }) => {
    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.goto('/admin/agents');
    await page.getByRole('button', { name: 'check-budget' }).click();
    await page.getByLabel('Amount').fill('-5');
    await page.getByRole('button', { name: 'Invoke' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  });

  test('the audit trail verifies', async ({ page }) => {
    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.goto('/admin/finance');
    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'chain' })).toContainText('intact');
  });

  test('a marketing manager sees only what the access matrix gives the role', async ({ page, request }) => {
    const manager = await createUser(request, 'MARKETING_MANAGER');
    await signIn(page, manager.email, manager.password);
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    await expect(nav.getByRole('link', { name: 'Finance' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Support desk' })).toHaveCount(0);
    await page.goto('/admin/agents');
    await expect(page.getByText('invoking them is for administrators').first()).toBeVisible();
    await page.goto('/admin/support');
    await expect(page.getByRole('alert')).toContainText('Your role does not give access to this page.');
  });

  test('support staff work the desk but cannot reserve budget', async ({ page, request }) => {
    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await page.goto('/admin/support');
    await expect(page.getByRole('heading', { level: 1, name: 'Support desk' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Queue' })).toBeVisible();
    await page.goto('/admin/finance');
    await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();
    // the reservation form would come with the budget's figures: absent before they load, it would prove nothing
    await expect(page.getByRole('meter', { name: 'Budget used' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reserve' })).toHaveCount(0);
  });

  test('signing out returns to the login', async ({ page }) => {
    const { email, password } = adminLogin();
    await signIn(page, email, password);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/admin/tasks');
    await expect(page).toHaveURL(/\/login/);
  });
});
