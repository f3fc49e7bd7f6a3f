import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { auth } from '../api/client';
import type { Role } from '../api/roles';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

type Reply = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown });

/**
 * The gateway as the browser sees it, for component tests: canned answers per method and path (the path with its
 * query, or without when the route names none), every call recorded. Unknown paths answer 404 like the gateway.
 */
export class FakeGateway {
  readonly calls: Call[] = [];
  private readonly routes: { method: string; path: string; reply: Reply }[] = [];

  on(method: string, path: string, reply: Reply): this {
    this.routes.unshift({ method, path, reply });
    return this;
  }

  /** A 200 with this body. */
  ok(method: string, path: string, body: unknown): this {
    return this.on(method, path, { status: 200, body });
  }

  callsTo(method: string, path: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.path.split('?')[0] === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const call: Call = { method, path, body: text ? JSON.parse(text) : undefined };
    if (path.startsWith('/api/v1/auth/')) {
      return json(200, this.token);
    }
    this.calls.push(call);
    const route = this.routes.find(
      (r) => r.method === method && (r.path === path || (!r.path.includes('?') && r.path === path.split('?')[0])),
    );
    if (!route) {
      return json(404, { title: 'Not Found', status: 404, detail: `No route for ${method} ${path}` });
    }
    const reply = typeof route.reply === 'function' ? route.reply(call) : route.reply;
    return reply.status === 204 ? new Response(null, { status: 204 }) : json(reply.status, reply.body);
  };

  private token: unknown;

  /** @param claims more claims of the access token, e.g. a customer's customer_id, or another sub */
  async signInAs(roles: Role[], claims: Record<string, unknown> = {}): Promise<void> {
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    this.token = {
      access_token: `${encode({ alg: 'HS256' })}.${encode({ sub: 'user-1', email: 'staff@example.test', roles, ...claims })}.sig`,
      refresh_token: 'refresh',
      expires_in: 900,
    };
    vi.stubGlobal('fetch', this.fetch);
    await auth.login('staff@example.test', 'secret');
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function page<T>(items: T[]) {
  return { items, pagination: { total: items.length, page: 1, limit: 20, total_pages: items.length ? 1 : 0 } };
}

export function problem(status: number, detail: string, errors: { field: string; message: string }[] = []) {
  return { status, body: { type: 'about:blank', title: 'Problem', status, detail, ...(errors.length ? { errors } : {}) } };
}

export function renderPage(ui: ReactNode) {
  return render(<MemoryRouter>{ui}</MemoryRouter>);
}
