import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthClient,
  MAX_RETRIES,
  needsRefresh,
  RETRY_DELAY_MS,
  RETRY_JITTER_MS,
  sessionFrom,
  STORE_KEY,
  type AuthDependencies,
  type KeyValueStore,
  type TabLocks,
} from './auth';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

function tokens(n: number, roles: string[] = ['ADMIN'], expiresIn = 900) {
  return { access_token: jwt({ sub: `user-${n}`, roles, n }), refresh_token: `refresh-${n}`, expires_in: expiresIn };
}

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** localStorage as every tab of the origin shares it: a change is announced to the other tabs, not the writer. */
class SharedStore {
  readonly items = new Map<string, string>();
  private readonly tabs: { store: KeyValueStore; changed: (key: string | null) => void }[] = [];

  tab(): Pick<ConstructorParameters<typeof AuthClient>[0], 'store' | 'onStoreChanged'> {
    const store: KeyValueStore = {
      getItem: (key) => this.items.get(key) ?? null,
      setItem: (key, value) => {
        this.items.set(key, value);
        this.announce(store, key);
      },
      removeItem: (key) => {
        this.items.delete(key);
        this.announce(store, key);
      },
    };
    return {
      store,
      onStoreChanged: (changed) => {
        const tab = { store, changed };
        this.tabs.push(tab);
        return () => this.tabs.splice(this.tabs.indexOf(tab), 1);
      },
    };
  }

  private announce(writer: KeyValueStore, key: string) {
    this.tabs.filter((tab) => tab.store !== writer).forEach((tab) => tab.changed(key));
  }
}

/** navigator.locks for one origin: whoever asks next waits until the holder's work has settled. */
class OriginLocks implements TabLocks {
  private held = new Map<string, Promise<unknown>>();
  readonly requested: string[] = [];

  request<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.requested.push(name);
    const previous = this.held.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.held.set(name, next.catch(() => undefined));
    return next;
  }
}

/** The gateway's auth endpoints as far as the client sees them: each refresh token works once. */
class FakeGateway {
  calls: { path: string; authorization: string | null }[] = [];
  issued = 1;
  spent = new Set<string>();
  /** refresh tokens presented again after they were spent: the real gateway revokes the whole session for it */
  reused: string[] = [];
  rejectAccess = new Set<string>();
  /**
   * How long a spent token presented again, while the token it was traded for is unused, is taken for a retry whose
   * reply was lost: that successor is replaced by a fresh token. 0 takes every second presentation for theft.
   */
  reuseGraceMs = 0;
  private readonly successors = new Map<string, { token: string; spentAt: number }>();
  /** runs after a refresh token is presented and before the answer, as a slow network would let other tabs act */
  duringRefresh: () => Promise<void> = async () => {};

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    this.calls.push({ path, authorization: headers.get('Authorization') });
    if (path === '/api/v1/auth/login') {
      return json(200, tokens(this.issued));
    }
    if (path === '/api/v1/auth/refresh') {
      const presented = JSON.parse(String(init?.body)).refresh_token as string;
      await this.duringRefresh();
      const successor = this.successors.get(presented);
      const retried = successor && Date.now() - successor.spentAt < this.reuseGraceMs && !this.spent.has(successor.token);
      if (this.spent.has(presented) && !retried) {
        this.reused.push(presented);
        return json(401, { title: 'Unauthorized', detail: 'The refresh token is invalid or expired.' });
      }
      if (retried) {
        this.spent.add(successor.token);
      }
      this.spent.add(presented);
      const issued = ++this.issued;
      this.successors.set(presented, { token: `refresh-${issued}`, spentAt: retried ? successor.spentAt : Date.now() });
      await Promise.resolve();
      return json(200, tokens(issued));
    }
    const token = headers.get('Authorization')?.slice('Bearer '.length) ?? '';
    if (this.rejectAccess.has(token)) {
      return json(401, { title: 'Unauthorized', detail: 'The access token is invalid or expired.' });
    }
    return json(200, { ok: true });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('AuthClient', () => {
  it('reads roles, subject and expiry from the token response', () => {
    const session = sessionFrom(tokens(1, ['MARKETING_MANAGER', 'SOMETHING_ELSE'], 60), 1_000);
    expect(session.user.roles).toEqual(['MARKETING_MANAGER']);
    expect(session.user.subject).toBe('user-1');
    expect(session.expiresAt).toBe(61_000);
  });

  it('refreshes a token that is about to expire before sending the request', async () => {
    const gateway = new FakeGateway();
    let now = 0;
    const client = new AuthClient({ fetch: gateway.fetch, now: () => now, store: new MemoryStore() });
    await client.login('admin@example.test', 'secret');
    now = 900_000 - 30_000;

    await client.fetch('/api/v1/agents/tasks');

    expect(gateway.calls.map((c) => c.path)).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/agents/tasks',
    ]);
    expect(gateway.calls[2].authorization).toBe(`Bearer ${tokens(2).access_token}`);
  });

  it('spends the refresh token once when many requests need a fresh token at the same time', async () => {
    const gateway = new FakeGateway();
    let now = 0;
    const client = new AuthClient({ fetch: gateway.fetch, now: () => now, store: new MemoryStore() });
    await client.login('admin@example.test', 'secret');
    now = 899_000;

    const responses = await Promise.all([1, 2, 3].map(() => client.fetch('/api/v1/agents')));

    expect(responses.every((r) => r.ok)).toBe(true);
    expect(gateway.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(client.session?.refreshToken).toBe('refresh-2');
  });

  it('retries once with a refreshed token after a 401', async () => {
    const gateway = new FakeGateway();
    const client = new AuthClient({ fetch: gateway.fetch, now: () => 0, store: new MemoryStore() });
    await client.login('admin@example.test', 'secret');
    gateway.rejectAccess.add(tokens(1).access_token);

    const response = await client.fetch('/api/v1/escalations');

    expect(response.status).toBe(200);
    expect(gateway.calls.at(-1)?.authorization).toBe(`Bearer ${tokens(2).access_token}`);
  });

  it('signs out when the refresh token is refused', async () => {
    const gateway = new FakeGateway();
    const store = new MemoryStore();
    let now = 0;
    const client = new AuthClient({ fetch: gateway.fetch, now: () => now, store });
    await client.login('admin@example.test', 'secret');
    gateway.spent.add('refresh-1');
    now = 899_000;
    const seen: unknown[] = [];
    client.subscribe((s) => seen.push(s));

    expect(await client.accessToken()).toBeNull();
    expect(client.session).toBeNull();
    expect(store.items.size).toBe(0);
    expect(seen).toEqual([null]);
  });

  it.each([429, 500, 502, 503])('keeps the session when the refresh is answered %i, and refreshes at the next call', async (status) => {
    const gateway = new FakeGateway();
    const store = new MemoryStore();
    let now = 0;
    let refreshStatus: number | null = status;
    const fetch: typeof gateway.fetch = async (input, init) =>
      String(input) === '/api/v1/auth/refresh' && refreshStatus !== null
        ? json(refreshStatus, { title: 'Unavailable', status: refreshStatus })
        : gateway.fetch(input, init);
    const client = new AuthClient({ fetch, now: () => now, store });
    await client.login('admin@example.test', 'secret');
    now = 899_000;
    const seen: unknown[] = [];
    client.subscribe((s) => seen.push(s));

    expect(await client.accessToken()).toBe(tokens(1).access_token);
    expect(client.session?.refreshToken).toBe('refresh-1');
    expect(store.items.has(STORE_KEY)).toBe(true);
    expect(seen).toEqual([]);

    refreshStatus = null;
    expect(await client.accessToken()).toBe(tokens(2).access_token);
  });

  it.each([
    ['answered 429', () => Promise.resolve(json(429, { title: 'Too Many Requests', status: 429 }))],
    ['answered 503', () => Promise.resolve(json(503, { title: 'Service Unavailable', status: 503 }))],
    ['lost on the network', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('sends the request with the token that has not expired yet when its refresh is %s', async (_, refresh) => {
    const gateway = new FakeGateway();
    let now = 0;
    const fetch: typeof gateway.fetch = async (input, init) =>
      String(input) === '/api/v1/auth/refresh' ? refresh() : gateway.fetch(input, init);
    const client = new AuthClient({ fetch, now: () => now, store: new MemoryStore() });
    await client.login('admin@example.test', 'secret');
    now = 900_000 - 30_000;

    const response = await client.fetch('/api/v1/agents/tasks');

    expect(response.status).toBe(200);
    expect(gateway.calls.at(-1)).toEqual({ path: '/api/v1/agents/tasks', authorization: `Bearer ${tokens(1).access_token}` });
  });

  it('sends no token that has expired when its refresh cannot be had, and keeps the session', async () => {
    const gateway = new FakeGateway();
    let now = 0;
    const fetch: typeof gateway.fetch = async (input, init) =>
      String(input) === '/api/v1/auth/refresh' ? json(503, { title: 'Service Unavailable', status: 503 }) : gateway.fetch(input, init);
    const client = new AuthClient({ fetch, now: () => now, store: new MemoryStore() });
    await client.login('admin@example.test', 'secret');
    now = 900_000;

    expect(await client.accessToken()).toBeNull();
    expect(client.session?.refreshToken).toBe('refresh-1');
  });

  it('signs out when the refresh request is refused as invalid (400)', async () => {
    const gateway = new FakeGateway();
    const store = new MemoryStore();
    let now = 0;
    const fetch: typeof gateway.fetch = async (input, init) =>
      String(input) === '/api/v1/auth/refresh' ? json(400, { title: 'Invalid request', status: 400 }) : gateway.fetch(input, init);
    const client = new AuthClient({ fetch, now: () => now, store });
    await client.login('admin@example.test', 'secret');
    now = 899_000;

    expect(await client.accessToken()).toBeNull();
    expect(client.session).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it('keeps the session across reloads through its store', async () => {
    const gateway = new FakeGateway();
    const store = new MemoryStore();
    await new AuthClient({ fetch: gateway.fetch, now: () => 0, store }).login('a@example.test', 'secret');

    const reloaded = new AuthClient({ fetch: gateway.fetch, now: () => 0, store });

    expect(reloaded.session?.user.roles).toEqual(['ADMIN']);
  });

  it('turns a refused login into the problem detail message', async () => {
    const client = new AuthClient({
      fetch: async () => json(401, { title: 'Unauthorized', detail: 'Invalid email or password.' }),
      now: () => 0,
      store: new MemoryStore(),
    });
    await expect(client.login('a@example.test', 'wrong')).rejects.toThrow('Invalid email or password.');
  });

  it('uses the tokens another tab was given instead of presenting the refresh token that tab spent', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    let now = 0;
    // no storage events and no locks, as in a browser without the Web Locks API whose event has not arrived yet
    const store = shared.tab().store;
    const first = new AuthClient({ fetch: gateway.fetch, now: () => now, store });
    await first.login('admin@example.test', 'secret');
    const second = new AuthClient({ fetch: gateway.fetch, now: () => now, store: shared.tab().store });
    now = 899_000;

    await first.fetch('/api/v1/agents');
    const response = await second.fetch('/api/v1/agents');

    expect(response.ok).toBe(true);
    expect(gateway.reused).toEqual([]);
    expect(gateway.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(gateway.calls.at(-1)?.authorization).toBe(`Bearer ${tokens(2).access_token}`);
    expect(second.session?.refreshToken).toBe('refresh-2');
    expect(JSON.parse(shared.items.get(STORE_KEY) ?? 'null')?.refreshToken).toBe('refresh-2');
  });

  it('refreshes once for all tabs that need a fresh token at the same time', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    const locks = new OriginLocks();
    let now = 0;
    const tabs = [1, 2, 3].map(() => new AuthClient({ fetch: gateway.fetch, now: () => now, locks, ...shared.tab() }));
    await tabs[0].login('admin@example.test', 'secret');
    now = 899_000;

    const responses = await Promise.all(tabs.map((tab) => tab.fetch('/api/v1/agents')));

    expect(responses.every((r) => r.ok)).toBe(true);
    expect(gateway.reused).toEqual([]);
    expect(gateway.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(tabs.map((tab) => tab.session?.refreshToken)).toEqual(['refresh-2', 'refresh-2', 'refresh-2']);
  });

  it('after a 401 in two tabs, the tab that waited for the lock retries with the token the other tab got', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    const locks = new OriginLocks();
    const first = new AuthClient({ fetch: gateway.fetch, now: () => 0, locks, ...shared.tab() });
    await first.login('admin@example.test', 'secret');
    const second = new AuthClient({ fetch: gateway.fetch, now: () => 0, locks, ...shared.tab() });
    gateway.rejectAccess.add(tokens(1).access_token);

    const responses = await Promise.all([first.fetch('/api/v1/escalations'), second.fetch('/api/v1/escalations')]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(gateway.calls.filter((c) => c.authorization === `Bearer ${tokens(1).access_token}`)).toHaveLength(2);
    expect(gateway.reused).toEqual([]);
    expect(gateway.calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(gateway.calls.at(-1)?.authorization).toBe(`Bearer ${tokens(2).access_token}`);
  });

  it('signs out at once and asks the gateway to revoke the refresh token the store holds', async () => {
    const gateway = new FakeGateway();
    const revoked: unknown[] = [];
    let answer: (response: Response) => void = () => {};
    const store = new MemoryStore();
    const client = new AuthClient({
      fetch: (input, init) => {
        if (String(input) === '/api/v1/auth/logout') {
          revoked.push(JSON.parse(String(init?.body)));
          return new Promise((resolve) => (answer = resolve));
        }
        return gateway.fetch(input, init);
      },
      now: () => 0,
      store,
    });
    await client.login('admin@example.test', 'secret');
    // another tab refreshed meanwhile: the token it was given is the live one
    store.setItem(STORE_KEY, JSON.stringify(sessionFrom(tokens(2), 0)));

    const signedOut = client.logout();

    expect(client.session).toBeNull();
    expect(store.getItem(STORE_KEY)).toBeNull();
    expect(revoked).toEqual([{ refresh_token: 'refresh-2' }]);
    answer(new Response(null, { status: 204 }));
    await signedOut;
  });

  it('signs out when the gateway cannot be reached or refuses to revoke the token', async () => {
    for (const revoke of [() => Promise.reject(new TypeError('Failed to fetch')), () => Promise.resolve(json(503, { title: 'Service Unavailable' }))]) {
      const gateway = new FakeGateway();
      const store = new MemoryStore();
      const client = new AuthClient({
        fetch: (input, init) => (String(input) === '/api/v1/auth/logout' ? revoke() : gateway.fetch(input, init)),
        now: () => 0,
        store,
      });
      await client.login('admin@example.test', 'secret');

      await expect(client.logout()).resolves.toBeUndefined();

      expect(client.session).toBeNull();
      expect(store.getItem(STORE_KEY)).toBeNull();
    }
  });

  it('asks the gateway nothing when signing out without a session', async () => {
    const gateway = new FakeGateway();
    const client = new AuthClient({ fetch: gateway.fetch, now: () => 0, store: new MemoryStore() });

    await client.logout();

    expect(gateway.calls).toEqual([]);
  });

  it('follows a sign-out and a new sign-in in another tab', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    const first = new AuthClient({ fetch: gateway.fetch, now: () => 0, ...shared.tab() });
    const second = new AuthClient({ fetch: gateway.fetch, now: () => 0, ...shared.tab() });
    const seen: (string | undefined)[] = [];
    second.subscribe((s) => seen.push(s?.refreshToken));

    await first.login('admin@example.test', 'secret');
    first.logout();

    expect(seen).toEqual(['refresh-1', undefined]);
    expect(second.session).toBeNull();
  });

  it('keeps the session another tab signed in to when its own refresh is refused', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    let now = 0;
    const first = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    const second = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    await first.login('admin@example.test', 'secret');
    gateway.spent.add('refresh-1');
    gateway.duringRefresh = async () => {
      gateway.duringRefresh = async () => {};
      gateway.issued = 7;
      await first.login('admin@example.test', 'secret');
    };
    now = 899_000;

    expect(await second.accessToken()).toBe(tokens(7).access_token);
    expect(first.session?.refreshToken).toBe('refresh-7');
    expect(shared.items.has(STORE_KEY)).toBe(true);
  });

  it('stays signed out when signing out while a refresh is under way', async () => {
    const gateway = new FakeGateway();
    const store = new MemoryStore();
    let now = 0;
    const client = new AuthClient({ fetch: gateway.fetch, now: () => now, store });
    await client.login('admin@example.test', 'secret');
    let signedOut: Promise<void> = Promise.resolve();
    gateway.duringRefresh = async () => {
      signedOut = client.logout();
    };
    const seen: (string | undefined)[] = [];
    client.subscribe((s) => seen.push(s?.refreshToken));
    now = 899_000;

    expect(await client.accessToken()).toBeNull();
    await signedOut;

    expect(gateway.spent.has('refresh-1')).toBe(true);
    expect(client.session).toBeNull();
    expect(store.getItem(STORE_KEY)).toBeNull();
    expect(seen).toEqual([undefined]);
  });

  it('keeps the sign-out of another tab when its own refresh is answered afterwards', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    let now = 0;
    const first = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    const second = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    await first.login('admin@example.test', 'secret');
    gateway.duringRefresh = async () => {
      gateway.duringRefresh = async () => {};
      await first.logout();
    };
    now = 899_000;

    expect(await second.accessToken()).toBeNull();

    expect(shared.items.has(STORE_KEY)).toBe(false);
    expect(first.session).toBeNull();
    expect(second.session).toBeNull();
  });

  it('keeps the session another tab signed in to while its own refresh was under way', async () => {
    const gateway = new FakeGateway();
    const shared = new SharedStore();
    let now = 0;
    const first = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    const second = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    await first.login('admin@example.test', 'secret');
    gateway.duringRefresh = async () => {
      gateway.duringRefresh = async () => {};
      await first.logout();
      gateway.issued = 7;
      await first.login('admin@example.test', 'secret');
    };
    now = 899_000;

    expect(await second.accessToken()).toBe(tokens(7).access_token);

    expect(JSON.parse(shared.items.get(STORE_KEY) ?? 'null')?.refreshToken).toBe('refresh-7');
    expect(first.session?.refreshToken).toBe('refresh-7');
  });

  it('keeps the pair the gateway gave last when two tabs without the lock refreshed with the same token', async () => {
    const gateway = new FakeGateway();
    gateway.reuseGraceMs = 30_000;
    const shared = new SharedStore();
    let now = 0;
    const first = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    const second = new AuthClient({ fetch: gateway.fetch, now: () => now, ...shared.tab() });
    await first.login('admin@example.test', 'secret');
    now = 899_000;

    // both present refresh-1: the second presentation replaces the pair the first was given (refresh-2) by refresh-3
    await Promise.all([first.accessToken(), second.accessToken()]);

    expect(JSON.parse(shared.items.get(STORE_KEY) ?? 'null')?.refreshToken).toBe('refresh-3');
    now = 899_000 + 899_000;
    const response = await first.fetch('/api/v1/agents');
    expect(response.ok).toBe(true);
    expect(gateway.reused).toEqual([]);
    expect(gateway.calls.at(-1)?.authorization).toBe(`Bearer ${tokens(4).access_token}`);
    expect(second.session?.refreshToken).toBe('refresh-4');
  });

  describe('after a refresh the gateway did not judge', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    type Refresh = (gateway: FakeGateway, input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    const lostReply: Refresh = async (gateway, input, init) => {
      await gateway.fetch(input, init);
      throw new TypeError('Failed to fetch');
    };
    const spentThen503: Refresh = async (gateway, input, init) => {
      await gateway.fetch(input, init);
      return json(503, { title: 'Service Unavailable', status: 503 });
    };
    const rateLimited: Refresh = async () => json(429, { title: 'Too Many Requests', status: 429 });
    const unavailable: Refresh = async () => json(503, { title: 'Service Unavailable', status: 503 });

    /** a gateway that keeps the grace of the real one, whose first refreshes fail as given */
    function unreliableGateway(...failures: Refresh[]) {
      const gateway = new FakeGateway();
      gateway.reuseGraceMs = 30_000;
      let refreshes = 0;
      const fetch: typeof gateway.fetch = async (input, init) => {
        const refresh = String(input) === '/api/v1/auth/refresh';
        refreshes += refresh ? 1 : 0;
        const failure = refresh ? failures.shift() : undefined;
        return failure ? failure(gateway, input, init) : gateway.fetch(input, init);
      };
      return { gateway, fetch, refreshes: () => refreshes };
    }

    /** signed in with the timers faked, the clock then moved to a second before the access token expires */
    async function signedInNearExpiry(fetch: typeof globalThis.fetch, extra: Partial<AuthDependencies> = {}) {
      vi.useFakeTimers();
      const start = Date.now();
      const client = new AuthClient({ fetch, now: () => Date.now(), store: new MemoryStore(), ...extra });
      await client.login('admin@example.test', 'secret');
      vi.setSystemTime(start + 899_000);
      return client;
    }

    it.each([
      ['the reply was lost on the network', lostReply, 3],
      ['a 503 was answered after the token was spent', spentThen503, 3],
      ['the rate limiter answered 429', rateLimited, 2],
    ])('refreshes again a few seconds later on its own when %s, so an idle page keeps its sign-in', async (_, failure, retried) => {
      const { gateway, fetch } = unreliableGateway(failure);
      const client = await signedInNearExpiry(fetch);

      expect(await client.accessToken()).toBe(tokens(1).access_token);
      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS + RETRY_JITTER_MS);

      expect(client.session?.refreshToken).toBe(`refresh-${retried}`);
      // the page stays idle past the gateway's grace, then calls with the tokens the retry got
      await vi.advanceTimersByTimeAsync(60_000);
      const response = await client.fetch('/api/v1/agents');
      expect(response.ok).toBe(true);
      expect(gateway.reused).toEqual([]);
      expect(gateway.calls.at(-1)?.authorization).toBe(`Bearer ${tokens(retried).access_token}`);
    });

    it('retries no sooner than the delay and at most twice while the gateway stays unavailable', async () => {
      const { gateway, fetch, refreshes } = unreliableGateway(...Array.from({ length: 10 }, () => unavailable));
      const client = await signedInNearExpiry(fetch);
      // no jitter, each retry as early as it may come: with a random one the second retry could come before the
      // check of the first, in one run of about eighteen
      vi.spyOn(Math, 'random').mockReturnValue(0);

      await client.accessToken();
      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1);
      expect(refreshes()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(refreshes()).toBe(2);
      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1);
      expect(refreshes()).toBe(2);
      await vi.advanceTimersByTimeAsync(10 * 60_000);

      expect(refreshes()).toBe(1 + MAX_RETRIES);
      expect(client.session?.refreshToken).toBe('refresh-1');
      expect(gateway.reused).toEqual([]);
    });

    it('retries under the lock all tabs take for a refresh', async () => {
      const { fetch, refreshes } = unreliableGateway(lostReply);
      const locks = new OriginLocks();
      const client = await signedInNearExpiry(fetch, { locks });
      await client.accessToken();
      let release: () => void = () => {};
      void locks.request(locks.requested[0], () => new Promise<void>((resolve) => (release = resolve)));

      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS + RETRY_JITTER_MS);
      expect(refreshes()).toBe(1);
      release();
      await vi.advanceTimersByTimeAsync(0);

      expect(refreshes()).toBe(2);
      expect(client.session?.refreshToken).toBe('refresh-3');
    });

    it('does not retry once another tab refreshed the session or the person signed out', async () => {
      for (const meanwhile of ['another tab refreshed', 'signed out'] as const) {
        const { gateway, fetch, refreshes } = unreliableGateway(unavailable);
        const shared = new SharedStore();
        const first = await signedInNearExpiry(fetch, shared.tab());
        const second = new AuthClient({ fetch, now: () => Date.now(), ...shared.tab() });
        await first.accessToken();

        if (meanwhile === 'signed out') {
          await second.logout();
        } else {
          await second.accessToken();
        }
        await vi.advanceTimersByTimeAsync(10 * 60_000);

        expect(refreshes()).toBe(meanwhile === 'signed out' ? 1 : 2);
        expect(gateway.reused).toEqual([]);
        vi.useRealTimers();
      }
    });
  });

  it('counts a token as due for refresh within the margin only', () => {
    const session = sessionFrom(tokens(1, ['ADMIN'], 900), 0);
    expect(needsRefresh(session, 800_000)).toBe(false);
    expect(needsRefresh(session, 841_000)).toBe(true);
  });
});
