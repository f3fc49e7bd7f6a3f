// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { addToCart, cartLines, clearCart, setQuantity } from './cart';

const lens = { product_id: 'p1', sku: 'LENS-1', name: 'Lens', unit_price: 12.5, currency: 'EUR' };

afterEach(() => clearCart());

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
});
