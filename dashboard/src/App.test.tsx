// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { auth } from './api/client';
import { FakeGateway } from './test/gateway';

// the campaigns chunk of the build before a deploy, which the gateway no longer has
vi.mock('./pages/CampaignsPage', () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/CampaignsPage-0ld0.js')),
);
vi.mock('./pages/AdsPage', () => ({
  default: function AdsPage(): never {
    throw new Error('ads allocation series is undefined');
  },
}));
vi.mock('./pages/InventoryPage', () => ({ default: () => <h1>Inventory</h1> }));

beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  await new FakeGateway().signInAs(['ADMIN']);
});

afterEach(async () => {
  cleanup();
  await auth.logout();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('keeps the dashboard on screen and says the app was updated when a page chunk cannot be loaded', async () => {
    window.history.pushState({}, '', '/admin/campaigns');
    render(<App />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app was updated – reload');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Dashboard' })).toBeTruthy();

    await userEvent.setup().click(screen.getByRole('link', { name: 'Inventory' }));
    expect(await screen.findByRole('heading', { name: 'Inventory' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a page that failed while drawing with a general message, the dashboard still on screen', async () => {
    window.history.pushState({}, '', '/admin/ads');
    render(<App />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page could not be shown.');
    expect(alert.textContent).not.toContain('allocation series');
    expect(screen.getByRole('navigation', { name: 'Dashboard' })).toBeTruthy();
  });
});
