import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { messageOf } from '../api/problem';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs a path (null: nothing to load yet), optionally every `pollMs`; keeps the last data while reloading. When the
 * path changed and the new one fails, the data of the old path is dropped rather than shown under the problem as if
 * it were the new path's.
 */
export function useApi<T>(path: string | null, pollMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const dataPath = useRef<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const call = ++latest.current;
    setLoading(true);
    api<T>(path)
      .then((result) => {
        if (call === latest.current) {
          dataPath.current = path;
          setData(result);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (call === latest.current) {
          if (dataPath.current !== path) {
            dataPath.current = null;
            setData(undefined);
          }
          setError(e);
        }
      })
      .finally(() => {
        if (call === latest.current) {
          setLoading(false);
        }
      });
  }, [path, tick]);

  useEffect(() => {
    if (!pollMs || path === null) {
      return;
    }
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        setTick((t) => t + 1);
      }
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [pollMs, path]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Counts the runs of every action, so of several actions the one run last is known (see {@link latestError}). */
let actionRuns = 0;

/** Runs an action (a POST), shows progress while it runs and its problem detail when it fails. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [ranAt, setRanAt] = useState(0);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setRunning(true);
      setError(undefined);
      setRanAt(++actionRuns);
      try {
        return await action(...args);
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [action],
  );
  return { run, running, error, ranAt, clearError: () => setError(undefined) };
}

/**
 * The problem of whichever of several actions shown under one problem ran last, none when it succeeded: an earlier
 * failure of another action would otherwise stay on screen and hide what the last one answered.
 */
export function latestError(...actions: { error: unknown; ranAt: number }[]): unknown {
  return actions.reduce((latest, action) => (action.ranAt > latest.ranAt ? action : latest)).error;
}

export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) {
    return null;
  }
  return (
    <div role="alert" className="problem">
      <strong>Something went wrong.</strong> {messageOf(error)}
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** The usual three states around a loaded value. */
export function Async<T>({
  state,
  empty,
  isEmpty,
  children,
}: {
  state: Loaded<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (state.data === undefined) {
    if (state.error) {
      return <Problem error={state.error} onRetry={state.reload} />;
    }
    return <Loading />;
  }
  return (
    <>
      {state.error ? <Problem error={state.error} onRetry={state.reload} /> : null}
      {isEmpty && isEmpty(state.data) ? <Empty>{empty ?? 'Nothing here yet.'}</Empty> : children(state.data)}
    </>
  );
}

export function StatusBadge({ value }: { value: string | null | undefined }) {
  const text = value ?? '–';
  return <span className={`badge badge-${text.toLowerCase()}`}>{text}</span>;
}
