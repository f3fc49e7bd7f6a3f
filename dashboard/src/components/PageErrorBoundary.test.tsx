// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './PageErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// React writes every caught error to the console; the tests are about what the person sees
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

/** A page chunk the gateway no longer has: the hashed file of the build before the deploy. */
const StalePage = lazy(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/AdsPage-0ld0.js')),
);

function BrokenPage(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'map') at secret-internals.tsx:12");
}

function app(reload: () => void, path: string) {
  const route = (element: ReactNode) => (
    <PageErrorBoundary reload={reload}>
      <Suspense fallback={<p>Loading…</p>}>{element}</Suspense>
    </PageErrorBoundary>
  );
  return render(
    <MemoryRouter initialEntries={[path]}>
      <nav>
        <Link to="/stale">Stale</Link> <Link to="/broken">Broken</Link> <Link to="/fine">Fine</Link>
      </nav>
      <Routes>
        <Route path="/stale" element={route(<StalePage />)} />
        <Route path="/broken" element={route(<BrokenPage />)} />
        <Route path="/fine" element={route(<p>All is well</p>)} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('PageErrorBoundary', () => {
  it('says the app was updated when the page chunk cannot be loaded, and reloads when asked', async () => {
    const reload = vi.fn();
    app(reload, '/stale');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app was updated – reload');
    expect(screen.getByRole('link', { name: 'Fine' })).toBeTruthy();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('shows a page that failed while drawing with a general message and without the error', async () => {
    app(vi.fn(), '/broken');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page could not be shown.');
    expect(alert.textContent).not.toContain('The app was updated');
    expect(alert.textContent).not.toMatch(/Cannot read|secret-internals/);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('draws the next page the person opens', async () => {
    app(vi.fn(), '/broken');
    await screen.findByRole('alert');

    await userEvent.setup().click(screen.getByRole('link', { name: 'Fine' }));

    expect(await screen.findByText('All is well')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
