// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { DemandHistory, Promotion, PurchaseOrder, StockAlert, StockedSku, Supplier } from '../api/types';
import { FakeGateway, page, problem, renderPage } from '../test/gateway';
import InventoryPage from './InventoryPage';

const alert: StockAlert = {
  id: 'a1',
  sku: 'SKU-RED-MUG',
  location: 'main',
  type: 'low_stock',
  available: 3,
  reorder_point: 12,
  suggested_action: 'reorder: available stock is below the reorder point',
  raised_at: '2026-11-30T08:00:00Z',
};

const order: PurchaseOrder = {
  id: 'po-1',
  supplier_id: 's1',
  sku: 'SKU-RED-MUG',
  location: 'main',
  quantity: 48,
  received_quantity: 0,
  unit_cost: 2.5,
  total_cost: 1234.5,
  currency: 'EUR',
  status: 'suggested',
  days_of_cover: 1.5,
  lead_time_days: 4,
  urgency: -2.5,
  budget_reservation_id: null,
  created_at: '2026-11-30T08:00:00Z',
  updated_at: '2026-11-30T08:00:00Z',
  lines: [{ sku: 'SKU-RED-MUG', quantity: 48, received_quantity: 0, unit_cost: 2.5, total_cost: 120, days_of_cover: 1.5 }],
  history: [],
};

/** An ordered purchase of two SKUs from one supplier, the first partly delivered. */
const twoLineOrder: PurchaseOrder = {
  ...order,
  id: 'po-2',
  sku: null,
  unit_cost: null,
  quantity: 72,
  received_quantity: 10,
  total_cost: 186,
  status: 'ordered',
  lines: [
    { sku: 'SKU-RED-MUG', quantity: 48, received_quantity: 10, unit_cost: 2.5, total_cost: 120, days_of_cover: 1.5 },
    { sku: 'SKU-BLUE-MUG', quantity: 24, received_quantity: 0, unit_cost: 2.75, total_cost: 66, days_of_cover: 4 },
  ],
};

const supplier: Supplier = {
  id: 's1',
  name: 'Mugs & Co',
  lead_time_days: 4,
  minimum_order: 24,
  pack_size: 12,
  unit_cost: 2.5,
  currency: 'EUR',
  skus: ['SKU-RED-MUG'],
  created_at: '2026-11-01T00:00:00Z',
};

const stockedMug: StockedSku = { sku: 'SKU-RED-MUG', available: 3, on_hand: 1250, reserved: 2, in_transit: 48, backordered: 0, locations: 2 };

function inventory(gateway = new FakeGateway()) {
  return gateway
    .ok('GET', '/api/v1/inventory/alerts', page([alert]))
    .ok('GET', '/api/v1/inventory/stock', {
      items: [{ sku: 'SKU-RED-MUG', available: 3, on_hand: 1250, reserved: 2, allocated: 0, in_transit: 0, backordered: 0, locations: [] }],
      unknown_skus: [],
    })
    .ok('GET', '/api/v1/inventory/skus', page([stockedMug]))
    .ok('GET', '/api/v1/inventory/purchase-orders', page([order]))
    .ok('GET', '/api/v1/inventory/suppliers', page([supplier]))
    .ok('GET', '/api/v1/inventory/promotions', []);
}

const winterSale: Promotion = {
  id: 'promo-1',
  sku: 'SKU-RED-MUG',
  discount_percent: 20,
  starts_on: '2099-01-10',
  ends_on: '2099-01-17',
  created_by: 'maria',
  reason: 'winter sale',
  created_at: '2026-12-01T09:00:00Z',
  cancelled_by: null,
  cancelled_at: null,
  cancel_reason: null,
  cut_short: false,
};

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('InventoryPage', () => {
  it('shows alerts, the stock of the alerted SKUs, suggestions and suppliers with currency and locale', async () => {
    const gateway = inventory();
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<InventoryPage />);

    const stock = await screen.findByRole('region', { name: 'Stock levels' });
    expect(within(await within(stock).findByRole('table', { name: 'Stock levels' })).getByText('1,250')).toBeTruthy();
    expect(gateway.calls.some((c) => c.path === '/api/v1/inventory/stock?skus=SKU-RED-MUG')).toBe(true);
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(within(alerts).getByText(alert.suggested_action)).toBeTruthy();
    const orders = screen.getByRole('region', { name: 'Reorder suggestions and purchase orders' });
    expect(await within(orders).findByText('€1,234.50')).toBeTruthy();
    expect(within(orders).getByText('runs out before delivery')).toBeTruthy();
    expect(await screen.findByText('Mugs & Co')).toBeTruthy();
    // support staff read only: no decision, no forecast, no new supplier
    expect(within(orders).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Forecast' })).toBeNull();
    expect(screen.queryByText('Add a supplier')).toBeNull();
  });

  it('approves a suggestion with its reason through the purchase order endpoint', async () => {
    let approved = false;
    const gateway = inventory()
      .on('GET', '/api/v1/inventory/purchase-orders', () => ({ status: 200, body: page(approved ? [] : [order]) }))
      .on('POST', '/api/v1/inventory/purchase-orders/po-1/approve', () => ((approved = true), { status: 200, body: { ...order, status: 'approved' } }));
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await user.click(await within(orders).findByRole('button', { name: 'Approve' }));
    await user.type(within(orders).getByLabelText('Reason'), 'stock runs out before the delivery');
    await user.click(within(orders).getByRole('button', { name: 'Confirm approve' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-1/approve')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-1/approve')[0].body).toEqual({
      reason: 'stock runs out before the delivery',
    });
    // the suggestions are read again: the approved order has left them
    expect(await within(orders).findByText('No purchase order is suggested.')).toBeTruthy();
    expect(gateway.callsTo('GET', '/api/v1/inventory/purchase-orders').map((c) => c.path)).toEqual([
      '/api/v1/inventory/purchase-orders?status=suggested&page=1&limit=20',
      '/api/v1/inventory/purchase-orders?status=suggested&page=1&limit=20',
    ]);
  });

  it('lists the lines of an order of several SKUs and books a delivery line by line', async () => {
    const gateway = inventory()
      .ok('GET', '/api/v1/inventory/purchase-orders', page([twoLineOrder]))
      .ok('POST', '/api/v1/inventory/purchase-orders/po-2/receipts', { ...twoLineOrder, status: 'received' });
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    const lines = await within(orders).findByRole('list', { name: 'Lines' });
    expect(within(lines).getByText('SKU-BLUE-MUG')).toBeTruthy();
    expect(lines.textContent).toContain('(10 received)');
    await user.click(within(orders).getByRole('button', { name: 'Receive' }));
    expect((within(orders).getByLabelText('Units of SKU-RED-MUG delivered') as HTMLInputElement).value).toBe('38');
    await user.clear(within(orders).getByLabelText('Units of SKU-BLUE-MUG delivered'));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/receipts')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/receipts')[0].body).toEqual({
      lines: [{ sku: 'SKU-RED-MUG', quantity: 38 }],
    });
  });

  it('books the expiry date of perishable units, and none for a line left without one', async () => {
    const gateway = inventory()
      .ok('GET', '/api/v1/inventory/purchase-orders', page([twoLineOrder]))
      .ok('POST', '/api/v1/inventory/purchase-orders/po-2/receipts', { ...twoLineOrder, status: 'received' });
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await user.click(await within(orders).findByRole('button', { name: 'Receive' }));
    await user.type(within(orders).getByLabelText('Units of SKU-RED-MUG expire on (optional)'), '2027-03-31');
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/receipts')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/receipts')[0].body).toEqual({
      lines: [
        { sku: 'SKU-RED-MUG', quantity: 38, expires_on: '2027-03-31' },
        { sku: 'SKU-BLUE-MUG', quantity: 24 },
      ],
    });
  });

  it('offers what the order still awaits each time the delivery form opens, after a part was received', async () => {
    let received = false;
    const partlyReceived: PurchaseOrder = {
      ...twoLineOrder,
      received_quantity: 40,
      lines: [{ ...twoLineOrder.lines[0], received_quantity: 30 }, twoLineOrder.lines[1]],
    };
    const gateway = inventory()
      .on('GET', '/api/v1/inventory/purchase-orders', () => ({ status: 200, body: page([received ? partlyReceived : twoLineOrder]) }))
      .on('POST', '/api/v1/inventory/purchase-orders/po-2/receipts', () => ((received = true), { status: 200, body: partlyReceived }));
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await user.click(await within(orders).findByRole('button', { name: 'Receive' }));
    const red = within(orders).getByLabelText('Units of SKU-RED-MUG delivered');
    await user.clear(red);
    await user.type(red, '20');
    await user.clear(within(orders).getByLabelText('Units of SKU-BLUE-MUG delivered'));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await within(orders).findByText(/\(30 received\)/);

    await user.click(within(orders).getByRole('button', { name: 'Receive' }));

    const again = within(orders).getByLabelText('Units of SKU-RED-MUG delivered') as HTMLInputElement;
    expect(again.value).toBe('18');
    expect(again.max).toBe('18');
    expect((within(orders).getByLabelText('Units of SKU-BLUE-MUG delivered') as HTMLInputElement).value).toBe('24');
  });

  /** An ordered two-line purchase whose receipts answer with the statuses given (then 200), recording each Idempotency-Key. */
  async function receiving(answers: number[]) {
    const receipts = '/api/v1/inventory/purchase-orders/po-2/receipts';
    let n = 0;
    const gateway = inventory()
      .ok('GET', '/api/v1/inventory/purchase-orders', page([twoLineOrder]))
      .on('POST', receipts, () => {
        const status = answers[n++] ?? 200;
        return status === 200
          ? { status, body: twoLineOrder }
          : { status, body: { title: 'Bad Gateway', status, detail: 'The inventory service did not answer.' } };
      });
    await gateway.signInAs(['ADMIN']);
    const keys: (string | null)[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST' && String(input) === receipts) {
        keys.push(new Headers(init?.headers).get('Idempotency-Key'));
      }
      return gateway.fetch(input, init);
    });
    return { gateway, keys };
  }

  it('retries a receipt whose answer was lost with the key of the first attempt, and takes a new key for the next receipt', async () => {
    const { keys } = await receiving([502]);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();
    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });

    await user.click(await within(orders).findByRole('button', { name: 'Receive' }));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await within(orders).findByText(/The inventory service did not answer/);
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await user.click(await within(orders).findByRole('button', { name: 'Receive' }));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await within(orders).findByRole('button', { name: 'Receive' });

    expect(keys).toHaveLength(3);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBeTruthy();
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('takes a new receipt key when the lines changed after a failed attempt', async () => {
    const { keys } = await receiving([502]);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();
    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });

    await user.click(await within(orders).findByRole('button', { name: 'Receive' }));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await within(orders).findByText(/The inventory service did not answer/);
    await user.clear(within(orders).getByLabelText('Units of SKU-BLUE-MUG delivered'));
    await user.click(within(orders).getByRole('button', { name: 'Book delivery' }));
    await within(orders).findByRole('button', { name: 'Receive' });

    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('moves the focus into the delivery form when it opens and back to Receive when it is cancelled', async () => {
    const gateway = inventory().ok('GET', '/api/v1/inventory/purchase-orders', page([twoLineOrder]));
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await within(orders).findByRole('list', { name: 'Lines' });
    within(orders).getByRole('button', { name: 'Receive' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(orders).getByLabelText('Units of SKU-RED-MUG delivered'));

    within(orders).getByRole('form', { name: 'Receive delivery' }).querySelector<HTMLButtonElement>('button.link')!.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(orders).getByRole('button', { name: 'Receive' }));
  });

  it('closes a partly delivered order short instead of cancelling it, with a reason', async () => {
    const gateway = inventory()
      .ok('GET', '/api/v1/inventory/purchase-orders', page([twoLineOrder, { ...order, id: 'po-3', status: 'ordered' }]))
      .ok('POST', '/api/v1/inventory/purchase-orders/po-2/close', { ...twoLineOrder, status: 'closed' });
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    // one close for the order 10 units of which came, one cancel for the order nothing of which has
    expect(await within(orders).findAllByRole('button', { name: 'Close short' })).toHaveLength(1);
    expect(within(orders).getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
    await user.click(within(orders).getByRole('button', { name: 'Close short' }));
    await user.type(within(orders).getByLabelText('Reason'), 'the supplier has no more blue mugs');
    await user.click(within(orders).getByRole('button', { name: 'Confirm close short' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/close')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/api/v1/inventory/purchase-orders/po-2/close')[0].body).toEqual({
      reason: 'the supplier has no more blue mugs',
    });
  });

  it('shows the problem detail when the budget refuses an approval', async () => {
    const gateway = inventory().on(
      'POST',
      '/api/v1/inventory/purchase-orders/po-1/approve',
      problem(409, 'The marketing budget does not cover 1234.50 EUR.'),
    );
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await user.click(await within(orders).findByRole('button', { name: 'Approve' }));
    await user.type(within(orders).getByLabelText('Reason'), 'needed');
    await user.click(within(orders).getByRole('button', { name: 'Confirm approve' }));

    expect((await within(orders).findByRole('alert')).textContent).toContain('The marketing budget does not cover 1234.50 EUR.');
  });

  it('shows the problem of the order action run last, not an earlier failure of the suggestions', async () => {
    const gateway = inventory()
      .on('POST', '/api/v1/inventory/purchase-orders/suggestions', problem(503, 'The planner is not answering.'))
      .on('POST', '/api/v1/inventory/purchase-orders/po-1/approve', problem(409, 'The marketing budget does not cover 1234.50 EUR.'));
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();
    const orders = await screen.findByRole('region', { name: 'Reorder suggestions and purchase orders' });
    await user.click(within(orders).getByRole('button', { name: 'Suggest reorders now' }));
    expect((await within(orders).findByRole('alert')).textContent).toContain('The planner is not answering.');

    await user.click(await within(orders).findByRole('button', { name: 'Approve' }));
    await user.type(within(orders).getByLabelText('Reason'), 'needed');
    await user.click(within(orders).getByRole('button', { name: 'Confirm approve' }));

    await waitFor(() => expect(within(orders).getByRole('alert').textContent).toContain('The marketing budget does not cover 1234.50 EUR.'));
    expect(within(orders).getByRole('alert').textContent).not.toContain('The planner is not answering.');
  });

  it('draws a forecast with its intervals from the forecast endpoint', async () => {
    const gateway = inventory().ok('POST', '/api/v1/inventory/forecasts', {
      sku: 'SKU-RED-MUG',
      location: null,
      origin: '2026-12-03',
      model: 'ensemble',
      weights: { ets: 0.6, xgboost: 0.4 },
      history_days: 365,
      pooled_skus: 30,
      calibration_weeks: 8,
      signals: { lift: 2.75, applied: true, basis: '11.8 signals a day recently against 1.0 usually' },
      promotions: {
        elasticity: 2,
        measured_days: 0,
        basis: 'price elasticity 2.00 assumed: no past promotion of this SKU to measure',
        running: [{ id: 'promo-1', discount_percent: 20, starts_on: '2026-12-04', ends_on: '2026-12-06', factor: 1.563 }],
      },
      days: [
        { date: '2026-12-03', expected: 4.2, lower_80: 2.6, upper_80: 5.8, lower_95: 1.8, upper_95: 6.6 },
        { date: '2026-12-04', expected: 4.0, lower_80: 2.4, upper_80: 5.6, lower_95: 1.6, upper_95: 6.4 },
      ],
    });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    // the SKU is filled in from the first alert once the alerts are in
    await waitFor(() =>
      expect((within(screen.getByRole('form', { name: 'Forecast' })).getByLabelText('SKU') as HTMLInputElement).value).toBe('SKU-RED-MUG'),
    );
    const form = screen.getByRole('form', { name: 'Forecast' });
    await user.clear(within(form).getByLabelText('Days ahead'));
    await user.type(within(form).getByLabelText('Days ahead'), '2');
    await user.type(within(form).getByLabelText('From (today when empty)'), '2026-12-03');
    await user.click(within(form).getByRole('button', { name: 'Forecast' }));

    expect(await screen.findByText('2.6 – 5.8')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Forecast by day' })).getByText('2.6 – 5.8')).toBeTruthy();
    expect(screen.getByText(/lift today's expected demand ×2\.75 \(11\.8 signals a day recently against 1\.0 usually\)/)).toBeTruthy();
    expect(
      screen.getByText(/20% off from 2026-12-04 to 2026-12-05 ×1\.56 \(price elasticity 2\.00 assumed: no past promotion of this SKU to measure\)/),
    ).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/inventory/forecasts')[0].body).toEqual({
      sku: 'SKU-RED-MUG',
      origin: '2026-12-03',
      horizon_days: 2,
    });
  });

  it('plans a promotion of the alerted SKU, lists it and cancels it with a reason', async () => {
    let promotions: Promotion[] = [];
    const gateway = inventory()
      .on('GET', '/api/v1/inventory/promotions', () => ({ status: 200, body: promotions }))
      .on('POST', '/api/v1/inventory/promotions', () => ((promotions = [winterSale]), { status: 201, body: winterSale }))
      .on('POST', '/api/v1/inventory/promotions/promo-1/cancel', () => {
        promotions = [{ ...winterSale, cancelled_by: 'maria', cancelled_at: '2026-12-02T10:00:00Z', cancel_reason: 'stock too low' }];
        return { status: 200, body: promotions[0] };
      });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    // the SKU is filled in from the first alert once the alerts are in, which renders the section anew
    await waitFor(() =>
      expect(
        (within(screen.getByRole('form', { name: 'Promotions of a SKU' })).getByLabelText('SKU') as HTMLInputElement).value,
      ).toBe('SKU-RED-MUG'),
    );
    const section = screen.getByRole('region', { name: 'Promotions' });
    expect(await within(section).findByText('No promotion of SKU-RED-MUG is planned or past.')).toBeTruthy();
    await user.click(within(section).getByText('Plan a promotion of SKU-RED-MUG'));
    const form = within(section).getByRole('form', { name: 'Plan a promotion' });
    await user.type(within(form).getByLabelText('First day'), '2099-01-10');
    await user.type(within(form).getByLabelText('Last day'), '2099-01-16');
    await user.type(within(form).getByLabelText('What it is'), 'winter sale');
    await user.click(within(form).getByRole('button', { name: 'Plan promotion' }));

    const table = await within(section).findByRole('table', { name: 'Promotions of SKU-RED-MUG' });
    expect(within(table).getByText('20% off')).toBeTruthy();
    expect(within(table).getByText('2099-01-16')).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/inventory/promotions')[0].body).toEqual({
      sku: 'SKU-RED-MUG',
      discount_percent: '20',
      starts_on: '2099-01-10',
      ends_on: '2099-01-17',
      reason: 'winter sale',
    });

    await user.click(within(table).getByRole('button', { name: 'Cancel' }));
    await user.type(within(table).getByLabelText('Reason'), 'stock too low');
    await user.click(within(table).getByRole('button', { name: 'Confirm cancel' }));

    expect(await within(section).findByText('cancelled by maria: stock too low')).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/inventory/promotions/promo-1/cancel')[0].body).toEqual({ reason: 'stock too low' });
  });

  it('says so when the alerts cannot be loaded', async () => {
    const gateway = inventory().on('GET', '/api/v1/inventory/alerts', problem(503, 'The inventory agent is not answering.'));
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);

    const alerts = await screen.findByRole('region', { name: 'Alerts' });
    expect((await within(alerts).findByRole('alert')).textContent).toContain('The inventory agent is not answering.');
  });

  it('lists the stocked SKUs through the filter and opens a SKU with its demand and forecast', async () => {
    const history: DemandHistory = {
      sku: 'SKU-RED-MUG',
      location: null,
      from: '2026-09-04',
      until: '2026-12-03',
      total_units: 1234,
      days: [
        { date: '2026-12-01', units: 3 },
        { date: '2026-12-02', units: 0 },
      ],
    };
    const gateway = inventory()
      .ok('GET', '/api/v1/inventory/skus?q=mug&page=1&limit=20', page([stockedMug]))
      .ok('GET', '/api/v1/inventory/demand/SKU-RED-MUG', history)
      .ok('GET', '/api/v1/inventory/signals/SKU-RED-MUG', {
        sku: 'SKU-RED-MUG',
        lift: 2.75,
        adjusts: true,
        recent_daily_signals: 11.8,
        baseline_daily_signals: 1.04,
        baseline_days: 28,
        factors: [2.75, 2.23, 1.86, 1.6, 1.42, 1.29, 1.21],
        basis: '11.8 signals a day recently against 1.0 usually',
      })
      .ok('POST', '/api/v1/inventory/forecasts', {
        sku: 'SKU-RED-MUG',
        location: null,
        origin: '2026-12-03',
        model: 'ensemble',
        weights: {},
        history_days: 365,
        pooled_skus: 30,
        calibration_weeks: 8,
        signals: { lift: 1, applied: false, basis: 'signals collected for 2.0 days, 7 needed to know a SKU\'s usual level' },
        days: [{ date: '2026-12-03', expected: 4.5, lower_80: 2, upper_80: 6, lower_95: 1, upper_95: 8 }],
      });
    await gateway.signInAs(['MARKETING_MANAGER']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const skus = await screen.findByRole('region', { name: 'Stocked SKUs' });
    expect(await within(skus).findByText('1,250')).toBeTruthy();
    await user.type(within(skus).getByLabelText('SKU contains'), 'mug');
    await user.click(within(skus).getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(gateway.calls.some((c) => c.path === '/api/v1/inventory/skus?q=mug&page=1&limit=20')).toBe(true));

    await user.click(await within(skus).findByRole('button', { name: 'SKU-RED-MUG' }));
    const demand = await screen.findByRole('region', { name: 'Demand of SKU-RED-MUG' });
    expect(await within(demand).findByText(/1,234 units ordered from 2026-09-04/)).toBeTruthy();
    expect(await within(demand).findByRole('img', { name: 'Demand of SKU-RED-MUG and actual units ordered' })).toBeTruthy();
    expect(
      await within(demand).findByText('Views and cart additions: 11.8 a day lately against 1 usually, so demand is expected ×2.75 today and ×1.21 in a week.'),
    ).toBeTruthy();

    await user.click(within(demand).getByRole('button', { name: 'Forecast the next 28 days' }));
    expect(
      await within(demand).findByRole('img', { name: 'Demand forecast of SKU-RED-MUG with 80% and 95% intervals and actual units ordered' }),
    ).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/inventory/forecasts')[0].body).toEqual({ sku: 'SKU-RED-MUG', horizon_days: 28 });
  });

  it('says why a SKU’s demand cannot be shown', async () => {
    const gateway = inventory().on('GET', '/api/v1/inventory/demand/SKU-RED-MUG', problem(404, 'no stock is kept for SKU SKU-RED-MUG'));
    await gateway.signInAs(['SUPPORT_AGENT']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const skus = await screen.findByRole('region', { name: 'Stocked SKUs' });
    await user.click(await within(skus).findByRole('button', { name: 'SKU-RED-MUG' }));
    const demand = await screen.findByRole('region', { name: 'Demand of SKU-RED-MUG' });
    expect((await within(demand).findByRole('alert')).textContent).toContain('no stock is kept for SKU SKU-RED-MUG');
    expect(within(demand).queryByRole('button', { name: 'Forecast the next 28 days' })).toBeNull();
  });

  it('adds a supplier and lists the suppliers again', async () => {
    const added: Supplier = { ...supplier, id: 'sup-2', name: 'Lantern Works', skus: ['SKU-LANTERN'] };
    let created = false;
    const gateway = inventory()
      .on('GET', '/api/v1/inventory/suppliers', () => ({ status: 200, body: page(created ? [supplier, added] : [supplier]) }))
      .on('POST', '/api/v1/inventory/suppliers', () => ((created = true), { status: 201, body: added }));
    await gateway.signInAs(['ADMIN']);
    renderPage(<InventoryPage />);
    const user = userEvent.setup();

    const suppliers = await screen.findByRole('region', { name: 'Suppliers' });
    expect(await within(suppliers).findByText('Mugs & Co')).toBeTruthy();
    await user.click(within(suppliers).getByText('Add a supplier'));
    await user.type(within(suppliers).getByLabelText('Name'), 'Lantern Works');
    await user.type(within(suppliers).getByLabelText('Unit cost'), '2');
    await user.type(within(suppliers).getByLabelText(/^SKUs \(comma-separated/), 'SKU-LANTERN');
    await user.click(within(suppliers).getByRole('button', { name: 'Add supplier' }));

    const table = within(suppliers).getByRole('table', { name: 'Suppliers' });
    expect(await within(table).findByText('Lantern Works')).toBeTruthy();
    expect(within(table).getByText('SKU-LANTERN')).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/inventory/suppliers')[0].body).toMatchObject({ name: 'Lantern Works', skus: ['SKU-LANTERN'] });
  });
  describe('lists of SKUs', () => {
    const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i + 1}`);

    async function addSupplier(named: string[]) {
      const gateway = inventory().on('POST', '/api/v1/inventory/suppliers', (call) => ({
        status: 201,
        body: { ...supplier, id: 'sup-2', name: 'Lantern Works', skus: (call.body as { skus: string[] }).skus },
      }));
      await gateway.signInAs(['ADMIN']);
      renderPage(<InventoryPage />);
      const user = userEvent.setup();
      const suppliers = await screen.findByRole('region', { name: 'Suppliers' });
      await user.click(within(suppliers).getByText('Add a supplier'));
      await user.type(within(suppliers).getByLabelText('Name'), 'Lantern Works');
      await user.type(within(suppliers).getByLabelText('Unit cost'), '2');
      await user.click(within(suppliers).getByLabelText(/^SKUs \(comma-separated/));
      await user.paste(named.join(', '));
      await user.click(within(suppliers).getByRole('button', { name: 'Add supplier' }));
      return { gateway, suppliers };
    }

    it('adds a supplier with every SKU named, up to the 1,000 the inventory agent takes', async () => {
      const { gateway } = await addSupplier(skus(300));
      await waitFor(() => expect(gateway.callsTo('POST', '/api/v1/inventory/suppliers')).toHaveLength(1));
      expect((gateway.callsTo('POST', '/api/v1/inventory/suppliers')[0].body as { skus: string[] }).skus).toEqual(skus(300));
    });

    it('refuses a supplier with more SKUs than the inventory agent takes instead of adding it with some left out', async () => {
      const { gateway, suppliers } = await addSupplier(skus(1001));
      expect((await within(suppliers).findByRole('alert')).textContent).toContain(
        '1,001 SKUs are named; at most 1,000 are taken at once. The supplier was not added.',
      );
      expect(gateway.callsTo('POST', '/api/v1/inventory/suppliers')).toHaveLength(0);
    });

    it('refuses to look up the stock of more SKUs than the lookup takes instead of looking up the first ones', async () => {
      const gateway = inventory();
      await gateway.signInAs(['SUPPORT_AGENT']);
      renderPage(<InventoryPage />);
      const user = userEvent.setup();
      const stock = await screen.findByRole('region', { name: 'Stock levels' });
      await within(stock).findByRole('table', { name: 'Stock levels' });
      const input = within(stock).getByLabelText(/^SKUs \(comma-separated/);
      await user.clear(input);
      await user.click(input);
      await user.paste(skus(101).join(', '));
      await user.click(within(stock).getByRole('button', { name: 'Look up' }));

      expect((await within(stock).findByRole('alert')).textContent).toContain('101 SKUs are named; at most 100 are taken at once.');
      expect(gateway.callsTo('GET', '/api/v1/inventory/stock').map((c) => c.path)).toEqual(['/api/v1/inventory/stock?skus=SKU-RED-MUG']);
      expect(within(within(stock).getByRole('table', { name: 'Stock levels' })).getByText('SKU-RED-MUG')).toBeTruthy();
    });
  });
});
