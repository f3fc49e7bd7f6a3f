import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

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

const AXE_TAGS = ['wcag2a', 'wcag2aa'];

/**
 * Frames sandboxed without allow-scripts, such as the campaign template previews. axe must not descend into them
 * from the page: the DevTools protocol still evaluates axe inside such a frame (so @axe-core/playwright's one-second
 * injection timeout never trips), but the frame's own timers never fire while its scripting is disabled, so
 * axe.runPartial there never settles and AxeBuilder.analyze() waits on it for ever.
 */
const SCRIPTLESS_FRAMES = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

async function seriousViolations(axe: AxeBuilder): Promise<string[]> {
  const results = await axe.withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * No serious or critical accessibility violation (axe, WCAG 2 A and AA rules), in the page and in its frames.
 * A frame that runs no script is checked apart: a copy of the element (its title, its document) in a page of its own,
 * sandboxed the same but with scripts allowed so that axe can run in it; its origin stays opaque.
 */
export async function expectAccessible(page: Page) {
  const serious = await seriousViolations(new AxeBuilder({ page }).exclude(SCRIPTLESS_FRAMES));
  const frames = await page.locator(SCRIPTLESS_FRAMES).evaluateAll((elements: HTMLIFrameElement[]) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLIFrameElement;
      copy.setAttribute('sandbox', [...copy.sandbox, 'allow-scripts'].join(' '));
      return { title: element.title, html: copy.outerHTML };
    }),
  );
  for (const frame of frames) {
    const alone = await page.context().newPage();
    try {
      await alone.setContent(`<!doctype html><html lang="en"><head><title>A frame checked apart</title></head><body><main>${frame.html}</main></body></html>`);
      serious.push(...(await seriousViolations(new AxeBuilder({ page: alone }))).map((v) => `in the frame “${frame.title}”: ${v}`));
    } finally {
      await alone.close();
    }
  }
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Clicks an element once it is in view. Chromium runs a frame sandboxed without allow-same-origin (the template
 * previews) in a process of its own and routes a mouse event by the page's last drawn layout: a click sent straight
 * after Playwright's own scroll to the element can go to such a frame where it was drawn before the scroll, and is lost.
 * Scrolled beforehand, the click waits for the element to be stable, so the layout it is routed by is the scrolled one.
 */
export async function clickInView(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await target.click();
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/** A new customer signs up on the storefront and lands on the catalog; returns their login. */
export async function signUp(page: Page, who: string, first: string, last: string): Promise<{ email: string; password: string }> {
  const login = { email: uniqueEmail(who), password: `${who}-password-0123` };
  await page.goto('/shop/register');
  await page.getByLabel('E-mail').fill(login.email);
  await page.getByLabel('Password (at least 12 characters)').fill(login.password);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  return login;
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
