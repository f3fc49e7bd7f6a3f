// First-load figures of the overview on a running platform, printed as JSON on the last line:
// navigation timings of a cold load (no HTTP cache) and of a warm one, the time from the navigation's start until
// the overview's KPIs are on screen (taken in the page, so the driver's round trips do not count), the overview's
// data (from the first of its API calls leaving to the last answer arriving), the KPI call's duration, and the bytes
// the load transferred.
//   BASE_URL=http://127.0.0.1:8080 E2E_ADMIN_EMAIL=... E2E_ADMIN_PASSWORD=... node scripts/measure-load.mjs [runs]
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const runs = Number(process.argv[2] ?? 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});

async function signedInContext() {
  const context = await browser.newContext({ baseURL: base });
  // notes, in the page's own clock, when the overview's KPIs (or the statement that there are none) first appear
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('section[aria-labelledby="kpi-heading"] :is(.kpis, .empty)')) {
        window.__kpisAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(process.env.E2E_ADMIN_EMAIL);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  return { context, page };
}

async function measure(page, cold) {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.enable');
  await client.send('Network.setCacheDisabled', { cacheDisabled: cold });
  let bytes = 0;
  client.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.goto('/admin', { waitUntil: 'load' });
  await page.locator('section[aria-labelledby="kpi-heading"]').locator('.kpis, .empty').first().waitFor();
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const calls = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/'));
    const kpi = calls.find((r) => r.name.includes('/api/v1/financial/kpis'));
    return {
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      kpisVisible: window.__kpisAt ?? null,
      overviewData: calls.length
        ? Math.max(...calls.map((r) => r.responseEnd)) - Math.min(...calls.map((r) => r.startTime))
        : null,
      kpiApi: kpi ? kpi.duration : null,
    };
  });
  return { ...timing, bytes };
}

const { page } = await signedInContext();
const results = { cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  results.cold.push(await measure(page, true));
  results.warm.push(await measure(page, false));
}
await browser.close();

const median = (values) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]) : null;
};
const summary = Object.fromEntries(
  Object.entries(results).map(([kind, list]) => [
    kind,
    Object.fromEntries(['domContentLoaded', 'load', 'kpisVisible', 'overviewData', 'kpiApi', 'bytes'].map((k) => [k, median(list.map((r) => r[k]))])),
  ]),
);
console.log(JSON.stringify({ base, runs, unit: 'ms (bytes for bytes), medians', ...summary }));
