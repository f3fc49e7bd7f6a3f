import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export function adminLogin(): { email: string; password: string } {
  const email = process.env.E2E_ADMIN_EMAIL;
  const password = process.env.E2E_ADMIN_PASSWORD;
  if (!email || !password) {
    throw new Error('Set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD to the platform admin login (run-platform.sh prints it)');
  }
  return { email, password };
}

export async function submitLogin(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the app has left the login page. */
export async function signIn(page: Page, email: string, password: string) {
  await submitLogin(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** No serious or critical accessibility violation (axe, WCAG 2 A and AA rules). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/** A staff account created through the admin API, as an administrator would. */
export async function createUser(request: APIRequestContext, role: string): Promise<{ email: string; password: string }> {
  const admin = adminLogin();
  const login = await request.post('/api/v1/auth/login', { data: admin });
  expect(login.ok()).toBeTruthy();
  const token = (await login.json()).access_token as string;
  const user = { email: uniqueEmail(role.toLowerCase()), password: 'e2e-password-0123456789' };
  const created = await request.post('/api/v1/auth/users', {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...user, first_name: 'E2E', last_name: role, role },
  });
  expect(created.status()).toBe(201);
  return user;
}

/** An admin's bearer token, for preparing data through the public API as a person would through another tool. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: adminLogin() });
  expect(login.ok()).toBeTruthy();
  return (await login.json()).access_token as string;
}

/**
 * A full-page screenshot into docs/screenshots/NAME.png when E2E_SCREENSHOTS is set (for the docs, not in CI), after
 * the page has finished loading.
 */
export async function capture(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: true, animations: 'disabled' });
}
