// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Role } from '../api/roles';
import type { Consents, PrivacyRequest, ProductDetail, ProductSummary } from '../api/types';
import { FakeGateway, json, problem } from '../test/gateway';
import { addToCart, attemptCart, cartLines, checkoutAttempt, clearCart } from './cart';
import Shop from './Shop';

const lens = { product_id: 'p1', sku: 'LENS-1', name: 'Lens', unit_price: 12.5, currency: 'EUR' };
const strap = { product_id: 'p2', sku: 'STRAP-1', name: 'Strap', unit_price: 4, currency: 'EUR' };

interface Event {
  type: string;
  event_id: string;
  currency?: string;
  cart_total?: { amount: number; currency: string };
  order_id?: string;
  order_number?: string;
  lines?: { product_id: string; quantity: number; unit_price: number }[];
}

function renderShop(at: string) {
  render(
    <MemoryRouter initialEntries={[at]}>
      <Routes>
        <Route path="/shop/*" element={<Shop />} />
      </Routes>
    </MemoryRouter>,
  );
}

/**
 * The events API as the supervisor keeps it: an event id is stored once, a resend of the very event is answered as a
 * duplicate and another event under a used id is refused (422). Answers 502 (an answer lost on its way back, the
 * event stored all the same) to the order events whose turn is listed in `lost`.
 */
async function shop(roles: Role[], lost: number[] = []) {
  const gateway = new FakeGateway();
  const stored = new Map<string, string>();
  let placed = 0;
  gateway.on('POST', '/api/v1/events', (call) => {
    const event = call.body as Event;
    const content = JSON.stringify(call.body);
    const before = stored.get(event.event_id);
    if (before !== undefined && before !== content) {
      return problem(422, 'The events were not stored: an event id was used before for a different event.');
    }
    stored.set(event.event_id, content);
    if (event.type === 'order.placed' && lost.includes(++placed)) {
      return problem(502, 'The gateway lost the answer.');
    }
    return before === undefined
      ? { status: 202, body: { event_id: event.event_id, status: 'accepted' } }
      : { status: 200, body: { event_id: event.event_id, status: 'duplicate' } };
  });
  await gateway.signInAs(roles);
  renderShop('/shop/cart');
  const events = (type: string) => gateway.callsTo('POST', '/api/v1/events').map((c) => c.body as Event).filter((e) => e.type === type);
  return { gateway, events };
}

/** The product page's answer for a product of the test. */
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

afterEach(() => {
  cleanup();
  clearCart();
  auth.logout();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Shop cart', () => {
  it('retries a checkout whose answer was lost with the very events sent before, so the order is booked once', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    addToCart(lens, 2);
    const { events } = await shop(['CUSTOMER'], [1]);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText(/The gateway lost the answer/);
    vi.setSystemTime(Date.now() + 30_000);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    expect(events('order.placed')).toHaveLength(2);
    const [first, retry] = events('order.placed');
    expect(retry).toEqual(first);
    const [started, startedAgain] = events('checkout.started');
    expect(startedAgain).toEqual(started);
    expect(cartLines()).toEqual([]);
  });

  it('retries a checkout whose answer was lost with the very events sent before after the page is reloaded', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    addToCart(lens, 2);
    const { events } = await shop(['CUSTOMER'], [1]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText(/The gateway lost the answer/);

    cleanup();
    vi.setSystemTime(Date.now() + 30_000);
    renderShop('/shop/cart');
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    const [first, retry] = events('order.placed');
    expect(retry).toEqual(first);
    expect(events('checkout.started')[1]).toEqual(events('checkout.started')[0]);
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

  it('sends the exact cart total in the cart currency, also for a price finer than cents', async () => {
    addToCart({ ...lens, unit_price: 0.125 }, 3);
    const { events } = await shop(['CUSTOMER']);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    expect(events('checkout.started')[0].cart_total).toEqual({ amount: 0.375, currency: 'EUR' });
    const [placed] = events('order.placed');
    expect(placed.currency).toBe('EUR');
    expect(placed.lines).toEqual([{ product_id: 'p1', sku: 'LENS-1', quantity: 3, unit_price: 0.125 }]);
  });

  it('shows a cart mixing currencies with a subtotal per currency, and does not send it as one order', async () => {
    // a cart filled before currencies were kept apart, written by another tab
    const mixed = JSON.stringify([
      { ...lens, quantity: 2 },
      { ...strap, quantity: 1 },
      { product_id: 'p9', sku: 'BAG-1', name: 'Bag', unit_price: 30, currency: 'GBP', quantity: 1 },
    ]);
    window.localStorage.setItem('agent-factory.cart', mixed);
    window.dispatchEvent(new StorageEvent('storage', { key: 'agent-factory.cart', newValue: mixed }));
    const { gateway } = await shop(['CUSTOMER']);

    const totals = await screen.findByRole('list', { name: 'Subtotals by currency' });
    expect(within(totals).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Subtotal in EUR: €29.00', 'Subtotal in GBP: £30.00']);
    expect(screen.queryByText(/^Total /)).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/an order is paid in one/);
    expect(screen.queryByRole('button', { name: 'Place order' })).toBeNull();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove Bag' }));
    expect((await screen.findByText(/^Total /)).textContent).toBe('Total €29.00');
    expect(screen.getByRole('button', { name: 'Place order' })).toBeTruthy();
    expect(gateway.callsTo('POST', '/api/v1/events')).toHaveLength(0);
  });

  it('fixes the quantities while the order is being placed, so the order sent is the cart the shopper saw', async () => {
    addToCart(lens, 2);
    const { gateway, events } = await shop(['CUSTOMER']);
    let answer: () => void = () => {};
    const held = new Promise<Response>((resolve) => (answer = () => resolve(json(202, { status: 'accepted' }))));
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const reply = gateway.fetch(input, init);
      return typeof init?.body === 'string' && (JSON.parse(init.body) as Event).type === 'order.placed' ? held : reply;
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('button', { name: 'Placing your order…' });
    expect(screen.getByLabelText<HTMLInputElement>('Quantity of Lens').disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove Lens' }).disabled).toBe(true);

    answer();
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });
    expect(events('order.placed')[0].lines?.[0].quantity).toBe(2);
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

/**
 * The storefront against the catalogue and the events API as the supervisor keeps them: an order is refused (422,
 * nothing stored) when a line is not at the catalogue's price of the moment, or when another order has its number.
 * The products API lists the prices of `listed`, the catalogue's unless it has not heard of a change yet.
 */
async function shopAtCatalogue(catalogue: Map<string, number>, takenNumbers: Set<string> = new Set(), listed = catalogue) {
  const gateway = new FakeGateway();
  const stored = new Map<string, string>();
  for (const p of [lens, strap]) {
    gateway.on('GET', `/api/v1/products/${p.product_id}`, () => ({ status: 200, body: product({ ...p, unit_price: listed.get(p.product_id)! }, []) }));
  }
  gateway.on('POST', '/api/v1/events', (call) => {
    const event = call.body as Event;
    const content = JSON.stringify(call.body);
    const before = stored.get(event.event_id);
    if (before !== undefined) {
      return before === content
        ? { status: 200, body: { event_id: event.event_id, status: 'duplicate' } }
        : problem(422, 'The events were not stored: an event id was used before for a different event.');
    }
    if (event.type === 'order.placed') {
      const errors = [
        ...(takenNumbers.has(event.order_number!.toUpperCase()) ? [{ field: 'order_number', message: 'cannot be used; place the order under another number' }] : []),
        ...(event.lines ?? []).flatMap((l, i) =>
          l.unit_price === catalogue.get(l.product_id) ? [] : [{ field: `lines[${i}].unit_price`, message: `must be the catalogue price, ${catalogue.get(l.product_id)} EUR` }],
        ),
      ];
      if (errors.length > 0) {
        return problem(422, 'The event is not acceptable.', errors);
      }
    }
    stored.set(event.event_id, content);
    return { status: 202, body: { event_id: event.event_id, status: 'accepted' } };
  });
  await gateway.signInAs(['CUSTOMER']);
  renderShop('/shop/cart');
  const events = (type: string) => gateway.callsTo('POST', '/api/v1/events').map((c) => c.body as Event).filter((e) => e.type === type);
  return { gateway, events };
}

describe('Shop checkout at the catalogue price', () => {
  it('brings the cart to the price the catalogue asks now when it opens, says so, and orders at that price', async () => {
    addToCart(lens, 2);
    const { events } = await shopAtCatalogue(new Map([['p1', 14]]));
    const user = userEvent.setup();

    const changed = await screen.findByRole('list', { name: 'Changed prices' });
    expect(within(changed).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Lens: €12.50 → €14.00']);
    expect(screen.getByText(/^Total /).textContent).toBe('Total €28.00');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    expect(events('order.placed').map((e) => e.lines?.[0].unit_price)).toEqual([14]);
    expect(events('checkout.started')[0].cart_total).toEqual({ amount: 28, currency: 'EUR' });
  });

  it('shows a price changed during checkout as the reason the order was refused, and sends it only when the shopper places the order again', async () => {
    addToCart(lens, 2);
    const catalogue = new Map([['p1', 12.5]]);
    const { events } = await shopAtCatalogue(catalogue);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Place order' });

    catalogue.set('p1', 14);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const changed = await screen.findByRole('list', { name: 'Changed prices' });
    expect(changed.closest('[role="alert"]')?.textContent).toMatch(/^Your order was not placed\./);
    expect(within(changed).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Lens: €12.50 → €14.00']);
    expect(screen.getByText(/^Total /).textContent).toBe('Total €28.00');
    await screen.findByRole('button', { name: 'Place order' });
    expect(events('order.placed')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });
    const [refused, placed] = events('order.placed');
    expect(placed.lines?.[0].unit_price).toBe(14);
    expect(placed.event_id).not.toBe(refused.event_id);
    expect(events('checkout.started')[1].event_id).not.toBe(events('checkout.started')[0].event_id);
    expect(cartLines()).toEqual([]);
  });

  it('takes the price an order was refused for from the refusal while the products API still lists the price before', async () => {
    addToCart(lens, 2);
    const catalogue = new Map([['p1', 12.5]]);
    const { events } = await shopAtCatalogue(catalogue, new Set(), new Map(catalogue));
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Place order' });

    catalogue.set('p1', 14);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const changed = await screen.findByRole('list', { name: 'Changed prices' });
    expect(within(changed).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Lens: €12.50 → €14.00']);
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });
    expect(events('order.placed').map((e) => e.lines?.[0].unit_price)).toEqual([12.5, 14]);
  });

  it('checks the prices when the cart opens after another tab changed the cart a kept attempt was for', async () => {
    addToCart(lens, 2);
    // this tab's attempt for 2 lenses, whose answer was lost; then another tab made it 3
    checkoutAttempt(attemptCart(undefined, 'EUR', cartLines()));
    const theirs = JSON.stringify([{ ...lens, quantity: 3 }]);
    window.localStorage.setItem('agent-factory.cart', theirs);
    window.dispatchEvent(new StorageEvent('storage', { key: 'agent-factory.cart', newValue: theirs }));

    await shopAtCatalogue(new Map([['p1', 14]]));

    const changed = await screen.findByRole('list', { name: 'Changed prices' });
    expect(within(changed).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Lens: €12.50 → €14.00']);
    expect(screen.getByText(/^Total /).textContent).toBe('Total €42.00');
  });

  it('resends an attempt whose answer was lost as it was when the cart opens again, without checking the prices', async () => {
    addToCart(lens, 2);
    const catalogue = new Map([['p1', 12.5]]);
    const { gateway, events } = await shopAtCatalogue(catalogue);
    const send = gateway.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const reply = await send(input, init);
      const event = typeof init?.body === 'string' ? (JSON.parse(init.body) as Event) : undefined;
      return event?.type === 'order.placed' && events('order.placed').length === 1 ? json(502, { title: 'Bad Gateway', status: 502, detail: 'The gateway lost the answer.' }) : reply;
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText(/The gateway lost the answer/);

    // the order is booked at 12.50; a later price is no reason to place it again
    catalogue.set('p1', 14);
    cleanup();
    const asked = gateway.callsTo('GET', '/api/v1/products/p1').length;
    renderShop('/shop/cart');
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    expect(gateway.callsTo('GET', '/api/v1/products/p1')).toHaveLength(asked);
    const [first, retry] = events('order.placed');
    expect(retry).toEqual(first);
  });

  it('places an order whose number is already another order\'s under a new number', async () => {
    addToCart(lens, 2);
    const taken = new Set<string>();
    const { gateway, events } = await shopAtCatalogue(new Map([['p1', 12.5]]), taken);
    // another shopper's order took the number this one drew, just before it was sent
    const send = gateway.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const event = typeof init?.body === 'string' ? (JSON.parse(init.body) as Event) : undefined;
      if (event?.type === 'order.placed' && taken.size === 0) taken.add(event.order_number!.toUpperCase());
      return send(input, init);
    });

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Your orders' });

    const [refused, placed] = events('order.placed');
    expect(taken.has(refused.order_number!)).toBe(true);
    expect(placed.order_number).not.toBe(refused.order_number);
    expect(placed.order_number).toMatch(/^WEB-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(placed.lines?.[0].unit_price).toBe(12.5);
    expect(cartLines()).toEqual([]);
  });
});

describe('Shop on a shared browser', () => {
  it('empties the cart on sign-out, so the next customer neither sees nor orders it', async () => {
    addToCart(lens, 2);
    const { gateway } = await shop(['CUSTOMER'], []);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Place order' });

    await user.click(screen.getByRole('button', { name: /^Sign out/ }));
    await screen.findByText(/Your cart is empty/);
    expect(screen.getByRole('link', { name: 'Cart (0)' })).toBeTruthy();
    expect(cartLines()).toEqual([]);

    await gateway.signInAs(['CUSTOMER'], { sub: 'user-2' });
    await screen.findByRole('button', { name: /^Sign out/ });
    expect(screen.getByText(/Your cart is empty/)).toBeTruthy();
  });

  it('does not show a cart filled by another customer whose session ended without signing out', async () => {
    const gateway = new FakeGateway();
    await gateway.signInAs(['CUSTOMER'], { sub: 'user-1' });
    addToCart(lens, 2);
    // a session that lapsed: nobody pressed Sign out
    await auth.logout();
    await gateway.signInAs(['CUSTOMER'], { sub: 'user-2' });
    renderShop('/shop/cart');

    await screen.findByText(/Your cart is empty/);
    expect(screen.getByRole('link', { name: 'Cart (0)' })).toBeTruthy();
    expect(cartLines()).toEqual([]);

    await gateway.signInAs(['CUSTOMER'], { sub: 'user-1' });
    expect(await screen.findByRole('link', { name: 'Cart (2)' })).toBeTruthy();
  });

  it('gives a cart filled before signing in to the customer who signs in, and hides it from the next one', async () => {
    addToCart(lens, 2);
    const gateway = new FakeGateway();
    await gateway.signInAs(['CUSTOMER'], { sub: 'user-1' });
    renderShop('/shop/cart');
    expect(await screen.findByRole('link', { name: 'Cart (2)' })).toBeTruthy();

    await auth.logout();
    await gateway.signInAs(['CUSTOMER'], { sub: 'user-2' });
    expect(await screen.findByRole('link', { name: 'Cart (0)' })).toBeTruthy();
  });
});

describe('Shop product page', () => {
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

  it('refuses a product priced in another currency than the cart, says why, and records no cart event', async () => {
    addToCart(lens);
    const bag = { product_id: 'p9', sku: 'BAG-1', name: 'Bag', unit_price: 30, currency: 'GBP' };
    const gateway = new FakeGateway()
      .on('POST', '/api/v1/events', { status: 202, body: { status: 'accepted' } })
      .ok('GET', '/api/v1/products/p9', product(bag, []));
    await gateway.signInAs(['CUSTOMER']);
    render(
      <MemoryRouter initialEntries={['/shop/products/p9']}>
        <Routes>
          <Route path="/shop/*" element={<Shop />} />
        </Routes>
      </MemoryRouter>,
    );

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Add to cart' }));

    const refusal = await screen.findByText(/^Not added: this product is priced in GBP and your cart in EUR/);
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(screen.queryByText(/^Added\./)).toBeNull();
    expect(cartLines()).toEqual([{ ...lens, quantity: 1 }]);
    expect(gateway.callsTo('POST', '/api/v1/events').map((c) => (c.body as Event).type)).not.toContain('cart.item_added');
  });
});

describe('Shop support chat', () => {
  it('puts a message that could not be sent back in the field instead of showing it as sent', async () => {
    const gateway = new FakeGateway();
    let attempts = 0;
    gateway.on('POST', '/api/v1/support/messages', () =>
      ++attempts === 1
        ? problem(502, 'The gateway lost the answer.')
        : { status: 200, body: { conversation_id: 'c1', ticket_id: null, message_id: 'm1', reply: 'It left our warehouse today.', intents: [] } },
    );
    await gateway.signInAs(['CUSTOMER']);
    render(
      <MemoryRouter initialEntries={['/shop/support']}>
        <Routes>
          <Route path="/shop/*" element={<Shop />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    const field = await screen.findByLabelText<HTMLInputElement>('Your message');

    await user.type(field, 'Where is my order?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText(/The gateway lost the answer/);
    expect(within(screen.getByRole('list', { name: 'Conversation' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(field.value).toBe('Where is my order?');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('It left our warehouse today.');
    const said = within(screen.getByRole('list', { name: 'Conversation' })).getAllByRole('listitem');
    expect(said.map((l) => l.querySelector('p')?.textContent)).toEqual(['Where is my order?', 'It left our warehouse today.']);
    expect(field.value).toBe('');
  });
});

describe('Shop preferences', () => {
  it('shows a suppression of every channel ("all") as a pause on each channel', async () => {
    const consents: Consents = {
      customer_id: 'c-1',
      time_zone: null,
      consents: [{ channel: 'email', granted: true, source: 'sign-up', recorded_by: 'c-1', recorded_at: '2026-12-01T00:00:00Z' }],
      suppressions: [{ channel: 'all', reason: 'asked us by phone to stop', suppressed_by: 'staff-1', suppressed_at: '2026-12-02T00:00:00Z' }],
      contact: [],
    };
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/campaigns/consents/c-1', consents)
      .ok('GET', '/api/v1/privacy/customers/c-1/requests', []);
    await gateway.signInAs(['CUSTOMER'], { customer_id: 'c-1' });
    render(
      <MemoryRouter initialEntries={['/shop/preferences']}>
        <Routes>
          <Route path="/shop/*" element={<Shop />} />
        </Routes>
      </MemoryRouter>,
    );

    for (const label of ['E-mails', 'Text messages', 'Push notifications']) {
      expect((await screen.findByLabelText(new RegExp(`^${label}`))).closest('label')?.textContent).toContain(
        'paused by the store: asked us by phone to stop',
      );
    }
  });
});

describe('Shop your data', () => {
  it('shows the problem of the data action run last, not an earlier failed one, and none once it succeeded', async () => {
    const requests = '/api/v1/privacy/customers/c-1/requests';
    const exported: PrivacyRequest = {
      id: 'req-1',
      customer_id: 'c-1',
      action: 'EXPORT',
      status: 'COMPLETED',
      requested_by: 'c-1',
      requested_at: '2026-12-01T00:00:00Z',
      completed_at: '2026-12-01T00:05:00Z',
      overdue: false,
      participants: [],
      history: [],
    };
    let askFails = true;
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/campaigns/consents/c-1', { customer_id: 'c-1', time_zone: null, consents: [], suppressions: [], contact: [] })
      .ok('GET', requests, [exported])
      .on('POST', requests, () =>
        askFails ? problem(429, 'A copy was asked for less than a day ago.') : { status: 202, body: { ...exported, id: 'req-2' } },
      )
      .on('GET', `${requests}/req-1/export`, problem(410, 'This copy is no longer kept.'));
    await gateway.signInAs(['CUSTOMER'], { customer_id: 'c-1' });
    renderShop('/shop/preferences');
    const user = userEvent.setup();
    const data = await screen.findByRole('region', { name: 'Your data' });
    await user.click(within(data).getByRole('button', { name: 'Get a copy of my data' }));
    expect((await within(data).findByRole('alert')).textContent).toContain('A copy was asked for less than a day ago.');

    await user.click(await within(data).findByRole('button', { name: 'Download' }));

    await waitFor(() => expect(within(data).getByRole('alert').textContent).toContain('This copy is no longer kept.'));
    expect(within(data).getByRole('alert').textContent).not.toContain('A copy was asked for less than a day ago.');

    askFails = false;
    await user.click(within(data).getByRole('button', { name: 'Get a copy of my data' }));
    await waitFor(() => expect(gateway.callsTo('POST', requests)).toHaveLength(2));
    await waitFor(() => expect(within(data).queryByRole('alert')).toBeNull());
  });
});

describe('Shop catalog', () => {
  it('keeps the pager on a page whose products are all out of stock, and says so above it', async () => {
    const soldOut = (id: string): ProductSummary => ({
      product_id: id,
      name: `Sold out ${id}`,
      price: 10,
      currency: 'EUR',
      category: 'Accessories',
      rating: null,
      image_url: null,
      in_stock: false,
    });
    const gateway = new FakeGateway().on('GET', '/api/v1/products', (call) => ({
      status: 200,
      body: {
        items: new URLSearchParams(call.path.split('?')[1]).get('page') === '2' ? [soldOut('p1'), soldOut('p2')] : [{ ...soldOut('p3'), in_stock: true }],
        pagination: { total: 50, page: 2, limit: 24, total_pages: 3 },
      },
    }));
    await gateway.signInAs(['CUSTOMER']);
    render(
      <MemoryRouter initialEntries={['/shop?page=2']}>
        <Routes>
          <Route path="/shop/*" element={<Shop />} />
        </Routes>
      </MemoryRouter>,
    );

    await screen.findByText('None of the products on this page is in stock.');
    expect(screen.queryByRole('link', { name: /Sold out/ })).toBeNull();
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'Sold out p3' });
    expect(gateway.callsTo('GET', '/api/v1/products').map((c) => new URLSearchParams(c.path.split('?')[1]).get('page'))).toContain('3');
  });
});
