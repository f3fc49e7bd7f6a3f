/**
 * A tab opened before a deploy asks for the page chunks of the build it was loaded with; the gateway no longer has
 * them once the new build is out, and the import fails. Loading index.html again gets the new build's chunks.
 */

/** Set with the time of the last reload for a failed chunk, so a chunk that fails again does not reload forever. */
export const RELOADED_AT_KEY = 'agent-factory.reloaded-for-update';

/**
 * Long enough for the reloaded page to ask for its chunk again, short enough that an update published later in the
 * same tab's life is reloaded for as well.
 */
export const RELOAD_GUARD_MS = 60_000;

// what the browsers say when a module cannot be fetched: Chrome, Firefox, Safari; and Vite when a chunk's CSS fails
const CHUNK_LOAD_MESSAGE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

const reportedByVite = new WeakSet<object>();

/** Whether an error is a page chunk that could not be loaded (rather than a page that failed while drawing). */
export function isChunkLoadError(error: unknown): boolean {
  // a loader that wraps the browser's error keeps it as the cause
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as Error).cause, depth++) {
    if (reportedByVite.has(e) || (e instanceof Error && CHUNK_LOAD_MESSAGE.test(e.message))) {
      return true;
    }
  }
  return false;
}

export interface ReloadDependencies {
  /** the window, where Vite dispatches `vite:preloadError` */
  target: EventTarget;
  /** sessionStorage, so the guard holds across the reload; null where the browser refuses it */
  store: Pick<Storage, 'getItem' | 'setItem'> | null;
  now: () => number;
  reload: () => void;
}

/**
 * Reloads the page once when Vite reports a chunk it could not load. When the reload did not help (the chunk fails
 * again within the guard, or there is no storage to keep the guard in) the error goes on to the page's error
 * boundary, which says the app was updated and offers the reload. Returns the unsubscribe.
 */
export function reloadOnFailedChunk(deps: ReloadDependencies): () => void {
  const listener = (event: Event) => {
    const error = (event as Event & { payload?: unknown }).payload;
    if (typeof error === 'object' && error !== null) {
      reportedByVite.add(error);
    }
    if (!mayReload(deps)) {
      return;
    }
    // not prevented: the failed import still reaches the error boundary, whose message shows until the page reloads
    deps.reload();
  };
  deps.target.addEventListener('vite:preloadError', listener);
  return () => deps.target.removeEventListener('vite:preloadError', listener);
}

function mayReload({ store, now }: ReloadDependencies): boolean {
  if (!store) {
    return false;
  }
  try {
    const last = Number(store.getItem(RELOADED_AT_KEY));
    if (Number.isFinite(last) && last > 0 && now() - last < RELOAD_GUARD_MS) {
      return false;
    }
    store.setItem(RELOADED_AT_KEY, String(now()));
    return true;
  } catch {
    // storage full or refused: without the guard a reload could loop
    return false;
  }
}
