import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against a running platform: BASE_URL (the gateway, default http://127.0.0.1:8080) and an admin
 * login in E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD. The browser is Debian's chromium (scripts/ensure-chromium.sh).
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // root in a container has no user namespace for chromium's sandbox
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  },
});
