// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import { FakeGateway, problem } from '../test/gateway';
import { Async, useApi, type Loaded } from './state';

function Shown({ path, onState }: { path: string; onState?: (state: Loaded<{ name: string }>) => void }) {
  const state = useApi<{ name: string }>(path);
  onState?.(state);
  return <Async state={state}>{(d) => <p>Shown: {d.name}</p>}</Async>;
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('useApi', () => {
  it('drops the data of the path before when the new path fails, so it is not shown under the problem', async () => {
    const gateway = new FakeGateway().ok('GET', '/api/v1/things/a', { name: 'thing a' }).on('GET', '/api/v1/things/b', problem(404, 'No thing b.'));
    await gateway.signInAs(['ADMIN']);
    const view = render(<Shown path="/api/v1/things/a" />);
    await screen.findByText('Shown: thing a');

    view.rerender(<Shown path="/api/v1/things/b" />);

    await screen.findByText(/No thing b/);
    expect(screen.queryByText('Shown: thing a')).toBeNull();
  });

  it('keeps the data of the same path when its reload fails, and while a new path loads', async () => {
    let fail = false;
    const gateway = new FakeGateway()
      .on('GET', '/api/v1/things/a', () => (fail ? problem(503, 'Try later.') : { status: 200, body: { name: 'thing a' } }))
      .ok('GET', '/api/v1/things/c', { name: 'thing c' });
    await gateway.signInAs(['ADMIN']);
    let state: Loaded<{ name: string }> | undefined;
    const view = render(<Shown path="/api/v1/things/a" onState={(s) => (state = s)} />);
    await screen.findByText('Shown: thing a');

    fail = true;
    act(() => state!.reload());
    await screen.findByText(/Try later/);
    expect(screen.getByText('Shown: thing a')).toBeTruthy();

    view.rerender(<Shown path="/api/v1/things/c" onState={(s) => (state = s)} />);
    expect(screen.getByText('Shown: thing a')).toBeTruthy();
    await screen.findByText('Shown: thing c');
  });
});
