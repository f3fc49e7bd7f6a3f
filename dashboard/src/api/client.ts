import { AuthClient } from './auth';
import { problemFrom } from './problem';

export const auth = new AuthClient({
  fetch: (input, init) => window.fetch(input, init),
  now: () => Date.now(),
  store: window.localStorage,
  // the Web Locks API is missing only in old browsers (and jsdom); refreshes then go unserialised across tabs
  locks:
    typeof navigator !== 'undefined' && navigator.locks
      ? { request: async (name, work) => await navigator.locks.request(name, work) }
      : undefined,
  onStoreChanged: (changed) => {
    const listener = (event: StorageEvent) => {
      if (event.storageArea === window.localStorage) {
        changed(event.key);
      }
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
});

/** Calls a public REST API through the gateway with the user's token; a non-2xx answer throws its ApiError. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  const response = await auth.fetch(path, { ...init, headers });
  if (!response.ok) {
    throw await problemFrom(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function post<T>(path: string, body?: unknown, headers?: HeadersInit): Promise<T> {
  return api<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), headers });
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Page<T> {
  items: T[];
  pagination: { total: number; page: number; limit: number; total_pages: number };
}
