import { describe, expect, it } from 'vitest';
import { isChunkLoadError, RELOAD_GUARD_MS, RELOADED_AT_KEY, reloadOnFailedChunk } from './appUpdate';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** What Vite's preload helper dispatches on the window when a chunk, or a chunk's CSS, cannot be loaded. */
function preloadError(payload: unknown): Event {
  const event = new Event('vite:preloadError', { cancelable: true });
  (event as Event & { payload?: unknown }).payload = payload;
  return event;
}

function tab(store: MemoryStore | null, start = 1_000_000) {
  const target = new EventTarget();
  const state = { now: start, reloads: 0 };
  const unsubscribe = reloadOnFailedChunk({ target, store, now: () => state.now, reload: () => (state.reloads += 1) });
  return { target, state, unsubscribe };
}

describe('reloadOnFailedChunk', () => {
  it('reloads when a chunk cannot be loaded, and lets the error go on to the page', () => {
    const { target, state } = tab(new MemoryStore());
    const event = preloadError(new TypeError('Failed to fetch dynamically imported module: /assets/AdsPage-1a2b.js'));

    target.dispatchEvent(event);

    expect(state.reloads).toBe(1);
    expect(event.defaultPrevented).toBe(false);
  });

  it('does not reload again when the chunk fails again soon after the reload', () => {
    const store = new MemoryStore();
    const before = tab(store);
    before.target.dispatchEvent(preloadError(new TypeError('Failed to fetch dynamically imported module: /a.js')));

    // the reloaded page: a new listener, the same session storage
    const after = tab(store, before.state.now + 2_000);
    after.target.dispatchEvent(preloadError(new TypeError('Failed to fetch dynamically imported module: /a.js')));

    expect(before.state.reloads).toBe(1);
    expect(after.state.reloads).toBe(0);
  });

  it('reloads for an update published after the guard has passed', () => {
    const store = new MemoryStore();
    const { target, state } = tab(store);
    target.dispatchEvent(preloadError(new Error('Unable to preload CSS for /assets/a.css')));
    state.now += RELOAD_GUARD_MS;

    target.dispatchEvent(preloadError(new Error('Unable to preload CSS for /assets/b.css')));

    expect(state.reloads).toBe(2);
    expect(store.items.get(RELOADED_AT_KEY)).toBe(String(state.now));
  });

  it('does not reload without a storage to keep the guard in', () => {
    const { target, state } = tab(null);

    target.dispatchEvent(preloadError(new TypeError('Importing a module script failed.')));

    expect(state.reloads).toBe(0);
  });

  it('stops listening when unsubscribed', () => {
    const { target, state, unsubscribe } = tab(new MemoryStore());
    unsubscribe();

    target.dispatchEvent(preloadError(new TypeError('Importing a module script failed.')));

    expect(state.reloads).toBe(0);
  });
});

describe('isChunkLoadError', () => {
  it.each([
    'Failed to fetch dynamically imported module: https://shop.example/assets/CampaignsPage-9f8e.js',
    'error loading dynamically imported module: https://shop.example/assets/CampaignsPage-9f8e.js',
    'Importing a module script failed.',
  ])('takes "%s" for a chunk that could not be loaded', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it('takes an error whose cause is a chunk that could not be loaded for one', () => {
    const failed = new TypeError('Failed to fetch dynamically imported module: /assets/AdsPage-1a2b.js');
    expect(isChunkLoadError(new Error('The module could not be loaded', { cause: failed }))).toBe(true);
    expect(isChunkLoadError(new Error('The page failed', { cause: new Error('no such field') }))).toBe(false);
  });

  it('takes any error Vite reported as a failed preload for one', () => {
    const error = new Error('something the browser worded otherwise');
    expect(isChunkLoadError(error)).toBe(false);

    tab(new MemoryStore()).target.dispatchEvent(preloadError(error));

    expect(isChunkLoadError(error)).toBe(true);
  });

  it('does not take an error of a page that failed while drawing for one', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
