// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import { FakeGateway, problem } from '../test/gateway';
import { Async, latestError, Problem, useAction, useApi, type Loaded } from './state';

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

function TwoActions({ answers }: { answers: Record<string, () => Promise<string>> }) {
  const first = useAction(answers.first);
  const second = useAction(answers.second);
  return (
    <>
      <button type="button" onClick={() => first.run()}>
        First
      </button>
      <button type="button" onClick={() => second.run()}>
        Second
      </button>
      <Problem error={latestError(first, second)} />
    </>
  );
}

describe('latestError', () => {
  it('shows the problem of the action run last, and none once it succeeded, whatever an earlier one answered', async () => {
    let secondFails = true;
    render(
      <TwoActions
        answers={{
          first: () => Promise.reject(new Error('first failed')),
          second: () => (secondFails ? Promise.reject(new Error('second failed')) : Promise.resolve('done')),
        }}
      />,
    );
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'First' }));
    expect((await screen.findByRole('alert')).textContent).toContain('first failed');
    await user.click(screen.getByRole('button', { name: 'Second' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('second failed'));
    await user.click(screen.getByRole('button', { name: 'First' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('first failed'));

    secondFails = false;
    await user.click(screen.getByRole('button', { name: 'Second' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
