// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import { FakeGateway } from '../test/gateway';
import {
  addToCart,
  applyListings,
  attemptCart,
  cartLines,
  checkoutAttempt,
  checkoutUnderWay,
  clearCart,
  lineTotal,
  refreshPrices,
  setQuantity,
  subtotals,
} from './cart';

const lens = { product_id: 'p1', sku: 'LENS-1', name: 'Lens', unit_price: 12.5, currency: 'EUR' };
const strap = { product_id: 'p2', sku: 'STRAP-1', name: 'Strap', unit_price: 4, currency: 'EUR' };

afterEach(() => {
  clearCart();
  auth.logout();
  vi.unstubAllGlobals();
});

/** Another tab writes the cart: this tab hears of it, and its own session storage is left as it was. */
function cartChangedInAnotherTab(lines: object[]) {
  const theirs = JSON.stringify(lines);
  window.localStorage.setItem('agent-factory.cart', theirs);
  window.dispatchEvent(new StorageEvent('storage', { key: 'agent-factory.cart', newValue: theirs }));
}

/** The products API, which learns of a catalogue change later than the events API checks against it. */
async function productsListing(listings: { product_id: string; sku: string; price: number; currency: string }[]) {
  const gateway = new FakeGateway();
  for (const l of listings) {
    gateway.ok('GET', `/api/v1/products/${l.product_id}`, l);
  }
  await gateway.signInAs(['CUSTOMER']);
  return gateway;
}

describe('cart', () => {
  it('changes nothing for a quantity that is no whole number (an emptied field read as a number)', () => {
    addToCart(lens, 2);
    setQuantity('p1', Number.NaN);
    setQuantity('p1', 1.5);
    expect(cartLines()).toEqual([{ ...lens, quantity: 2 }]);
  });

  it('sets a quantity, and takes the line out at 0', () => {
    addToCart(lens, 2);
    setQuantity('p1', 5);
    expect(cartLines()).toEqual([{ ...lens, quantity: 5 }]);
    setQuantity('p1', 0);
    expect(cartLines()).toEqual([]);
  });

  it('refuses a product priced in another currency than the cart, and keeps the cart as it was', () => {
    addToCart(lens, 2);
    const result = addToCart({ product_id: 'p9', sku: 'BAG-1', name: 'Bag', unit_price: 30, currency: 'GBP' });
    expect(result).toEqual({ added: false, cartCurrency: 'EUR' });
    expect(cartLines()).toEqual([{ ...lens, quantity: 2 }]);
    expect(addToCart(lens)).toEqual({ added: true });
    expect(cartLines()).toEqual([{ ...lens, quantity: 3 }]);
  });

  it('takes the price and SKU shown now when a product already in the cart is added again', () => {
    addToCart(lens, 2);
    addToCart({ ...lens, sku: 'LENS-2', unit_price: 14 });
    expect(cartLines()).toEqual([{ ...lens, sku: 'LENS-2', unit_price: 14, quantity: 3 }]);
  });

  it('brings the lines to the catalogue, and tells the prices that changed apart from a SKU that changed alone', () => {
    addToCart(lens, 2);
    addToCart(strap);
    const result = applyListings([
      { product_id: 'p1', sku: 'LENS-1', price: 14, currency: 'EUR' },
      { product_id: 'p2', sku: 'STRAP-2', price: 4, currency: 'EUR' },
    ]);
    expect(result).toEqual({
      changed: true,
      prices: [{ product_id: 'p1', name: 'Lens', from: { amount: 12.5, currency: 'EUR' }, to: { amount: 14, currency: 'EUR' } }],
    });
    expect(cartLines()).toEqual([
      { ...lens, unit_price: 14, quantity: 2 },
      { ...strap, sku: 'STRAP-2', quantity: 1 },
    ]);
    expect(applyListings([{ product_id: 'p1', sku: 'LENS-1', price: 14.0, currency: 'EUR' }])).toEqual({ changed: false, prices: [] });
  });

  it('totals each currency apart, never adding amounts of different currencies', () => {
    const lines = [
      { ...lens, quantity: 2 },
      { product_id: 'p9', sku: 'BAG-1', name: 'Bag', unit_price: 30, currency: 'GBP', quantity: 1 },
      { ...strap, unit_price: 4.1, quantity: 3 },
    ];
    expect(subtotals(lines)).toEqual([
      { currency: 'EUR', amount: '37.3' },
      { currency: 'GBP', amount: '30' },
    ]);
  });

  it('totals prices finer than cents exactly, as the ledger does', () => {
    const line = { ...lens, unit_price: 0.125, quantity: 3 };
    expect(lineTotal(line)).toBe('0.375');
    expect(subtotals([line, { ...line, product_id: 'p3', unit_price: 1.005, quantity: 1 }])).toEqual([{ currency: 'EUR', amount: '1.38' }]);
  });

  it('keeps what another tab put in the cart when this tab changes it afterwards', () => {
    addToCart(lens, 2);
    const theirs = JSON.stringify([{ ...lens, quantity: 2 }, { ...strap, quantity: 1 }]);
    window.localStorage.setItem('agent-factory.cart', theirs);
    window.dispatchEvent(new StorageEvent('storage', { key: 'agent-factory.cart', newValue: theirs }));

    setQuantity('p1', 3);
    expect(cartLines()).toEqual([
      { ...lens, quantity: 3 },
      { ...strap, quantity: 1 },
    ]);
  });

  it('keeps a checkout attempt for the same cart, and starts another once the cart changed, even back to what it was', () => {
    addToCart(lens, 2);
    const attempt = checkoutAttempt('cart of 2 lenses', new Date('2026-12-01T10:00:00Z'));
    expect(checkoutAttempt('cart of 2 lenses', new Date('2026-12-01T10:05:00Z'))).toEqual(attempt);
    expect(attempt.placed.occurred_at).toBe('2026-12-01T10:00:00.000Z');

    setQuantity('p1', 3);
    setQuantity('p1', 2);
    const next = checkoutAttempt('cart of 2 lenses', new Date('2026-12-01T10:10:00Z'));
    expect(next.orderId).not.toBe(attempt.orderId);
    expect(next.placed.event_id).not.toBe(attempt.placed.event_id);
  });

  it('has no checkout under way for a cart another tab changed since the attempt was kept', () => {
    addToCart(lens, 2);
    checkoutAttempt(attemptCart(undefined, 'EUR', cartLines()));
    expect(checkoutUnderWay()).toBe(true);

    cartChangedInAnotherTab([{ ...lens, quantity: 3 }]);
    expect(checkoutUnderWay()).toBe(false);
  });

  it('takes the prices and SKUs an order was refused for from the refusal, and from the products API only the price it leaves open', async () => {
    addToCart(lens, 2);
    addToCart(strap);
    // the products API has not heard of the new lens price nor of the strap's new SKU yet
    await productsListing([
      { product_id: 'p1', sku: 'LENS-1', price: 12.5, currency: 'EUR' },
      { product_id: 'p2', sku: 'STRAP-1', price: 4.5, currency: 'EUR' },
    ]);

    const result = await refreshPrices({
      errors: [
        { field: 'lines[0].unit_price', message: 'must be the catalogue price, 14 EUR' },
        { field: 'lines[1].sku', message: "must be STRAP-2, the catalogue's SKU of the product" },
      ],
      sent: cartLines(),
    });

    expect(result.prices.map((c) => [c.name, c.from.amount, c.to.amount])).toEqual([
      ['Lens', 12.5, 14],
      ['Strap', 4, 4.5],
    ]);
    expect(cartLines()).toEqual([
      { ...lens, unit_price: 14, quantity: 2 },
      { ...strap, sku: 'STRAP-2', unit_price: 4.5, quantity: 1 },
    ]);
  });

  it('keeps the lines a price refusal found at the catalogue, whatever older price the products API still lists', async () => {
    addToCart(lens, 2);
    addToCart({ ...strap, unit_price: 5 });
    const gateway = await productsListing([
      { product_id: 'p1', sku: 'LENS-1', price: 12.5, currency: 'EUR' },
      { product_id: 'p2', sku: 'STRAP-1', price: 4, currency: 'EUR' },
    ]);

    const result = await refreshPrices({
      errors: [{ field: 'lines[0].unit_price', message: 'must be the catalogue price, 14.25 EUR' }],
      sent: cartLines(),
    });

    expect(result.prices.map((c) => c.product_id)).toEqual(['p1']);
    expect(cartLines()).toEqual([
      { ...lens, unit_price: 14.25, quantity: 2 },
      { ...strap, unit_price: 5, quantity: 1 },
    ]);
    expect(gateway.callsTo('GET', '/api/v1/products/p2')).toHaveLength(0);
  });

  it('asks the products API for every line when a refusal names no price or SKU', async () => {
    addToCart(lens, 2);
    await productsListing([{ product_id: 'p1', sku: 'LENS-1', price: 13, currency: 'EUR' }]);

    const result = await refreshPrices({
      errors: [{ field: 'order_number', message: 'cannot be used; place the order under another number' }],
      sent: cartLines(),
    });

    expect(result.prices.map((c) => c.to.amount)).toEqual([13]);
    expect(cartLines()).toEqual([{ ...lens, unit_price: 13, quantity: 2 }]);
  });

  it('gives orders checked out in the same millisecond numbers of their own', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const numbers = new Set<string>();
    for (let shopper = 0; shopper < 50; shopper++) {
      // each shopper's own tab
      window.sessionStorage.clear();
      numbers.add(checkoutAttempt('cart of 2 lenses', at).orderNumber);
    }
    expect(numbers.size).toBe(50);
    for (const number of numbers) {
      expect(number).toMatch(/^WEB-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
    }
  });
});
