import { useSyncExternalStore } from 'react';
import { api, auth } from '../api/client';
import type { FieldError } from '../api/problem';
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
  // the product as shown now: the events API takes an order only at the catalogue's price and SKU of the moment
  save(
    existing
      ? lines.map((l) => (l.product_id === line.product_id ? { ...l, ...line, quantity: l.quantity + quantity } : l))
      : [...lines, { ...line, quantity }],
  );
  return { added: true };
}

/** What the catalogue lists for a product now, as far as an order must match it. */
export interface Listing {
  product_id: string;
  sku: string;
  price: number;
  currency: string;
}

/** A line whose price is no longer the one the shopper saw when adding it. */
export interface PriceChange {
  product_id: string;
  name: string;
  from: { amount: number; currency: string };
  to: { amount: number; currency: string };
}

/**
 * Brings the cart's lines to the catalogue's price, currency and SKU. Returns the prices that changed (a SKU that
 * changed alone is no change to the shopper) and whether any line changed at all; a changed cart is another order.
 */
export function applyListings(listings: Listing[]): { changed: boolean; prices: PriceChange[] } {
  const byId = new Map(listings.map((l) => [l.product_id, l]));
  const prices: PriceChange[] = [];
  let changed = false;
  const lines = cartLines().map((line) => {
    const now = byId.get(line.product_id);
    if (!now || (now.sku === line.sku && sameAmount(now.price, line.unit_price) && now.currency === line.currency)) {
      return line;
    }
    changed = true;
    if (!sameAmount(now.price, line.unit_price) || now.currency !== line.currency) {
      prices.push({
        product_id: line.product_id,
        name: line.name,
        from: { amount: line.unit_price, currency: line.currency },
        to: { amount: Number(now.price), currency: now.currency },
      });
    }
    return { ...line, sku: now.sku, unit_price: Number(now.price), currency: now.currency };
  });
  if (changed) {
    save(lines);
  }
  return { changed, prices };
}

function sameAmount(a: number, b: number): boolean {
  return decimalString(decimal(a)) === decimalString(decimal(b));
}

/** What an order refused for its lines says the catalogue holds now, by product (the events API's messages). */
interface Told {
  sku?: string;
  price?: { amount: number; currency: string };
}

const LINE_FIELD = /(?:^|\.)lines\[(\d+)\]\.(unit_price|sku)$/;
const CATALOGUE_PRICE = /^must be the catalogue price, (\d+(?:\.\d+)?) (\S+)$/;
const CATALOGUE_SKU = /^must be (\S+), the catalogue's SKU of the product$/;

function toldByRefusal(errors: FieldError[], sent: CartLine[]): Map<string, Told> {
  const told = new Map<string, Told>();
  for (const error of errors) {
    const field = LINE_FIELD.exec(error.field);
    const line = field ? sent[Number(field[1])] : undefined;
    if (!field || !line) {
      continue;
    }
    const price = field[2] === 'unit_price' ? CATALOGUE_PRICE.exec(error.message) : null;
    const sku = field[2] === 'sku' ? CATALOGUE_SKU.exec(error.message) : null;
    if (price || sku) {
      told.set(line.product_id, {
        ...told.get(line.product_id),
        ...(price ? { price: { amount: Number(price[1]), currency: price[2] } } : {}),
        ...(sku ? { sku: sku[1] } : {}),
      });
    }
  }
  return told;
}

/**
 * Asks the catalogue for every product in the cart and applies what it lists now (see applyListings). A product the
 * catalogue does not answer for keeps its line as it is: the events API then says what is wrong with it.
 *
 * After the events API refused an order (`refusal`: its field errors and the lines sent), the prices and SKUs it names
 * are taken as they are: it checks against the supervisor's catalogue, while the products API learns of a change
 * later and would still answer the price just refused. The products API is asked only for what the refusal leaves
 * open: the price of a line refused for its SKU (the events API names no price then), and, unless the refusal names a
 * line's price or SKU, every line. A refusal that names some lines found the others at the catalogue (each line is
 * checked), so they are not asked for, unless it refused the order's currency, which names no line.
 */
export async function refreshPrices(refusal?: { errors: FieldError[]; sent: CartLine[] }): Promise<{ changed: boolean; prices: PriceChange[] }> {
  const told = refusal ? toldByRefusal(refusal.errors, refusal.sent) : new Map<string, Told>();
  const othersChecked = told.size > 0 && !refusal?.errors.some((e) => /(^|\.)currency$/.test(e.field));
  const lines = new Map(cartLines().map((l) => [l.product_id, l]));
  const ask = [...lines.keys()].filter((id) => (told.has(id) ? !told.get(id)?.price : !othersChecked));
  const answers = await Promise.allSettled(ask.map((id) => api<Listing>(`/api/v1/products/${encodeURIComponent(id)}`)));
  const listed = new Map(
    answers.flatMap((a) => (a.status === 'fulfilled' && typeof a.value?.price === 'number' && Number.isFinite(a.value.price) ? [[a.value.product_id, a.value] as const] : [])),
  );
  const listings = [...lines.values()].flatMap((line): Listing[] => {
    const said = told.get(line.product_id);
    const asked = listed.get(line.product_id);
    const sku = said?.sku ?? asked?.sku ?? line.sku;
    if (said?.price) {
      return [{ product_id: line.product_id, sku, price: said.price.amount, currency: said.price.currency }];
    }
    if (asked) {
      return [{ product_id: line.product_id, sku, price: asked.price, currency: asked.currency }];
    }
    // the SKU alone: the events API then checks the price, and a refusal for it names the price
    return said?.sku ? [{ product_id: line.product_id, sku, price: line.unit_price, currency: line.currency }] : [];
  });
  return applyListings(listings);
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

function keptAttempt(): CheckoutAttempt | null {
  try {
    return JSON.parse(window.sessionStorage.getItem(CHECKOUT_KEY) ?? 'null') as CheckoutAttempt | null;
  } catch {
    return null;
  }
}

/**
 * Whether an attempt to place the cart is under way: its order may be booked already (its answer lost), and only
 * resending its very events finds out without placing it twice.
 */
export function checkoutUnderWay(): boolean {
  const kept = keptAttempt();
  // an attempt kept for a cart another tab has changed since is never resent: this cart is another order
  return kept !== null && kept.cart === attemptCartNow();
}

/** A cart's lines as an order event lists them. */
export function orderLines(lines: CartLine[]) {
  return lines.map((l) => ({ product_id: l.product_id, sku: l.sku, quantity: l.quantity, unit_price: l.unit_price }));
}

/** The cart an attempt places, as its attempt is kept (CheckoutAttempt.cart): who orders, in what currency, what. */
export function attemptCart(customerId: string | undefined, currency: string, lines: CartLine[]): string {
  return JSON.stringify([customerId, currency, orderLines(lines)]);
}

function attemptCartNow(): string | null {
  const lines = cartLines();
  const totals = subtotals(lines);
  return totals.length === 1 ? attemptCart(auth.session?.user.customerId, totals[0].currency, lines) : null;
}

/** The attempt under way for this cart, or a new one. */
export function checkoutAttempt(cart: string, now = new Date()): CheckoutAttempt {
  const kept = keptAttempt();
  if (kept?.cart === cart) {
    return kept;
  }
  const at = now.toISOString();
  return keep({
    cart,
    orderId: crypto.randomUUID(),
    orderNumber: orderNumber(),
    started: { event_id: crypto.randomUUID(), occurred_at: at },
    placed: { event_id: crypto.randomUUID(), occurred_at: at },
  });
}

/**
 * The attempt again as another order under another number, for a number the events API refused as another order's:
 * that order was not placed, and resending it would be refused for good. The checkout it started stays as it was.
 */
export function renumberedAttempt(attempt: CheckoutAttempt, now = new Date()): CheckoutAttempt {
  return keep({
    ...attempt,
    orderId: crypto.randomUUID(),
    orderNumber: orderNumber(),
    placed: { event_id: crypto.randomUUID(), occurred_at: now.toISOString() },
  });
}

function keep(attempt: CheckoutAttempt): CheckoutAttempt {
  window.sessionStorage.setItem(CHECKOUT_KEY, JSON.stringify(attempt));
  return attempt;
}

// Crockford's base 32: no I, L, O or U, which a shopper reading the number out would mistake for 1, 0 or V
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A storefront order number, e.g. WEB-4821-7K3QX9M4: 53 random bits, so shoppers checking out at the same moment do
 * not draw the same one (the events API refuses a number another order has). Four digits come first so that the
 * support chat recognises it in a message as an order number (letters, then a digit and at least three more).
 */
export function orderNumber(): string {
  const [digits] = crypto.getRandomValues(new Uint32Array(1));
  const bits = crypto.getRandomValues(new Uint8Array(5)).reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = BASE32[Number((bits >> BigInt(5 * i)) & 31n)] + code;
  }
  return `WEB-${String(digits % 10_000).padStart(4, '0')}-${code}`;
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
