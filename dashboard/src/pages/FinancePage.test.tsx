// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Role } from '../api/roles';
import type { Budget, BudgetAlert, Reservation } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import { formatNumber } from '../format';
import FinancePage from './FinancePage';

const BUDGET = '/api/v1/financial/budgets/marketing';

/** 125.50 used of 100.00: 30.50 recorded without a reservation, 25.50 of it beyond the allocation. */
const overspent: Budget = {
  id: 'b1',
  department: 'marketing',
  fiscal_period: '2026-12',
  currency: 'EUR',
  allocated_amount: 100,
  committed_amount: 0,
  spent_amount: 125.5,
  unbudgeted_amount: 30.5,
  available_amount: 0,
  overspent_amount: 25.5,
  utilisation: 1.255,
  warning_threshold: 0.8,
  critical_threshold: 0.95,
  alerts_enabled: true,
  status: 'overspent',
  updated_at: '2026-12-06T10:00:00Z',
};

const withinBudget: Budget = {
  ...overspent,
  spent_amount: 82,
  unbudgeted_amount: 0,
  available_amount: 18,
  overspent_amount: 0,
  utilisation: 0.82,
  status: 'warning',
};

function alert(level: string, threshold: number, used: number): BudgetAlert {
  return {
    id: `alert-${level}`,
    department: 'marketing',
    fiscal_period: '2026-12',
    level,
    threshold,
    utilisation: used / 100,
    used_amount: used,
    allocated_amount: 100,
    currency: 'EUR',
    created_at: '2026-12-06T09:00:00Z',
  };
}

function finance(budget: Budget, alerts: BudgetAlert[]) {
  return new FakeGateway().ok('GET', BUDGET, budget).ok('GET', `${BUDGET}/alerts`, alerts);
}

/** The figure shown under a label of the budget's tiles, or null when there is no such tile. */
function tile(section: HTMLElement, label: string): string | null {
  const term = within(section).queryByText(label, { selector: 'dt' });
  return term ? (term.nextElementSibling?.textContent ?? '') : null;
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('FinancePage budget', () => {
  it('shows an overspent budget as overspent: its status, what went beyond the allocation and what was spent without a reservation, in its currency', async () => {
    await finance(overspent, [alert('warning', 0.8, 80), alert('critical', 0.95, 96), alert('overspent', 1, 125.5)]).signInAs(['ADMIN']);
    renderPage(<FinancePage />);

    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await within(section).findByText('Allocated', { selector: 'dt' });
    expect(tile(section, 'Overspent')).toBe('€25.50');
    expect(tile(section, 'Spent without a reservation')).toBe('€30.50');
    expect(tile(section, 'Available')).toBe('€0.00');
    const status = within(section).getAllByText('overspent', { selector: '.badge' })[0];
    expect(status.className).toBe('badge badge-overspent');
    expect(within(section).getByRole('meter', { name: 'Budget used' }).classList.contains('overspent')).toBe(true);
    expect(section.querySelector('.overspent-note')?.textContent).toMatch(
      /^Overspent by €25\.50\. Spend recorded after it was made \(€30\.50 without a reservation\) took this budget beyond its allocation of €100\.00\./,
    );

    const alerts = await within(section).findAllByRole('listitem');
    const texts = alerts.map((li) => li.textContent);
    expect(texts[0]).toContain('warning 80.0% used (€80.00 of €100.00)');
    expect(texts[1]).toContain('critical 96.0% used (€96.00 of €100.00)');
    expect(texts[2]).toContain('overspent €25.50 beyond the allocation (€125.50 of €100.00, 125.5% used)');
    expect(within(alerts[2]).getByText('overspent').className).toBe('badge badge-overspent');
  });

  it('shows a budget within its allocation with neither an overspend nor spend without a reservation', async () => {
    await finance(withinBudget, [alert('warning', 0.8, 82)]).signInAs(['ADMIN']);
    renderPage(<FinancePage />);

    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await within(section).findByText('Allocated', { selector: 'dt' });
    expect(tile(section, 'Available')).toBe('€18.00');
    expect(tile(section, 'Overspent')).toBeNull();
    expect(tile(section, 'Spent without a reservation')).toBeNull();
    expect(section.querySelector('.overspent-note')).toBeNull();
    expect(within(section).getByRole('meter', { name: 'Budget used' }).classList.contains('overspent')).toBe(false);
    expect((await within(section).findByRole('listitem')).textContent).toContain('warning 82.0% used (€82.00 of €100.00)');
  });
});

describe('FinancePage reservations', () => {
  beforeEach(() => {
    // the reservation form holds money until the end of the budget's period by default: the budget's period is today's
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T10:00:00Z') });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** What finance answers for the signed-in caller: the holder it recorded and what they may do with it. */
  interface Holding {
    reserved_by: string | null;
    may_commit: boolean;
    may_release: boolean;
  }

  const heldByMe: Holding = { reserved_by: 'user-1', may_commit: true, may_release: true };

  function held(id: string, requestedBy: string, amount: number, holding: Holding = heldByMe): Reservation {
    return {
      ...holding,
      id,
      department: 'marketing',
      fiscal_period: '2026-12',
      amount,
      currency: 'EUR',
      purpose: `purpose of ${id}`,
      requested_by: requestedBy,
      status: 'reserved',
      budget_available_amount: 18,
      created_at: '2026-12-05T09:00:00Z',
      resolved_at: null,
      expires_at: null,
    };
  }

  /**
   * The gateway, recording the Idempotency-Key each reservation carried; finance's list of the period's held
   * reservations holds those made and those `before`, less the ones committed or released.
   */
  async function reservingGateway(answers: number[], before: Reservation[] = [], roles: Role[] = ['ADMIN']) {
    const gateway = finance(withinBudget, []);
    let n = 0;
    const stored = [...before];
    gateway.on('POST', `${BUDGET}/reservations`, (call) => {
      const status = answers[n++] ?? 201;
      const body = call.body as { amount: number; purpose: string; fiscal_period: string; requested_by: string; expires_at?: string };
      if (status !== 201) {
        return { status, body: { title: 'Bad Gateway', status, detail: 'The finance service did not answer.' } };
      }
      const made = { ...held(`r${n}`, body.requested_by, body.amount), purpose: body.purpose, expires_at: body.expires_at ?? null };
      stored.push(made);
      return { status, body: made };
    });
    gateway.on('GET', `${BUDGET}/reservations`, () => ({ status: 200, body: page(stored.filter((r) => r.status === 'reserved')) }));
    for (const action of ['commit', 'release'] as const) {
      for (const r of before) {
        gateway.on('POST', `${BUDGET}/reservations/${r.id}/${action}`, () => {
          r.status = action === 'commit' ? 'committed' : 'released';
          return { status: 200, body: r };
        });
      }
    }
    await gateway.signInAs(roles);
    const keys: (string | null)[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST' && String(input) === `${BUDGET}/reservations`) {
        keys.push(new Headers(init?.headers).get('Idempotency-Key'));
      }
      return gateway.fetch(input, init);
    });
    return { gateway, keys };
  }

  it('lists the reservations still held from finance, so they can be committed or released after the page was loaded again', async () => {
    const mine = held('mine', 'user-1', 12);
    // an admin may release another's reservation but not commit it
    const agents = held('agents', 'campaign-agent', 30, { reserved_by: 'agent:campaign-agent', may_commit: false, may_release: true });
    const { gateway } = await reservingGateway([], [mine, agents]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });

    const table = await within(section).findByRole('table', { name: 'Held reservations' });
    const row = (purpose: string) => within(table).getByText(purpose).closest('tr')!;
    // finance lets only the holder commit; an admin may also release another's
    expect(within(row('purpose of mine')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Commit', 'Release']);
    expect(within(row('purpose of agents')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Release']);

    await user.click(within(row('purpose of mine')).getByRole('button', { name: 'Commit' }));
    await waitFor(() => expect(within(table).queryByText('purpose of mine')).toBeNull());
    await user.click(within(row('purpose of agents')).getByRole('button', { name: 'Release' }));
    await within(section).findByText('No money of this period is held.');

    expect(gateway.callsTo('GET', `${BUDGET}/reservations`)[0].path).toBe(`${BUDGET}/reservations?period=2026-12&status=reserved&page=1&limit=50`);
    expect(gateway.callsTo('POST', `${BUDGET}/reservations/mine/commit`)).toHaveLength(1);
    expect(gateway.callsTo('POST', `${BUDGET}/reservations/agents/release`)).toHaveLength(1);
  });

  it('shows the problem of the action run last, not an earlier failed reservation', async () => {
    const { gateway } = await reservingGateway([502], [held('mine', 'user-1', 12)]);
    gateway.on('POST', `${BUDGET}/reservations/mine/commit`, problem(409, 'The ledger holds another transaction under its id.'));
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await user.type(await within(section).findByLabelText('Amount (EUR)'), '10');
    await user.type(within(section).getByLabelText('Purpose'), 'banner');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('The finance service did not answer.');

    await user.click(within(section).getByRole('button', { name: 'Commit' }));

    await waitFor(() => expect(within(section).getByRole('alert').textContent).toContain('The ledger holds another transaction under its id.'));
    expect(within(section).getByRole('alert').textContent).not.toContain('The finance service did not answer.');
  });

  it('offers a manager no action on a reservation someone else holds', async () => {
    const others = { reserved_by: 'agent:campaign-agent', may_commit: false, may_release: false };
    await reservingGateway([], [held('mine', 'user-1', 12), held('agents', 'campaign-agent', 30, others)], ['MARKETING_MANAGER']);
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });

    const table = await within(section).findByRole('table', { name: 'Held reservations' });
    expect(within(within(table).getByText('purpose of agents').closest('tr')!).queryByRole('button')).toBeNull();
    expect(within(within(table).getByText('purpose of mine').closest('tr')!).getAllByRole('button')).toHaveLength(2);
  });

  it('offers the actions finance says the signed-in person may take, whoever the reservation says requested it', async () => {
    await reservingGateway(
      [],
      [
        // made by an agent that named the signed-in person: finance refuses them both
        held('naming-me', 'user-1', 10, { reserved_by: 'agent:campaign-agent', may_commit: false, may_release: false }),
        // made before finance recorded holders: anyone it admits may settle it
        held('older', 'campaign-agent', 20, { reserved_by: null, may_commit: true, may_release: true }),
        // made by the signed-in person through another client that named someone else
        held('elsewhere', 'someone-else', 30, heldByMe),
      ],
      ['MARKETING_MANAGER'],
    );
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });

    const table = await within(section).findByRole('table', { name: 'Held reservations' });
    const row = (purpose: string) => within(table).getByText(purpose).closest('tr')!;
    const actions = (purpose: string) => within(row(purpose)).queryAllByRole('button').map((b) => b.textContent);
    expect(actions('purpose of naming-me')).toEqual([]);
    expect(actions('purpose of older')).toEqual(['Commit', 'Release']);
    expect(actions('purpose of elsewhere')).toEqual(['Commit', 'Release']);
    expect(within(row('purpose of naming-me')).getByText('agent:campaign-agent')).toBeTruthy();
  });

  it('holds a reservation until the end of its period unless another day, or none, is chosen', async () => {
    const { gateway } = await reservingGateway([]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    const holdUntil = await within(section).findByLabelText(/Held until/);
    expect((holdUntil as HTMLInputElement).value).toBe('2026-12-31');
    await user.type(within(section).getByLabelText('Purpose'), 'banner');

    const reserve = async (amount: string) => {
      await user.type(within(section).getByLabelText('Amount (EUR)'), amount);
      await user.click(within(section).getByRole('button', { name: 'Reserve' }));
      await waitFor(() => expect((within(section).getByLabelText('Amount (EUR)') as HTMLInputElement).value).toBe(''));
    };
    await reserve('10');
    await user.clear(holdUntil);
    await user.type(holdUntil, '2026-12-08');
    await reserve('11');
    await user.clear(holdUntil);
    await reserve('12');

    expect(gateway.callsTo('POST', `${BUDGET}/reservations`).map((c) => (c.body as { expires_at?: string }).expires_at)).toEqual([
      '2027-01-01T00:00:00Z',
      '2026-12-09T00:00:00Z',
      undefined,
    ]);
    const table = within(section).getByRole('table', { name: 'Held reservations' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
  });

  it('reserves for the signed-in person with the purpose given, as finance requires both', async () => {
    const { gateway } = await reservingGateway([]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });

    await user.type(await within(section).findByLabelText('Amount (EUR)'), '10');
    await user.type(within(section).getByLabelText('Purpose'), '  January newsletter ');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByRole('button', { name: 'Commit' });

    expect(gateway.callsTo('POST', `${BUDGET}/reservations`).map((c) => c.body)).toEqual([
      {
        fiscal_period: '2026-12',
        amount: 10,
        currency: 'EUR',
        purpose: 'January newsletter',
        requested_by: 'user-1',
        expires_at: '2027-01-01T00:00:00Z',
      },
    ]);
  });

  it('sends no reservation until a purpose is given', async () => {
    const { gateway } = await reservingGateway([]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await user.type(await within(section).findByLabelText('Amount (EUR)'), '10');
    const purpose = within(section).getByLabelText('Purpose');
    await user.type(purpose, '   ');

    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    expect((purpose as HTMLInputElement).validity.valid).toBe(false);
    await user.type(purpose, 'banner');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByRole('button', { name: 'Commit' });

    expect(gateway.callsTo('POST', `${BUDGET}/reservations`).map((c) => (c.body as { purpose: string }).purpose)).toEqual(['banner']);
  });

  it('retries a reservation whose answer was lost with the key of the first attempt, and takes a new key for the next one', async () => {
    const { keys } = await reservingGateway([502]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    const amount = await within(section).findByLabelText('Amount (EUR)');
    await user.type(within(section).getByLabelText('Purpose'), 'banner');

    await user.type(amount, '10');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByText(/The finance service did not answer/);
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByRole('button', { name: 'Commit' });

    await user.type(amount, '10');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await waitFor(() => expect(within(section).getAllByRole('button', { name: 'Commit' })).toHaveLength(2));

    expect(keys).toHaveLength(3);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('takes a new key when the request changed after a failed attempt', async () => {
    const { keys } = await reservingGateway([502]);
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Budget of marketing' });
    const amount = await within(section).findByLabelText('Amount (EUR)');
    await user.type(within(section).getByLabelText('Purpose'), 'banner');

    await user.type(amount, '10');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByText(/The finance service did not answer/);
    await user.clear(amount);
    await user.type(amount, '12');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByRole('button', { name: 'Commit' });

    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('shows nothing of the budget shown before when the period chosen has none: no figures, no reservation form, no reservations', async () => {
    const { gateway } = await reservingGateway([]);
    gateway.on('GET', `${BUDGET}?period=2020-01`, problem(404, 'No budget for marketing in 2020-01.'));
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    let section = await screen.findByRole('region', { name: 'Budget of marketing' });
    await user.type(await within(section).findByLabelText('Amount (EUR)'), '10');
    await user.type(within(section).getByLabelText('Purpose'), 'banner');
    await user.click(within(section).getByRole('button', { name: 'Reserve' }));
    await within(section).findByRole('button', { name: 'Commit' });

    const period = screen.getByLabelText('Fiscal period');
    await user.clear(period);
    await user.type(period, '2020-01');

    section = screen.getByRole('region', { name: 'Budget of marketing' });
    await within(section).findByText(/No budget for marketing in 2020-01/);
    expect(within(section).queryByText('Allocated', { selector: 'dt' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Reserve' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Commit' })).toBeNull();
    expect(gateway.callsTo('POST', `${BUDGET}/reservations`)).toHaveLength(1);
  });
});

describe('FinancePage reports', () => {
  it('names the attribution and reconciliation tables after what they list', async () => {
    const report = (dimension: string, key: string) => ({
      dimension,
      model: 'LAST_TOUCH',
      date_from: '2026-11-06',
      date_to: '2026-12-06',
      rows: [{ key, revenue: 320, orders: 4, currency: 'EUR' }],
    });
    await finance(withinBudget, [])
      .ok('GET', '/api/v1/financial/attributions/agents', report('agent', 'email-agent'))
      .ok('GET', '/api/v1/financial/attributions/channels', report('channel', 'newsletter'))
      .ok('GET', '/api/v1/financial/reconciliation/daily', {
        days: [{ date: '2026-12-05', currency: 'EUR', transaction_count: 7, revenue: 410, refunds: 10, net: 400, unique_orders: 6 }],
      })
      .signInAs(['ADMIN']);
    renderPage(<FinancePage />);

    expect(within(await screen.findByRole('table', { name: 'Attributed revenue by agent' })).getByText('email-agent')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Attributed revenue by channel' })).getByText('newsletter')).toBeTruthy();
    const days = await screen.findByRole('table', { name: 'Daily reconciliation' });
    expect(within(days).getByText('2026-12-05')).toBeTruthy();
    expect(within(days).getByText('€400.00')).toBeTruthy();
  });
});

describe('FinancePage audit trail', () => {
  const VERIFY = '/api/v1/financial/audit/verify';

  /** The first part of a long chain: intact, and finance stopped at its limit before the end. */
  const firstPart = { valid: true, entries_checked: 100_000, next_seq: 100_001 };

  /** Answers the second part only when `release` is called, so the page can be seen between the two. */
  async function twoPartGateway(secondPart: { status: number; body: unknown }) {
    const gateway = finance(withinBudget, [])
      .ok('GET', `${VERIFY}?from_seq=1`, firstPart)
      .on('GET', `${VERIFY}?from_seq=100001`, secondPart);
    await gateway.signInAs(['ADMIN']);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === `${VERIFY}?from_seq=100001`) {
        await held;
      }
      return gateway.fetch(input, init);
    });
    return { gateway, release };
  }

  async function verifyTrail() {
    const user = userEvent.setup();
    renderPage(<FinancePage />);
    const section = await screen.findByRole('region', { name: 'Audit trail' });
    await user.click(within(section).getByRole('button', { name: 'Verify the audit trail' }));
    return section;
  }

  it('follows next_seq to the end of the chain before calling the trail intact, counting the entries of every part', async () => {
    const { gateway, release } = await twoPartGateway({ status: 200, body: { valid: true, entries_checked: 50_000 } });
    const section = await verifyTrail();

    const status = await within(section).findByText(`Checking the hash chain: ${formatNumber(100_000, undefined, 0)} entries checked so far…`);
    expect(status.getAttribute('role')).toBe('status');
    expect(within(section).queryByText(/intact/)).toBeNull();
    release();

    await within(section).findByText(`The chain is intact: ${formatNumber(150_000, undefined, 0)} entries checked.`);
    expect(gateway.callsTo('GET', VERIFY).map((c) => c.path)).toEqual([`${VERIFY}?from_seq=1`, `${VERIFY}?from_seq=100001`]);
  });

  it('shows the first broken entry when a later part of the chain breaks', async () => {
    const { gateway, release } = await twoPartGateway({
      status: 200,
      body: { valid: false, entries_checked: 23_456, first_broken_entry: 123_456, problem: 'entry 123456 was changed after it was written' },
    });
    release();
    const section = await verifyTrail();

    await within(section).findByText('The chain breaks at entry 123456: entry 123456 was changed after it was written');
    expect(within(section).queryByText(/intact/)).toBeNull();
    expect(gateway.callsTo('GET', VERIFY)).toHaveLength(2);
  });

  it('does not call the trail intact when a later part could not be checked', async () => {
    const { release } = await twoPartGateway(problem(503, 'The finance service did not answer.'));
    release();
    const section = await verifyTrail();

    expect((await within(section).findByRole('alert')).textContent).toContain('The finance service did not answer.');
    expect(within(section).getByRole('status').textContent).toBe(
      `The check of the hash chain stopped after ${formatNumber(100_000, undefined, 0)} entries: the rest of the trail was not verified.`,
    );
  });
});
