import { useSyncExternalStore } from 'react';
import { auth } from '../api/client';
import { decimal, decimalString, plus, times, ZERO, type Decimal } from './money';

export interface CartLine {
  product_id: string;
  sku: string;
  name: string;
  unit_price: number;
  currency: string;
  quantity: number;
}

export interface PlacedOrder {
  order_id: string;
  customer_id: string;
  order_number: string;
  placed_at: string;
  currency: string;
  lines: CartLine[];
}

const CART_KEY = 'agent-factory.cart';
const ORDERS_KEY = 'agent-factory.orders';
const CHECKOUT_KEY = 'agent-factory.checkout';
/** the user whose cart it is; absent while the cart was filled signed out */
const OWNER_KEY = 'agent-factory.cart-owner';
const listeners = new Set<() => void>();
let cache: CartLine[] | null = null;
const NOT_YOURS: CartLine[] = [];

function read<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(window.localStorage.getItem(key) ?? 'null') as T) ?? fallback;
  } catch {
    return fallback;
  }
}

// another tab changed the cart: read it again, so a change made here does not write back a stale cart over theirs
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === CART_KEY || e.key === OWNER_KEY || e.key === null) {
      cache = null;
      listeners.forEach((l) => l());
    }
  });
  // a cart filled before signing in becomes the signed-in user's, so that nobody else sees it once their session ends
  auth.subscribe((session) => {
    if (session && window.localStorage.getItem(OWNER_KEY) === null && read<CartLine[]>(CART_KEY, []).length > 0) {
      window.localStorage.setItem(OWNER_KEY, session.user.subject);
    }
    listeners.forEach((l) => l());
  });
}

function user(): string | null {
  return auth.session?.user.subject ?? null;
}

/**
 * The cart of whoever uses the browser now. Every user of a browser shares its storage: a cart someone else filled
 * (their session ended without signing out) is not shown, nor ordered, and the first change replaces it.
 */
export function cartLines(): CartLine[] {
  const owner = window.localStorage.getItem(OWNER_KEY);
  if (owner !== null && owner !== user()) {
    return NOT_YOURS;
  }
  cache ??= read<CartLine[]>(CART_KEY, []);
  return cache;
}

function save(lines: CartLine[]) {
  cache = lines;
  const owner = user();
  if (owner !== null && lines.length > 0) {
    window.localStorage.setItem(OWNER_KEY, owner);
  } else {
    window.localStorage.removeItem(OWNER_KEY);
  }
  window.localStorage.setItem(CART_KEY, JSON.stringify(lines));
  // a changed cart is another order, and an emptied one was ordered (or given up)
  window.sessionStorage.removeItem(CHECKOUT_KEY);
  listeners.forEach((l) => l());
}

/** A product added, or refused because the cart holds products priced in another currency. */
export type AddResult = { added: true } | { added: false; cartCurrency: string };

/**
 * Adds a product to the cart. An order is paid in one currency (the order event carries one currency for all its
 * lines), so a product priced in another currency than the cart's is refused rather than mixed into the order.
 */
export function addToCart(line: Omit<CartLine, 'quantity'>, quantity = 1): AddResult {
  const lines = cartLines();
  const other = lines.find((l) => l.currency !== line.currency);
  if (other) {
    return { added: false, cartCurrency: other.currency };
  }
  const existing = lines.find((l) => l.product_id === line.product_id);
  save(
    existing
      ? lines.map((l) => (l.product_id === line.product_id ? { ...l, quantity: l.quantity + quantity } : l))
      : [...lines, { ...line, quantity }],
  );
  return { added: true };
}

/** Sets a line's quantity; 0 (or less) takes the line out, and a quantity that is no whole number changes nothing. */
export function setQuantity(productId: string, quantity: number) {
  if (!Number.isInteger(quantity)) {
    return;
  }
  save(cartLines().flatMap((l) => (l.product_id !== productId ? [l] : quantity > 0 ? [{ ...l, quantity }] : [])));
}

export function clearCart() {
  save([]);
}

/** Signs out with the cart emptied: on a shared browser the next customer must not see, or order, this one's cart. */
export function signOut(): Promise<void> {
  clearCart();
  return auth.logout();
}

/**
 * The ids and times of the events that place one cart as an order. The events API books an event_id once and refuses
 * it with other content, occurred_at included: a retry after a lost answer must resend the very events, or it is
 * refused while the first order stands, and a shopper who then changes nothing but reloads would place it again.
 * So the attempt outlives a reload of the tab (sessionStorage) and ends when the cart changes or is emptied.
 */
export interface CheckoutAttempt {
  /** the cart the attempt places, as compared: the same text is the same order */
  cart: string;
  orderId: string;
  orderNumber: string;
  started: { event_id: string; occurred_at: string };
  placed: { event_id: string; occurred_at: string };
}

/** The attempt under way for this cart, or a new one. */
export function checkoutAttempt(cart: string, now = new Date()): CheckoutAttempt {
  let kept: CheckoutAttempt | null = null;
  try {
    kept = JSON.parse(window.sessionStorage.getItem(CHECKOUT_KEY) ?? 'null') as CheckoutAttempt | null;
  } catch {
    kept = null;
  }
  if (kept?.cart === cart) {
    return kept;
  }
  const at = now.toISOString();
  const attempt: CheckoutAttempt = {
    cart,
    orderId: crypto.randomUUID(),
    orderNumber: `WEB-${now.getTime().toString(36).toUpperCase()}`,
    started: { event_id: crypto.randomUUID(), occurred_at: at },
    placed: { event_id: crypto.randomUUID(), occurred_at: at },
  };
  window.sessionStorage.setItem(CHECKOUT_KEY, JSON.stringify(attempt));
  return attempt;
}

export function useCart(): CartLine[] {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    cartLines,
  );
}

/**
 * Orders sent from this browser that the ledger may not have booked yet: the order history comes from the platform,
 * and an order placed a moment ago shows here until it appears there.
 */
export function sentOrders(customerId: string): PlacedOrder[] {
  return read<PlacedOrder[]>(ORDERS_KEY, []).filter((o) => o.customer_id === customerId);
}

export function rememberOrder(order: PlacedOrder) {
  window.localStorage.setItem(ORDERS_KEY, JSON.stringify([order, ...read<PlacedOrder[]>(ORDERS_KEY, [])].slice(0, 50)));
}

/** Forgets the sent orders the platform now lists. */
export function forgetOrders(orderIds: Set<string>) {
  const left = read<PlacedOrder[]>(ORDERS_KEY, []).filter((o) => !orderIds.has(o.order_id));
  window.localStorage.setItem(ORDERS_KEY, JSON.stringify(left));
}

export interface Subtotal {
  currency: string;
  /** the exact decimal sum, e.g. "0.375" */
  amount: string;
}

/** A line's price times its quantity, exactly. */
export function lineTotal(line: Pick<CartLine, 'unit_price' | 'quantity'>): string {
  return decimalString(times(decimal(line.unit_price), line.quantity));
}

/**
 * The lines' total per currency, in the order the currencies first appear: amounts of different currencies are never
 * added together. A cart of one currency has one subtotal, its total.
 */
export function subtotals(lines: Pick<CartLine, 'unit_price' | 'quantity' | 'currency'>[]): Subtotal[] {
  const sums = new Map<string, Decimal>();
  for (const l of lines) {
    sums.set(l.currency, plus(sums.get(l.currency) ?? ZERO, times(decimal(l.unit_price), l.quantity)));
  }
  return [...sums].map(([currency, sum]) => ({ currency, amount: decimalString(sum) }));
}

/** A storefront session id for behaviour events, stable for this tab. */
export function sessionId(): string {
  const key = 'agent-factory.shop-session';
  let id = window.sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    window.sessionStorage.setItem(key, id);
  }
  return id;
}
