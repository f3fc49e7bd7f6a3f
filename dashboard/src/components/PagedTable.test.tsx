// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import { FakeGateway, problem } from '../test/gateway';
import { PagedTable } from './PagedTable';

interface Row {
  id: string;
}

function pageOf(ids: string[], page: number, totalPages: number) {
  return { items: ids.map((id) => ({ id })), pagination: { total: totalPages * 2, page, limit: 2, total_pages: totalPages } };
}

function Filtered() {
  const [colour, setColour] = useState('red');
  return (
    <>
      <button type="button" onClick={() => setColour('blue')}>
        Blue
      </button>
      <PagedTable<Row>
        label="Things"
        path="/api/v1/things"
        params={{ colour }}
        limit={2}
        rowKey={(r) => r.id}
        empty="No things."
        columns={[{ header: 'Thing', cell: (r) => r.id }]}
      />
    </>
  );
}

function Changing() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setVersion((v) => v + 1)}>
        Changed
      </button>
      <PagedTable<Row>
        label="Things"
        path="/api/v1/things"
        limit={2}
        version={version}
        rowKey={(r) => r.id}
        empty="No things."
        columns={[{ header: 'Thing', cell: (r) => r.id }]}
      />
    </>
  );
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('PagedTable', () => {
  it('pages through the list and goes back to the first page when the filter changes', async () => {
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/things?colour=red&page=1&limit=2', pageOf(['r1', 'r2'], 1, 2))
      .ok('GET', '/api/v1/things?colour=red&page=2&limit=2', pageOf(['r3'], 2, 2))
      .ok('GET', '/api/v1/things?colour=blue&page=1&limit=2', pageOf(['b1'], 1, 1));
    await gateway.signInAs(['ADMIN']);
    render(<Filtered />);
    const user = userEvent.setup();

    expect(await screen.findByText('r2')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Things' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('r3')).toBeTruthy();
    expect(screen.getByText('Page 2 of 2 · 4 in all')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Blue' }));
    expect(await screen.findByText('b1')).toBeTruthy();
    await waitFor(() => expect(gateway.calls.at(-1)?.path).toBe('/api/v1/things?colour=blue&page=1&limit=2'));
  });

  it('shows the empty text and the problem detail', async () => {
    const gateway = new FakeGateway().ok('GET', '/api/v1/things?colour=red&page=1&limit=2', pageOf([], 1, 0));
    await gateway.signInAs(['ADMIN']);
    render(<Filtered />);
    expect(await screen.findByText('No things.')).toBeTruthy();
    cleanup();

    gateway.on('GET', '/api/v1/things?colour=red&page=1&limit=2', problem(503, 'The things service is not answering.'));
    render(<Filtered />);
    expect((await screen.findByRole('alert')).textContent).toContain('The things service is not answering.');
  });

  it('reloads the page shown when the version changes, keeping its rows until the answer', async () => {
    let renamed = false;
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/things?page=1&limit=2', pageOf(['t1', 't2'], 1, 2))
      .on('GET', '/api/v1/things?page=2&limit=2', () => ({ status: 200, body: pageOf([renamed ? 't3 renamed' : 't3'], 2, 2) }));
    await gateway.signInAs(['ADMIN']);
    render(<Changing />);
    const user = userEvent.setup();
    await screen.findByText('t2');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('t3')).toBeTruthy();

    renamed = true;
    await user.click(screen.getByRole('button', { name: 'Changed' }));
    expect(await screen.findByText('t3 renamed')).toBeTruthy();
    expect(screen.getByText('Page 2 of 2 · 4 in all')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(gateway.calls.map((c) => c.path)).toEqual([
      '/api/v1/things?page=1&limit=2',
      '/api/v1/things?page=2&limit=2',
      '/api/v1/things?page=2&limit=2',
    ]);
  });

  it('goes back to the last page the list still has when an action took the last rows of the page shown', async () => {
    let removed = false;
    const gateway = new FakeGateway()
      .on('GET', '/api/v1/things?page=1&limit=2', () => ({ status: 200, body: pageOf(['t1', 't2'], 1, removed ? 1 : 2) }))
      .on('GET', '/api/v1/things?page=2&limit=2', () => ({ status: 200, body: removed ? pageOf([], 2, 1) : pageOf(['t3'], 2, 2) }));
    await gateway.signInAs(['ADMIN']);
    render(<Changing />);
    const user = userEvent.setup();
    await screen.findByText('t2');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('t3');

    removed = true;
    await user.click(screen.getByRole('button', { name: 'Changed' }));

    expect(await screen.findByText('t1')).toBeTruthy();
    expect(screen.queryByText('No things.')).toBeNull();
    expect(gateway.calls.at(-1)?.path).toBe('/api/v1/things?page=1&limit=2');
  });
});
