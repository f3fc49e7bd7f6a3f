// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Role } from '../api/roles';
import type { ProductDetail } from '../api/types';
import { FakeGateway, json, problem } from '../test/gateway';
import { addToCart, cartLines, clearCart } from './cart';
import Shop from './Shop';

const lens = { product_id: 'p1', sku: 'LENS-1', name: 'Lens', unit_price: 12.5, currency: 'EUR' };
const strap = { product_id: 'p2', sku: 'STRAP-1', name: 'Strap', unit_price: 4, currency: 'EUR' };

interface Event {
  type: string;
  event_id: string;
  order_id?: string;
  order_number?: string;
  lines?: { quantity: number }[];
}

/** The events API: answers 502 (an answer lost on its way back) to the order events whose turn is listed in `lost`. */
async function shop(roles: Role[], lost: number[] = []) {
  const gateway = new FakeGateway();
  let placed = 0;
  gateway.on('POST', '/api/v1/events', (call) => {
    const event = call.body as Event;
    if (event.type === 'order.placed' && lost.includes(++placed)) {
      return problem(502, 'The gateway lost the answer.');
    }
    return { status: 202, body: { event_id: event.event_id, status: 'accepted' } };
  });
  await gateway.signInAs(roles);
  render(
    <MemoryRouter initialEntries={['/shop/cart']}>
      <Routes>
        <Route path="/shop/*" element={<Shop />} />
      </Routes>
    </MemoryRouter>,
  );
  const events = (type: string) => gateway.callsTo('POST', '/api/v1/events').map((c) => c.body as Event).filter((e) => e.type === type);
  return { gateway, events };
}

afterEach(() => {
  cleanup();
  clearCart();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('Shop cart', () => {
  it('retries a checkout whose answer was lost with the same order and event ids, so the order is booked once', async () => {
    addToCart(lens, 2);
    const { events } = await shop(['CUSTOMER'], [1]);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText(/The gateway lost the answer/);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    const [first, retry] = events('order.placed');
    expect(events('order.placed')).toHaveLength(2);
    expect(retry.event_id).toBe(first.event_id);
    expect(retry.order_id).toBe(first.order_id);
    expect(retry.order_number).toBe(first.order_number);
    const started = events('checkout.started');
    expect(started[1].event_id).toBe(started[0].event_id);
  });

  it('sends a changed cart as another order', async () => {
    addToCart(lens, 2);
    const { events } = await shop(['CUSTOMER'], [1]);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText(/The gateway lost the answer/);
    const quantity = screen.getByLabelText('Quantity of Lens');
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    const [first, second] = events('order.placed');
    expect(second.lines?.[0].quantity).toBe(3);
    expect(second.event_id).not.toBe(first.event_id);
    expect(second.order_id).not.toBe(first.order_id);
  });

  it('offers no Place order to a role the events API refuses, and says why', async () => {
    addToCart(lens);
    const { gateway } = await shop(['MARKETING_MANAGER']);

    await screen.findByText(/your role cannot check out/);
    expect(screen.queryByRole('button', { name: 'Place order' })).toBeNull();
    expect(gateway.callsTo('POST', '/api/v1/events')).toHaveLength(0);
  });

  it('keeps a line whose quantity field is emptied to type another, and shows its quantity again when left', async () => {
    addToCart(lens, 2);
    addToCart(strap);
    await shop(['CUSTOMER']);
    const user = userEvent.setup();
    const quantity = await screen.findByLabelText<HTMLInputElement>('Quantity of Lens');
    expect(screen.getByRole('table', { name: 'Products in the cart' }).contains(quantity)).toBe(true);

    await user.clear(quantity);
    expect(screen.getByLabelText('Quantity of Lens')).toBe(quantity);
    expect(cartLines().find((l) => l.product_id === 'p1')?.quantity).toBe(2);
    await user.type(quantity, '4');
    expect(cartLines().find((l) => l.product_id === 'p1')?.quantity).toBe(4);

    await user.clear(quantity);
    await user.tab();
    expect(quantity.value).toBe('4');
    expect(cartLines().find((l) => l.product_id === 'p1')?.quantity).toBe(4);
  });

  it('takes a line out at a quantity of 0 typed or with its Remove button', async () => {
    addToCart(lens, 2);
    addToCart(strap);
    await shop(['CUSTOMER']);
    const user = userEvent.setup();

    const quantity = await screen.findByLabelText('Quantity of Lens');
    await user.clear(quantity);
    await user.type(quantity, '0');
    await waitFor(() => expect(screen.queryByLabelText('Quantity of Lens')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Remove Strap' }));
    await screen.findByText(/Your cart is empty/);
    expect(cartLines()).toEqual([]);
  });
});

describe('Shop product page', () => {
  function product(p: typeof lens, recommendations: (typeof lens)[]): ProductDetail {
    return {
      product_id: p.product_id,
      sku: p.sku,
      name: p.name,
      description: `All about the ${p.name.toLowerCase()}`,
      price: p.unit_price,
      currency: p.currency,
      category: 'Accessories',
      stock_quantity: 5,
      rating: null,
      images: [],
      created_at: '2026-12-01T00:00:00Z',
      recommendations: recommendations.map((r) => ({
        product_id: r.product_id,
        name: r.name,
        price: r.unit_price,
        currency: r.currency,
        category: 'Accessories',
        rating: null,
        image_url: null,
        in_stock: true,
      })),
    };
  }

  it('shows nothing of the previous product while the next one loads, and adds the product shown to the cart', async () => {
    const gateway = new FakeGateway()
      .on('POST', '/api/v1/events', { status: 202, body: { status: 'accepted' } })
      .ok('GET', '/api/v1/products/p1', product(lens, [strap]));
    await gateway.signInAs(['CUSTOMER']);
    let answer: (r: Response) => void = () => {};
    const next = new Promise<Response>((resolve) => (answer = resolve));
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === '/api/v1/products/p2' ? next : gateway.fetch(input, init),
    );
    render(
      <MemoryRouter initialEntries={['/shop/products/p1']}>
        <Routes>
          <Route path="/shop/*" element={<Shop />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Lens' });

    await user.click(screen.getByRole('link', { name: 'Strap' }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Lens' })).toBeNull());
    expect(screen.queryByText('All about the lens')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).toBeNull();

    answer(json(200, product(strap, [lens])));
    await screen.findByRole('heading', { level: 1, name: 'Strap' });
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));
    expect(cartLines().map((l) => l.product_id)).toEqual(['p2']);
  });
});
