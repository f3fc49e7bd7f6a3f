import { useEffect, useState, type FormEvent } from 'react';
import { Link, NavLink, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, auth, post, query, type Page } from '../api/client';
import { ApiError } from '../api/problem';
import { isStaff } from '../api/roles';
import type { ChatReply, Consents, CustomerOrder, PrivacyExport, PrivacyRequest, ProductDetail, ProductSummary, Recommendations } from '../api/types';
import { useCan } from '../components/controls';
import { Async, latestError, Problem, useAction, useApi } from '../components/state';
import { useSession } from '../components/session';
import { formatMoney, formatPercent } from '../format';
import {
  addToCart,
  attemptCart,
  cartLines,
  checkoutAttempt,
  checkoutUnderWay,
  clearCart,
  forgetOrders,
  lineTotal,
  orderLines,
  refreshPrices,
  rememberOrder,
  renumberedAttempt,
  sentOrders,
  sessionId,
  setQuantity,
  signOut,
  subtotals,
  useCart,
  type AddResult,
  type CartLine,
  type PriceChange,
  type Subtotal,
} from './cart';
import { send, track } from './events';

export default function Shop() {
  const session = useSession();
  const cart = useCart();
  const count = cart.reduce((n, l) => n + l.quantity, 0);
  return (
    <div className="shop">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/shop" className="brand">
          Agent Factory store
        </Link>
        <nav aria-label="Store">
          <NavLink to="/shop" end>
            Catalog
          </NavLink>
          <NavLink to="/shop/cart">Cart ({count})</NavLink>
          <NavLink to="/shop/orders">Orders</NavLink>
          <NavLink to="/shop/support">Help</NavLink>
          {session?.user.customerId && <NavLink to="/shop/preferences">Preferences</NavLink>}
          {session && isStaff(session.user.roles) && <NavLink to="/admin">Dashboard</NavLink>}
        </nav>
        {session ? (
          <button type="button" onClick={() => void signOut()}>
            Sign out {session.user.email}
          </button>
        ) : (
          <span>
            <Link to="/login?next=/shop">Sign in</Link> · <Link to="/shop/register">Sign up</Link>
          </span>
        )}
      </header>
      <main id="main" className="content">
        <Routes>
          <Route index element={<Catalog />} />
          <Route path="products/:productId" element={<ProductPage />} />
          <Route path="cart" element={<Cart />} />
          <Route path="orders" element={<Orders />} />
          <Route path="support" element={<SupportChat />} />
          <Route path="preferences" element={<Preferences />} />
          <Route path="register" element={<Register />} />
          <Route path="*" element={<p>There is no such page.</p>} />
        </Routes>
      </main>
    </div>
  );
}

function Catalog() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1');
  const [text, setText] = useState(search);
  const products = useApi<Page<ProductSummary>>(`/api/v1/products${query({ search, page, limit: 24, sort: search ? undefined : 'newest' })}`);
  const customerId = useSession()?.user.customerId;
  const showForYou = customerId !== undefined && !search && page === 1;
  const forYou = useApi<Recommendations>(showForYou ? `/api/v1/recommendations/users/${customerId}${query({ limit: 10 })}` : null);
  return (
    <>
      <h1>Catalog</h1>
      <form
        role="search"
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(text ? { q: text } : {});
        }}
      >
        <label htmlFor="shop-search">Search</label>
        <input id="shop-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {showForYou && (
        <section aria-labelledby="for-you">
          <h2 id="for-you">Recommended for you</h2>
          <Async state={forYou}>{(d) => <ProductList items={d.recommendations} label="Recommended for you" />}</Async>
        </section>
      )}
      {/* only a page without any product is empty: a page whose products are all out of stock keeps its pager, so
          the shopper can go on to the pages after it */}
      <Async state={products} isEmpty={(d) => d.items.length === 0} empty="No product matches.">
        {(d) => (
          <>
            {d.items.some((p) => p.in_stock) ? (
              <ul className="grid" aria-label="Products">
                {d.items
                  .filter((p) => p.in_stock)
                  .map((p) => (
                    <li key={p.product_id} className="card">
                      <Link to={`/shop/products/${p.product_id}`}>{p.name}</Link>
                      <p>{formatMoney(p.price, p.currency)}</p>
                      <p className="muted">{p.category}</p>
                    </li>
                  ))}
              </ul>
            ) : (
              <p className="empty">None of the products on this page is in stock.</p>
            )}
            <div className="pager">
              <button type="button" disabled={page <= 1} onClick={() => setParams({ ...(search && { q: search }), page: String(page - 1) })}>
                Previous
              </button>
              <span>
                Page {page} of {Math.max(1, d.pagination.total_pages)}
              </span>
              <button
                type="button"
                disabled={page >= d.pagination.total_pages}
                onClick={() => setParams({ ...(search && { q: search }), page: String(page + 1) })}
              >
                Next
              </button>
            </div>
          </>
        )}
      </Async>
    </>
  );
}

function ProductPage() {
  const { productId } = useParams();
  // one mount per product: going to another product starts afresh instead of showing the previous one meanwhile
  return <ProductDetailPage key={productId} productId={productId} />;
}

function ProductDetailPage({ productId }: { productId: string | undefined }) {
  const session = useSession();
  const product = useApi<ProductDetail>(`/api/v1/products/${productId}`);
  const signedIn = session !== null;
  const together = useApi<Recommendations>(signedIn ? `/api/v1/recommendations/frequently-bought-together${query({ product_ids: productId })}` : null);
  const [added, setAdded] = useState<AddResult | null>(null);
  const customerId = session?.user.customerId;
  useEffect(() => {
    if (signedIn && productId) track('product.viewed', customerId, { product_id: productId });
  }, [signedIn, customerId, productId]);
  return (
    <Async state={product}>
      {(p) => {
        return (
          <>
            <h1>{p.name}</h1>
            <p className="big">{formatMoney(p.price, p.currency)}</p>
            {p.description && <p>{p.description}</p>}
            <p className="muted">
              {p.category} · SKU {p.sku}
              {p.rating != null && ` · rated ${p.rating}`}
              {p.stock_quantity != null && ` · ${p.stock_quantity > 0 ? 'in stock' : 'out of stock'}`}
            </p>
            <button
              type="button"
              disabled={p.stock_quantity === 0}
              onClick={() => {
                const result = addToCart({ product_id: p.product_id, sku: p.sku, name: p.name, unit_price: Number(p.price), currency: p.currency });
                setAdded(result);
                if (result.added && session)
                  track('cart.item_added', session.user.customerId, {
                    product_id: p.product_id,
                    quantity: 1,
                    unit_price: { amount: p.price, currency: p.currency },
                  });
              }}
            >
              Add to cart
            </button>
            {added?.added && (
              <p role="status">
                Added. <Link to="/shop/cart">Go to the cart</Link>
              </p>
            )}
            {added?.added === false && (
              <p role="alert">
                Not added: this product is priced in {p.currency} and your cart in {added.cartCurrency}, and an order is
                paid in one currency. Place the order in your cart or empty it first. <Link to="/shop/cart">Go to the cart</Link>
              </p>
            )}
            <h2>Similar products</h2>
            <ProductList items={p.recommendations} />
            {signedIn && (
              <>
                <h2>Frequently bought together</h2>
                <Async state={together} isEmpty={(r) => r.recommendations.length === 0} empty="Nothing yet.">
                  {(r) => <ProductList items={r.recommendations} />}
                </Async>
              </>
            )}
          </>
        );
      }}
    </Async>
  );
}

function ProductList({ items, label }: { items: { product_id: string; name: string; price: number; currency: string }[]; label?: string }) {
  if (items.length === 0) return <p className="empty">Nothing yet.</p>;
  return (
    <ul className="grid" aria-label={label}>
      {items.map((r) => (
        <li key={r.product_id} className="card">
          <Link to={`/shop/products/${r.product_id}`}>{r.name}</Link>
          <p>{formatMoney(r.price, r.currency)}</p>
        </li>
      ))}
    </ul>
  );
}

/** How often an order refused for its number alone is sent again under a new one before the shopper is told. */
const RENUMBERINGS = 2;

function Cart() {
  const lines = useCart();
  const session = useSession();
  const navigate = useNavigate();
  const totals = subtotals(lines);
  // one currency per order: a cart that still mixes currencies (filled before they were kept apart) is not sent
  const total = totals.length === 1 ? totals[0] : null;
  const mayOrder = useCan('events.send');
  const [pricesChecked, setPricesChecked] = useState(false);
  const [changes, setChanges] = useState<{ prices: PriceChange[]; refused: boolean } | null>(null);
  useEffect(() => {
    let shown = true;
    // an attempt under way is resent as it is, since its order may be booked at the prices it names; should the
    // prices have changed meanwhile, the events API refuses it and the checkout below brings the cart up to date
    const check = checkoutUnderWay() ? Promise.resolve(null) : refreshPrices();
    void check
      .then((refreshed) => {
        if (shown && refreshed && refreshed.prices.length > 0) setChanges({ prices: refreshed.prices, refused: false });
      })
      // not checked: the events API still refuses a price that is no longer the catalogue's, and the checkout says so
      .catch(() => undefined)
      .finally(() => {
        if (shown) setPricesChecked(true);
      });
    return () => {
      shown = false;
    };
  }, []);
  const checkout = useAction(async () => {
    setChanges(null);
    for (let renumbered = 0; ; renumbered++) {
      // read afresh: a turn before may have brought the lines to the catalogue
      const ordered = cartLines();
      const totals = subtotals(ordered);
      if (totals.length !== 1) {
        throw new Error('An order is paid in one currency: remove the products priced in the other currencies first.');
      }
      const { currency, amount } = totals[0];
      const customerId = session?.user.customerId;
      const attempt = checkoutAttempt(attemptCart(customerId, currency, ordered));
      const { orderId, orderNumber, started, placed } = attempt;
      try {
        await send('checkout.started', {
          ...started,
          customer_id: customerId,
          session_id: sessionId(),
          cart_total: { amount: Number(amount), currency },
        });
        await send('order.placed', {
          ...placed,
          order_id: orderId,
          order_number: orderNumber,
          customer_id: customerId,
          currency,
          lines: orderLines(ordered),
        });
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 422) {
          throw e;
        }
        // refused, so not placed: a price or SKU the catalogue changed since is taken into the cart (which starts
        // another attempt); a new price is shown to the shopper and sent only once they place the order again
        const refreshed = await refreshPrices({ errors: e.errors, sent: ordered });
        if (refreshed.prices.length > 0) {
          setChanges({ prices: refreshed.prices, refused: true });
          return;
        }
        const numberTaken = e.errors.some((f) => /(^|\.)order_number$/.test(f.field));
        if (renumbered >= RENUMBERINGS || !(refreshed.changed || numberTaken)) {
          throw e;
        }
        if (!refreshed.changed) {
          renumberedAttempt(attempt);
        }
        continue;
      }
      if (customerId) {
        rememberOrder({ order_id: orderId, customer_id: customerId, order_number: orderNumber, placed_at: new Date().toISOString(), currency, lines: ordered });
      }
      clearCart();
      navigate('/shop/orders');
      return;
    }
  });
  if (lines.length === 0) {
    return (
      <>
        <h1>Cart</h1>
        <p className="empty">
          Your cart is empty. <Link to="/shop">Browse the catalog</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Cart</h1>
      <table aria-label="Products in the cart">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
            <th scope="col">Line total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.product_id}>
              <td>{l.name}</td>
              <td>{formatMoney(l.unit_price, l.currency)}</td>
              <td>
                <QuantityField line={l} disabled={checkout.running} />{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${l.name}`}
                  disabled={checkout.running}
                  onClick={() => setQuantity(l.product_id, 0)}
                >
                  Remove
                </button>
              </td>
              <td>{formatMoney(lineTotal(l), l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes && <PriceChanges prices={changes.prices} refused={changes.refused} />}
      {total ? <p className="big">Total {formatMoney(total.amount, total.currency)}</p> : <CurrencySubtotals totals={totals} />}
      {!total ? null : session && mayOrder ? (
        <button type="button" disabled={checkout.running || !pricesChecked} onClick={() => checkout.run()}>
          {!pricesChecked ? 'Checking prices…' : checkout.running ? 'Placing your order…' : 'Place order'}
        </button>
      ) : session ? (
        <p className="muted">Orders are placed by customers: your role cannot check out. Sign in with a customer account to place this order.</p>
      ) : (
        <p>
          <Link to="/login?next=/shop/cart">Sign in</Link> or <Link to="/shop/register">sign up</Link> to check out.
        </p>
      )}
      <Problem error={checkout.error} />
    </>
  );
}

/** Prices the catalogue changed since the products were put in the cart: the cart holds the new ones now. */
function PriceChanges({ prices, refused }: { prices: PriceChange[]; refused: boolean }) {
  return (
    <div role="alert" className="problem">
      <p>
        {refused && 'Your order was not placed. '}
        {prices.length === 1 ? 'A price' : 'Some prices'} in your cart changed since you added the products:
      </p>
      <ul aria-label="Changed prices">
        {prices.map((c) => (
          <li key={c.product_id}>
            {c.name}: {formatMoney(c.from.amount, c.from.currency)} → {formatMoney(c.to.amount, c.to.currency)}
          </li>
        ))}
      </ul>
      <p>Your cart shows the new {prices.length === 1 ? 'price' : 'prices'}. Check the total and place the order if you still want it.</p>
    </div>
  );
}

/** The subtotals of a cart that mixes currencies, each in its own currency, and why it cannot be ordered as it is. */
function CurrencySubtotals({ totals }: { totals: Subtotal[] }) {
  return (
    <>
      <ul className="list" aria-label="Subtotals by currency">
        {totals.map((t) => (
          <li key={t.currency}>
            Subtotal in {t.currency}: {formatMoney(t.amount, t.currency)}
          </li>
        ))}
      </ul>
      <p role="alert">
        Your cart holds products priced in {totals.length} currencies, and an order is paid in one. Remove the products
        in all but one currency to place your order.
      </p>
    </>
  );
}

/**
 * A line's quantity as typed: an emptied field (on the way to another number) keeps the line and shows its quantity
 * again when left; only a 0 typed or the Remove button takes the line out. While the order is being placed the
 * quantity is fixed: a change then would not be in the order sent, and the cart is emptied once it is placed.
 */
function QuantityField({ line, disabled }: { line: CartLine; disabled: boolean }) {
  const [text, setText] = useState(String(line.quantity));
  useEffect(() => setText(String(line.quantity)), [line.quantity]);
  return (
    <input
      type="number"
      min={0}
      step={1}
      aria-label={`Quantity of ${line.name}`}
      disabled={disabled}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const quantity = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isInteger(quantity) && quantity >= 0) {
          setQuantity(line.product_id, quantity);
        }
      }}
      onBlur={() => setText(String(line.quantity))}
    />
  );
}

const ORDER_STATUS: Record<CustomerOrder['status'], string> = {
  placed: 'Paid',
  partly_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

function Orders() {
  const session = useSession();
  const customerId = session?.user.customerId;
  const sent = customerId ? sentOrders(customerId) : [];
  // while an order just placed is on its way to the ledger, look again every two seconds
  const booked = useApi<Page<CustomerOrder>>(
    customerId ? `/api/v1/customers/${customerId}/orders${query({ limit: 50 })}` : null,
    sent.length > 0 ? 2000 : undefined,
  );
  const bookedIds = new Set(booked.data?.items.map((o) => o.order_id) ?? []);
  const waiting = sent.filter((o) => !bookedIds.has(o.order_id));
  useEffect(() => {
    if (booked.data && booked.data.items.length > 0) {
      forgetOrders(new Set(booked.data.items.map((o) => o.order_id)));
    }
  }, [booked.data]);
  if (!customerId) {
    return (
      <>
        <h1>Your orders</h1>
        <p>
          <Link to="/login?next=/shop/orders">Sign in</Link> with a customer account to see your orders.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Your orders</h1>
      {waiting.length > 0 && (
        <ul className="list" aria-label="Orders being booked">
          {waiting.map((o) => (
            <li key={o.order_id}>
              <strong>{o.order_number}</strong> · {new Date(o.placed_at).toLocaleString()} · {subtotals(o.lines).map((t) => formatMoney(t.amount, t.currency)).join(', ')} ·{' '}
              <span className="muted">being booked…</span>
            </li>
          ))}
        </ul>
      )}
      <Async state={booked} isEmpty={(d) => d.items.length === 0 && waiting.length === 0} empty="No order yet.">
        {(d) =>
          d.items.length === 0 ? null : (
          <ul className="list" aria-label="Orders">
            {d.items.map((o) => (
              <li key={o.order_id}>
                <strong>{o.order_number}</strong> · {new Date(o.placed_at).toLocaleString()} · {formatMoney(o.total, o.currency)} ·{' '}
                {ORDER_STATUS[o.status]}
                {o.status === 'partly_refunded' && ` (${formatMoney(o.refunded, o.currency)} back)`}
              </li>
            ))}
          </ul>
          )
        }
      </Async>
    </>
  );
}

const CHANNELS = [
  { channel: 'email', label: 'E-mails' },
  { channel: 'sms', label: 'Text messages' },
  { channel: 'push', label: 'Push notifications' },
] as const;

/** What the customer agreed to be sent, per channel, and the time zone their quiet hours follow. */
function Preferences() {
  const customerId = useSession()?.user.customerId;
  const path = customerId ? `/api/v1/campaigns/consents/${customerId}` : null;
  const current = useApi<Consents>(path);
  if (!customerId) {
    return (
      <>
        <h1>Preferences</h1>
        <p>
          <Link to="/login?next=/shop/preferences">Sign in</Link> with a customer account to choose what we send you.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Preferences</h1>
      <Async state={current}>{(c) => <PreferencesForm key={c.customer_id} consents={c} path={path!} onSaved={current.reload} />}</Async>
      <YourData customerId={customerId} />
    </>
  );
}

/**
 * The customer's rights over their data: a copy of everything the store keeps about them, gathered from every
 * service, and the erasure of their account and data everywhere.
 */
function YourData({ customerId }: { customerId: string }) {
  const path = `/api/v1/privacy/customers/${customerId}/requests`;
  const [polling, setPolling] = useState(false);
  const requests = useApi<PrivacyRequest[]>(path, polling ? 2000 : undefined);
  const busy = requests.data?.some((r) => r.status === 'IN_PROGRESS') ?? false;
  useEffect(() => setPolling(busy), [busy]);
  const [confirming, setConfirming] = useState(false);
  const ask = useAction(async (action: PrivacyRequest['action']) => {
    await post<PrivacyRequest>(path, { action });
    setConfirming(false);
    requests.reload();
  });
  const download = useAction(async (request: PrivacyRequest) => {
    const document = await api<PrivacyExport>(`${path}/${request.id}/export`);
    const link = window.document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
    link.download = `my-data-${request.completed_at?.slice(0, 10) ?? 'export'}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
  const erased = requests.data?.find((r) => r.action === 'ERASURE' && r.status === 'COMPLETED');
  if (erased) {
    return (
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p role="status">Your account and your data have been erased from every part of the store.</p>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <div className="actions">
        <button type="button" disabled={ask.running || busy} onClick={() => void ask.run('EXPORT')}>
          Get a copy of my data
        </button>
        {!confirming ? (
          <button type="button" disabled={ask.running || busy} onClick={() => setConfirming(true)}>
            Delete my account and data
          </button>
        ) : (
          <span className="actions" role="group" aria-label="Confirm erasure">
            <span>This deletes your account, orders history, messages and preferences for good.</span>
            <button type="button" onClick={() => void ask.run('ERASURE')} disabled={ask.running}>
              Yes, erase everything
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </span>
        )}
      </div>
      <Problem error={latestError(ask, download)} />
      <Async state={requests} isEmpty={(d) => d.length === 0} empty="You have not asked for your data yet.">
        {(list) => (
          <ul className="list" aria-label="Your data requests">
            {list.map((r) => (
              <li key={r.id}>
                {r.action === 'EXPORT' ? 'Copy of my data' : 'Erasure'} · {new Date(r.requested_at).toLocaleString()} ·{' '}
                {r.status === 'IN_PROGRESS'
                  ? `gathering… ${r.participants.filter((p) => p.state !== 'PENDING').length} of ${r.participants.length} parts`
                  : r.status === 'COMPLETED'
                    ? 'ready'
                    : 'could not be completed, the store has been told'}
                {r.action === 'EXPORT' && r.status === 'COMPLETED' && (
                  <>
                    {' '}
                    <button type="button" onClick={() => void download.run(r)} disabled={download.running}>
                      Download
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

function PreferencesForm({ consents, path, onSaved }: { consents: Consents; path: string; onSaved: () => void }) {
  const granted = (channel: string) => consents.consents.find((c) => c.channel === channel)?.granted ?? false;
  const [choice, setChoice] = useState<Record<string, boolean>>(() => Object.fromEntries(CHANNELS.map((c) => [c.channel, granted(c.channel)])));
  const [zone, setZone] = useState(consents.time_zone ?? '');
  const [saved, setSaved] = useState(false);
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const save = useAction(async () => {
    const changed = CHANNELS.filter((c) => choice[c.channel] !== granted(c.channel)).map((c) => ({
      channel: c.channel,
      granted: choice[c.channel],
      source: 'preference page',
    }));
    if (changed.length > 0) {
      await api<Consents>(path, { method: 'PUT', body: JSON.stringify({ consents: changed }) });
    }
    if (zone !== (consents.time_zone ?? '')) {
      await api<Consents>(`${path}/time-zone`, { method: 'PUT', body: JSON.stringify({ time_zone: zone || null }) });
    }
    setSaved(true);
    onSaved();
  });
  // staff may pause one channel or every channel at once ("all"); the campaign agent honours both
  const blocked = (channel: string) =>
    consents.suppressions.find((s) => s.channel === channel) ?? consents.suppressions.find((s) => s.channel === 'all');
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.run();
      }}
    >
      <fieldset>
        <legend>Send me</legend>
        {CHANNELS.map((c) => (
          <label key={c.channel}>
            <input
              type="checkbox"
              checked={choice[c.channel]}
              onChange={(e) => setChoice((all) => ({ ...all, [c.channel]: e.target.checked }))}
            />{' '}
            {c.label}
            {blocked(c.channel) && <span className="muted"> (paused by the store: {blocked(c.channel)!.reason})</span>}
          </label>
        ))}
      </fieldset>
      <label>
        My time zone (no messages at night)
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          <option value="">The store's time zone</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={save.running}>
        {save.running ? 'Saving…' : 'Save preferences'}
      </button>
      {saved && !save.running && !save.error && (
        <p role="status" className="muted">
          Your preferences are saved.
        </p>
      )}
      <Problem error={save.error} />
    </form>
  );
}

interface ChatLine {
  author: 'you' | 'assistant';
  text: string;
  reply?: ChatReply;
}

function SupportChat() {
  const session = useSession();
  const [conversationId, setConversationId] = useState<string>();
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [text, setText] = useState('');
  const sendMessage = useAction((message: string) =>
    post<ChatReply>(conversationId ? `/api/v1/support/conversations/${conversationId}/messages` : '/api/v1/support/messages', {
      text: message,
    }),
  );
  if (!session) {
    return (
      <>
        <h1>Help</h1>
        <p>
          <Link to="/login?next=/shop/support">Sign in</Link> to chat with us.
        </p>
      </>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    const mine: ChatLine = { author: 'you', text: message };
    setLines((l) => [...l, mine]);
    setText('');
    const reply = await sendMessage.run(message);
    if (reply) {
      setConversationId(reply.conversation_id);
      setLines((l) => [...l, { author: 'assistant', text: reply.reply, reply }]);
    } else {
      // not delivered: out of the transcript and back in the field, to send again
      setLines((l) => l.filter((line) => line !== mine));
      setText((typed) => typed || message);
    }
  }
  return (
    <>
      <h1>Help</h1>
      <ol className="transcript" aria-live="polite" aria-label="Conversation">
        {lines.map((l, i) => (
          <li key={i} className={`msg msg-${l.author}`}>
            <span className="muted">{l.author}</span>
            <p>{l.text}</p>
            {l.reply?.escalated && <p className="muted">A person from our team will take it from here.</p>}
            {l.reply && l.reply.intents.length > 0 && (
              <p className="muted">
                understood as {l.reply.intents[0].intent} ({formatPercent(l.reply.intents[0].confidence, undefined, 0)})
              </p>
            )}
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="row">
        <label htmlFor="chat-text">Your message</label>
        <input id="chat-text" value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={sendMessage.running}>
          {sendMessage.running ? 'Sending…' : 'Send'}
        </button>
      </form>
      <Problem error={sendMessage.error} />
    </>
  );
}

function Register() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', password: '', first: '', last: '' });
  const register = useAction(() => auth.register(form.email, form.password, form.first, form.last));
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  return (
    <>
      <h1>Create an account</h1>
      <form
        className="card"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await register.run()) navigate('/shop');
        }}
      >
        <label>
          E-mail
          <input type="email" required autoComplete="email" {...field('email')} />
        </label>
        <label>
          Password (at least 12 characters)
          <input type="password" required minLength={12} autoComplete="new-password" {...field('password')} />
        </label>
        <label>
          First name
          <input required autoComplete="given-name" {...field('first')} />
        </label>
        <label>
          Last name
          <input required autoComplete="family-name" {...field('last')} />
        </label>
        <button type="submit" disabled={register.running}>
          {register.running ? 'Creating…' : 'Create account'}
        </button>
        <Problem error={register.error} />
      </form>
    </>
  );
}

