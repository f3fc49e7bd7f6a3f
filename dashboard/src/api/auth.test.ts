import { describe, expect, it } from 'vitest';
import { AuthClient, needsRefresh, sessionFrom, type KeyValueStore } from './auth';

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

/** The gateway's auth endpoints as far as the client sees them: each refresh token works once. */
class FakeGateway {
  calls: { path: string; authorization: string | null }[] = [];
  issued = 1;
  spent = new Set<string>();
  rejectAccess = new Set<string>();

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    this.calls.push({ path, authorization: headers.get('Authorization') });
    if (path === '/api/v1/auth/login') {
      return json(200, tokens(this.issued));
    }
    if (path === '/api/v1/auth/refresh') {
      const presented = JSON.parse(String(init?.body)).refresh_token as string;
      if (this.spent.has(presented)) {
        return json(401, { title: 'Unauthorized', detail: 'The refresh token is invalid or expired.' });
      }
      this.spent.add(presented);
      this.issued += 1;
      await Promise.resolve();
      return json(200, tokens(this.issued));
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

  it('counts a token as due for refresh within the margin only', () => {
    const session = sessionFrom(tokens(1, ['ADMIN'], 900), 0);
    expect(needsRefresh(session, 800_000)).toBe(false);
    expect(needsRefresh(session, 841_000)).toBe(true);
  });
});
