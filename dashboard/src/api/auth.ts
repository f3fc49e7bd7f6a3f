import { ApiError, problemFrom } from './problem';
import { parseRoles, type Role } from './roles';

export interface User {
  subject: string;
  email?: string;
  roles: Role[];
  customerId?: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds at which the access token expires */
  expiresAt: number;
  user: User;
  /**
   * Names the sign-in the tokens were rotated from, so a pair another tab got by refreshing the same sign-in is told
   * apart from a new sign-in. Missing in a session stored before it was kept.
   */
  signIn?: string;
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** A token is refreshed this long before it expires, so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * After a refresh the gateway did not judge (a 5xx, a 429, the network), it is tried again this long later, plus up
 * to RETRY_JITTER_MS so that tabs do not retry together. The gateway may have spent the token and lost its reply; it
 * takes the spent token again as such a retry for 30 s only, and an idle page makes no call that would retry in time.
 */
export const RETRY_DELAY_MS = 2_000;
export const RETRY_JITTER_MS = 3_000;
/** Retries after one failure, so that a gateway that stays down is not asked on and on. */
export const MAX_RETRIES = 2;

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) {
    throw new Error('Not a JWT');
  }
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFrom(response: TokenResponse, now: number): Session {
  const claims = decodeJwtPayload(response.access_token);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: now + response.expires_in * 1000,
    user: {
      subject: String(claims.sub ?? ''),
      email: typeof claims.email === 'string' ? claims.email : undefined,
      roles: parseRoles(claims.roles),
      customerId: typeof claims.customer_id === 'string' ? claims.customer_id : undefined,
    },
  };
}

export function needsRefresh(session: Session, now: number, marginMs = REFRESH_MARGIN_MS): boolean {
  return session.expiresAt - now <= marginMs;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An exclusive lock shared by every tab of the origin (the Web Locks API, navigator.locks). */
export interface TabLocks {
  request<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface AuthDependencies {
  fetch: typeof fetch;
  now: () => number;
  /** shared by every tab of the origin (localStorage), so a tab sees the tokens another tab was given */
  store: KeyValueStore;
  /** serialises refreshes across tabs; without it (an old browser) a tab still checks the store before refreshing */
  locks?: TabLocks;
  /** calls back when another tab changed the store (the `storage` event); returns the unsubscribe */
  onStoreChanged?: (changed: (key: string | null) => void) => () => void;
}

export const STORE_KEY = 'agent-factory.session';
const REFRESH_LOCK = 'agent-factory.session-refresh';

/**
 * Holds the signed-in session, adds the bearer token to API calls, refreshes it shortly before it expires and once
 * more after a 401. The gateway spends a refresh token on use and takes a spent one presented again for theft,
 * revoking every token of the session, so no token may be presented twice: not by two requests of one tab (one
 * refresh at a time), and not by two tabs, which share the session through the store. A tab therefore reads the
 * store again before it refreshes, under a lock all tabs take, and uses the tokens another tab was given meanwhile.
 * Only within 30 s of its use, while the token it was traded for is unused, does the gateway take a spent token for a
 * retry whose reply was lost and answer it with a fresh pair: a refresh that failed without its judgement is therefore
 * tried again within seconds, not left to the page's next call. It does so only for the browser it handed the token
 * to, as told by the HttpOnly cookie it sets with every pair: fetch sends that cookie along because the call is
 * same-origin (credentials 'same-origin', the default), so no call here may ask for 'omit'.
 */
export class AuthClient {
  private current: Session | null;
  private refreshing: Promise<Session | null> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** which retry after a failure runs now, 0 when none does: its own failure counts towards MAX_RETRIES */
  private retryRunning = 0;
  private readonly listeners = new Set<(session: Session | null) => void>();

  constructor(private readonly deps: AuthDependencies) {
    this.current = AuthClient.restore(deps.store);
    deps.onStoreChanged?.((key) => {
      // null: the whole store was cleared
      if (key === STORE_KEY || key === null) {
        this.sync();
      }
    });
  }

  get session(): Session | null {
    return this.current;
  }

  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(email: string, password: string): Promise<Session> {
    return this.signIn('/api/v1/auth/login', { email, password });
  }

  async register(email: string, password: string, firstName: string, lastName: string): Promise<Session> {
    return this.signIn('/api/v1/auth/register', {
      email,
      password,
      first_name: firstName,
      last_name: lastName,
    });
  }

  /**
   * Signs out at once and then asks the gateway to revoke the refresh token (and every token rotated from the same
   * sign-in), so a copy of it can no longer be traded for tokens. The session is gone whatever the gateway answers,
   * and a failed revocation is not retried: the promise settles when it is done and never rejects.
   */
  async logout(): Promise<void> {
    // the store holds the live refresh token, should another tab have refreshed since this one looked
    const session = this.sync();
    this.setSession(null);
    if (!session) {
      return;
    }
    try {
      await this.deps.fetch('/api/v1/auth/logout', jsonPost({ refresh_token: session.refreshToken }));
    } catch {
      // the network failed: signed out here all the same, the token lapses when it expires
    }
  }

  /**
   * A valid access token, refreshed first when it is about to expire; null when signed out. When the refresh could
   * not be had (the gateway's rate limiter, a restart, the network) the session's token is given while it has not
   * expired: it is refreshed a minute early, and a request without it would be refused for want of any token.
   */
  async accessToken(): Promise<string | null> {
    // the storage event that tells of another tab's refresh may not have arrived yet
    const session = this.sync();
    if (!session) {
      return null;
    }
    if (!needsRefresh(session, this.deps.now())) {
      return session.accessToken;
    }
    const renewed = await this.renew(session.accessToken);
    if (renewed) {
      return renewed.accessToken;
    }
    // a refused refresh signed out; otherwise the session is kept, and is read again as another tab may have renewed it
    const kept = this.sync();
    return kept && kept.expiresAt > this.deps.now() ? kept.accessToken : null;
  }

  /** Replaces the session's tokens, unless another tab already has since this tab last looked. */
  refresh(): Promise<Session | null> {
    return this.renew(this.current?.accessToken);
  }

  /** fetch with the bearer token; a 401 is answered by one refresh and one retry. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await this.accessToken();
    const response = await this.deps.fetch(path, withToken(init, token));
    if (response.status !== 401 || !token) {
      return response;
    }
    const renewed = await this.renew(token);
    return renewed ? this.deps.fetch(path, withToken(init, renewed.accessToken)) : response;
  }

  /** One refresh at a time in this tab, and with the lock, in all tabs. */
  private renew(replacing: string | undefined): Promise<Session | null> {
    if (!this.refreshing) {
      const refresh = () => this.doRefresh(replacing);
      this.refreshing = (this.deps.locks ? this.deps.locks.request(REFRESH_LOCK, refresh) : refresh()).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** @param replacing the access token that is about to expire or was refused */
  private async doRefresh(replacing: string | undefined): Promise<Session | null> {
    const session = this.sync();
    if (!session) {
      return null;
    }
    if (session.accessToken !== replacing) {
      // another tab refreshed (or signed in again) while this one waited: its tokens are the live ones
      return session;
    }
    try {
      const response = await this.deps.fetch('/api/v1/auth/refresh', jsonPost({ refresh_token: session.refreshToken }));
      if (!response.ok) {
        const stored = this.sync();
        if (stored && stored.refreshToken !== session.refreshToken) {
          // a tab without the lock signed in again meanwhile: that session is not this token's to end
          return stored;
        }
        if (response.status === 400 || response.status === 401) {
          // the refresh token is spent, expired or revoked (401) or not taken at all (400): the person signs in again
          this.setSession(null);
        }
        // otherwise the gateway did not get to judge the token (429 from its rate limiter, a 5xx while it restarts):
        // keep the session, this call fails, and the refresh is tried again soon, while a lost reply may be retried
        this.retryLater(session);
        return null;
      }
      const renewed: Session = {
        ...sessionFrom((await response.json()) as TokenResponse, this.deps.now()),
        signIn: session.signIn,
      };
      const stored = this.sync();
      if (stored?.refreshToken !== session.refreshToken && !sameSignIn(stored, session)) {
        // the person signed out (here or in another tab), or signed in again, while the refresh was under way: its
        // tokens belong to a session that has ended and must not bring it back
        return stored;
      }
      // a tab without the lock may have refreshed the same sign-in with the same token meanwhile; the gateway took
      // the later of the two presentations for a retry and replaced the pair it gave the other tab by this one
      this.setSession(renewed);
      return renewed;
    } catch {
      // the network failed: keep the session and try again soon, as the request may have spent the token
      this.retryLater(session);
      return null;
    }
  }

  /**
   * Refreshes once more a few seconds after a failure the gateway did not judge, under the lock as any refresh, unless
   * the session has changed by then (another tab refreshed it, or the person signed out). A retry that fails too is
   * followed by one more at most; it ends with the tab, whose timers go with it.
   */
  private retryLater(failed: Session): void {
    const attempt = this.retryRunning + 1;
    if (this.retryTimer !== null || attempt > MAX_RETRIES) {
      return;
    }
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        const session = this.sync();
        if (session?.refreshToken !== failed.refreshToken) {
          return;
        }
        this.retryRunning = attempt;
        const settled = () => {
          this.retryRunning = 0;
        };
        this.renew(session.accessToken).then(settled, settled);
      },
      RETRY_DELAY_MS + Math.random() * RETRY_JITTER_MS,
    );
  }

  /** Takes up the session as the store now holds it, telling the listeners when another tab changed it. */
  private sync(): Session | null {
    const stored = AuthClient.restore(this.deps.store);
    if (stored?.accessToken !== this.current?.accessToken || stored?.refreshToken !== this.current?.refreshToken) {
      this.current = stored;
      this.listeners.forEach((listener) => listener(stored));
    }
    return this.current;
  }

  private async signIn(path: string, body: unknown): Promise<Session> {
    const response = await this.deps.fetch(path, jsonPost(body));
    if (!response.ok) {
      throw await problemFrom(response);
    }
    const session: Session = {
      ...sessionFrom((await response.json()) as TokenResponse, this.deps.now()),
      signIn: newSignIn(),
    };
    if (session.user.roles.length === 0) {
      throw new ApiError(403, 'Forbidden', 'This account has no role that can use this application.');
    }
    this.setSession(session);
    return session;
  }

  private setSession(session: Session | null): void {
    // the session is renewed, replaced or ended: a retry due for its former tokens has nothing left to do
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.current = session;
    if (session) {
      this.deps.store.setItem(STORE_KEY, JSON.stringify(session));
    } else {
      this.deps.store.removeItem(STORE_KEY);
    }
    this.listeners.forEach((listener) => listener(session));
  }

  private static restore(store: KeyValueStore): Session | null {
    const saved = store.getItem(STORE_KEY);
    if (!saved) {
      return null;
    }
    try {
      return JSON.parse(saved) as Session;
    } catch {
      store.removeItem(STORE_KEY);
      return null;
    }
  }
}

function sameSignIn(stored: Session | null, session: Session): boolean {
  return stored?.signIn !== undefined && stored.signIn === session.signIn;
}

function newSignIn(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function withToken(init: RequestInit, token: string | null): RequestInit {
  const headers = new Headers(init.headers);
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  }
  return { ...init, headers };
}

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
