import { Fragment, lazy, Suspense, useRef, useState } from 'react';
import { post, query, type Page } from '../api/client';
import type {
  DemandForecast,
  DemandSignals,
  DemandHistory,
  Promotion,
  PurchaseOrder,
  StockAlert,
  StockedSku,
  StockLevels,
  SuggestReorders,
  Supplier,
} from '../api/types';
import { ReasonAction, useCan, useSwapFocus } from '../components/controls';
import { PagedTable } from '../components/PagedTable';
import { Async, latestError, Loading, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime, formatMoney, formatNumber, isoDay, shiftDay } from '../format';

const ForecastChart = lazy(() => import('../components/ForecastChart'));

const ALERT_TYPES = ['low_stock', 'out_of_stock', 'overstock', 'slow_moving', 'expiry_risk'];
const ORDER_STATUSES = ['suggested', 'approved', 'ordered', 'received', 'closed', 'rejected', 'cancelled'];
const BASE = '/api/v1/inventory';

export default function InventoryPage() {
  const alerts = useApi<Page<StockAlert>>(`${BASE}/alerts${query({ limit: 100 })}`);
  // the inventory API has no list of every stocked SKU: the stock table starts from the SKUs the alerts name
  const alertSkus = [...new Set(alerts.data?.items.map((a) => a.sku) ?? [])].slice(0, 100);
  const [shownSku, setShownSku] = useState<string>();
  return (
    <>
      <h1>Inventory</h1>
      <Alerts />
      <StockedSkus onShow={setShownSku} />
      {shownSku && <SkuDemand key={shownSku} sku={shownSku} onClose={() => setShownSku(undefined)} />}
      {alerts.data || alerts.error ? <StockLevelsSection key={`stock-${alertSkus.join(',')}`} initialSkus={alertSkus} /> : <Loading />}
      <Forecast key={`forecast-${alertSkus[0] ?? ''}`} initialSku={alertSkus[0] ?? ''} />
      <Promotions key={`promotions-${alertSkus[0] ?? ''}`} initialSku={alertSkus[0] ?? ''} />
      <PurchaseOrders />
      <Suppliers />
    </>
  );
}

function Alerts() {
  const [type, setType] = useState('');
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <label className="inline">
        Type
        <select value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">any</option>
          {ALERT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <PagedTable<StockAlert>
        label="Stock alerts"
        path={`${BASE}/alerts`}
        params={{ type }}
        pollMs={30_000}
        rowKey={(a) => a.id}
        empty="No stock alert has been raised."
        columns={[
          { header: 'SKU', cell: (a) => <span className="mono">{a.sku}</span> },
          { header: 'Location', cell: (a) => a.location },
          { header: 'Alert', cell: (a) => <StatusBadge value={a.type} /> },
          { header: 'Available', cell: (a) => formatNumber(a.available, undefined, 0) },
          { header: 'Reorder point', cell: (a) => formatNumber(a.reorder_point, undefined, 0) },
          { header: 'Suggested action', cell: (a) => a.suggested_action },
          { header: 'Raised', cell: (a) => formatDateTime(a.raised_at) },
        ]}
      />
    </section>
  );
}

function StockedSkus({ onShow }: { onShow: (sku: string) => void }) {
  const [text, setText] = useState('');
  const [contains, setContains] = useState('');
  return (
    <section aria-labelledby="skus-heading">
      <h2 id="skus-heading">Stocked SKUs</h2>
      <form
        className="filters"
        aria-label="Filter SKUs"
        onSubmit={(e) => {
          e.preventDefault();
          // the field as shown, not the last state update: text typed while the page was still rendering counts too
          setContains(String(new FormData(e.currentTarget).get('sku') ?? '').trim());
        }}
      >
        <label>
          SKU contains
          <input name="sku" value={text} maxLength={64} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <PagedTable<StockedSku>
        label="Stocked SKUs"
        path={`${BASE}/skus`}
        params={{ q: contains }}
        rowKey={(s) => s.sku}
        empty={contains ? `No stocked SKU contains “${contains}”.` : 'No SKU is stocked yet: products are stocked when the catalog feed names them.'}
        columns={[
          {
            header: 'SKU',
            cell: (s) => (
              <button type="button" className="link mono" onClick={() => onShow(s.sku)}>
                {s.sku}
              </button>
            ),
          },
          { header: 'Available', cell: (s) => formatNumber(s.available, undefined, 0) },
          { header: 'On hand', cell: (s) => formatNumber(s.on_hand, undefined, 0) },
          { header: 'Reserved', cell: (s) => formatNumber(s.reserved, undefined, 0) },
          { header: 'In transit', cell: (s) => formatNumber(s.in_transit, undefined, 0) },
          { header: 'Backordered', cell: (s) => formatNumber(s.backordered, undefined, 0) },
          { header: 'Warehouses', cell: (s) => formatNumber(s.locations, undefined, 0) },
        ]}
      />
    </section>
  );
}

/** One SKU: the units ordered each day of the last 90, and a forecast drawn after them on request. */
function SkuDemand({ sku, onClose }: { sku: string; onClose: () => void }) {
  const mayRun = useCan('inventory.write');
  const history = useApi<DemandHistory>(`${BASE}/demand/${encodeURIComponent(sku)}`);
  const signals = useApi<DemandSignals>(`${BASE}/signals/${encodeURIComponent(sku)}`);
  const [forecast, setForecast] = useState<DemandForecast>();
  const run = useAction(() => post<DemandForecast>(`${BASE}/forecasts`, { sku, horizon_days: 28 }));
  return (
    <section aria-labelledby="sku-heading" className="card">
      <div className="row">
        <h2 id="sku-heading">
          Demand of <span className="mono">{sku}</span>
        </h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <Async state={history}>
        {(data) => (
          <>
            <p className="muted">
              {formatNumber(data.total_units, undefined, 0)} units ordered from {data.from} to before {data.until}
              {data.total_units === 0 && ': no orders in these days'}.
            </p>
            <Async state={signals}>
              {(now) => (
                <p className="muted">
                  {now.adjusts
                    ? `Views and cart additions: ${formatNumber(now.recent_daily_signals, undefined, 1)} a day lately against ${formatNumber(now.baseline_daily_signals, undefined, 1)} usually, so demand is expected ×${formatNumber(now.lift, undefined, 2)} today and ×${formatNumber(now.factors[now.factors.length - 1], undefined, 2)} in a week.`
                    : `Views and cart additions change nothing now: ${now.basis}.`}
                </p>
              )}
            </Async>
            {mayRun && (
              <button
                type="button"
                disabled={run.running}
                onClick={async () => {
                  const result = await run.run();
                  if (result) {
                    setForecast(result);
                  }
                }}
              >
                {run.running ? 'Forecasting…' : 'Forecast the next 28 days'}
              </button>
            )}
            <Problem error={run.error} />
            {forecast && (
              <p className="muted">
                Forecast from {forecast.origin} by model {forecast.model}: {formatNumber(forecast.days.reduce((sum, d) => sum + d.expected, 0), undefined, 0)}{' '}
                units expected over 28 days.
              </p>
            )}
            <Suspense fallback={<Loading label="Drawing…" />}>
              <ForecastChart sku={sku} actuals={data.days} days={forecast?.days ?? []} />
            </Suspense>
          </>
        )}
      </Async>
    </section>
  );
}

/** How many SKUs the stock lookup (GET /stock?skus=) takes at once. */
const STOCK_LOOKUP_SKUS = 100;
/** How many SKUs a supplier is created with at most (the inventory agent's CreateSupplierRequest). */
const SUPPLIER_SKUS = 1000;

/** The SKUs named, each once; never cut short, so that more than an API takes is refused rather than dropped. */
function parseSkus(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Why a list of SKUs is refused, or null when it fits. */
function tooManySkus(skus: string[], limit: number): string | null {
  return skus.length > limit
    ? `${formatNumber(skus.length, undefined, 0)} SKUs are named; at most ${formatNumber(limit, undefined, 0)} are taken at once.`
    : null;
}

function StockLevelsSection({ initialSkus }: { initialSkus: string[] }) {
  const [text, setText] = useState(initialSkus.join(', '));
  const [skus, setSkus] = useState(initialSkus);
  const [refused, setRefused] = useState<string | null>(null);
  const levels = useApi<StockLevels>(skus.length ? `${BASE}/stock${query({ skus: skus.join(',') })}` : null);
  return (
    <section aria-labelledby="stock-heading">
      <h2 id="stock-heading">Stock levels</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const named = parseSkus(text);
          const problem = tooManySkus(named, STOCK_LOOKUP_SKUS);
          setRefused(problem);
          if (!problem) {
            setSkus(named);
          }
        }}
      >
        <label>
          SKUs (comma-separated, up to {STOCK_LOOKUP_SKUS})
          <input value={text} size={50} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Look up</button>
      </form>
      {refused && (
        <p role="alert" className="problem">
          {refused} Nothing was looked up; the levels shown are those of the SKUs looked up before.
        </p>
      )}
      {skus.length === 0 ? (
        <p className="empty">Name the SKUs to look up; the ones with alerts are filled in when there are any.</p>
      ) : (
        <Async state={levels} isEmpty={(d) => d.items.length === 0 && d.unknown_skus.length === 0}>
          {(data) => (
            <>
              {data.items.length > 0 && (
                <table aria-labelledby="stock-heading">
                  <thead>
                    <tr>
                      <th scope="col">SKU</th>
                      <th scope="col">Available</th>
                      <th scope="col">On hand</th>
                      <th scope="col">Reserved</th>
                      <th scope="col">Allocated</th>
                      <th scope="col">In transit</th>
                      <th scope="col">Backordered</th>
                      <th scope="col">Warehouses</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((s) => (
                      <tr key={s.sku}>
                        <td className="mono">{s.sku}</td>
                        <td>{formatNumber(s.available, undefined, 0)}</td>
                        <td>{formatNumber(s.on_hand, undefined, 0)}</td>
                        <td>{formatNumber(s.reserved, undefined, 0)}</td>
                        <td>{formatNumber(s.allocated, undefined, 0)}</td>
                        <td>{formatNumber(s.in_transit, undefined, 0)}</td>
                        <td>{formatNumber(s.backordered, undefined, 0)}</td>
                        <td>
                          {s.locations.map((l) => (
                            <span className="chip" key={l.location}>
                              {l.location}: {formatNumber(l.available, undefined, 0)}
                              {l.expires_on && ` (expires ${l.expires_on})`}
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {data.unknown_skus.length > 0 && <p className="muted">No stock is kept of: {data.unknown_skus.join(', ')}</p>}
            </>
          )}
        </Async>
      )}
    </section>
  );
}

function Forecast({ initialSku }: { initialSku: string }) {
  const mayRun = useCan('inventory.write');
  const [sku, setSku] = useState(initialSku);
  const [location, setLocation] = useState('');
  const [horizon, setHorizon] = useState('28');
  const [origin, setOrigin] = useState('');
  const [forecast, setForecast] = useState<DemandForecast>();
  const run = useAction(() =>
    post<DemandForecast>(`${BASE}/forecasts`, {
      sku: sku.trim(),
      location: location.trim() || undefined,
      origin: origin || undefined,
      horizon_days: Number(horizon),
    }),
  );
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Demand forecast</h2>
      {!mayRun ? (
        <p className="muted">Forecasts are computed on request, which administrators and marketing managers may ask for.</p>
      ) : (
        <form
          className="filters"
          aria-label="Forecast"
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await run.run();
            if (result) {
              setForecast(result);
            }
          }}
        >
          <label>
            SKU
            <input required maxLength={64} value={sku} onChange={(e) => setSku(e.target.value)} />
          </label>
          <label>
            Warehouse (all when empty)
            <input maxLength={64} value={location} onChange={(e) => setLocation(e.target.value)} />
          </label>
          <label>
            From (today when empty)
            <input type="date" value={origin} onChange={(e) => setOrigin(e.target.value)} />
          </label>
          <label>
            Days ahead
            <input type="number" min={1} max={183} required value={horizon} onChange={(e) => setHorizon(e.target.value)} />
          </label>
          <button type="submit" disabled={run.running}>
            {run.running ? 'Forecasting…' : 'Forecast'}
          </button>
        </form>
      )}
      <Problem error={run.error} />
      {forecast && (
        <>
          <p className="muted">
            {forecast.sku} {forecast.location ? `at ${forecast.location}` : 'in all warehouses'} from {forecast.origin}: model {forecast.model},
            learnt from {formatNumber(forecast.history_days, undefined, 0)} days with {formatNumber(forecast.pooled_skus, undefined, 0)} SKUs,
            intervals calibrated on {formatNumber(forecast.calibration_weeks, undefined, 0)} weeks. Expected
            over the horizon: {formatNumber(forecast.days.reduce((sum, d) => sum + d.expected, 0), undefined, 0)} units.
          </p>
          {forecast.signals.applied && (
            <p className="muted">
              Views and cart additions lift today&apos;s expected demand ×{formatNumber(forecast.signals.lift, undefined, 2)} (
              {forecast.signals.basis}), fading over the days after.
            </p>
          )}
          {forecast.promotions.running.length > 0 && (
            <p className="muted">
              Promotions raise the expected units on their days:{' '}
              {forecast.promotions.running
                .map(
                  (p) =>
                    `${formatNumber(p.discount_percent)}% off from ${p.starts_on} to ${lastDayOf(p.ends_on)} ×${formatNumber(p.factor, undefined, 2)}`,
                )
                .join('; ')}{' '}
              ({forecast.promotions.basis}).
            </p>
          )}
          <Suspense fallback={<Loading label="Drawing…" />}>
            <ForecastChart days={forecast.days} sku={forecast.sku} />
          </Suspense>
          <details>
            <summary>Forecast by day</summary>
            <table aria-label="Forecast by day">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Expected</th>
                  <th scope="col">80% interval</th>
                  <th scope="col">95% interval</th>
                </tr>
              </thead>
              <tbody>
                {forecast.days.map((d) => (
                  <tr key={d.date}>
                    <td>{d.date}</td>
                    <td>{formatNumber(d.expected, undefined, 1)}</td>
                    <td>
                      {formatNumber(d.lower_80, undefined, 1)} – {formatNumber(d.upper_80, undefined, 1)}
                    </td>
                    <td>
                      {formatNumber(d.lower_95, undefined, 1)} – {formatNumber(d.upper_95, undefined, 1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** The last day of a promotion whose end is given as the first day after it. */
function lastDayOf(endsOn: string): string {
  return shiftDay(endsOn, -1);
}

/** A SKU's planned price promotions; forecasts and reorder plans expect more demand on their days. */
function Promotions({ initialSku }: { initialSku: string }) {
  const mayPlan = useCan('inventory.write');
  const [sku, setSku] = useState(initialSku);
  const [shown, setShown] = useState(initialSku.trim());
  const list = useApi<Promotion[]>(shown ? `${BASE}/promotions${query({ sku: shown })}` : null);
  const cancel = useAction((id: string, reason: string) => post<Promotion>(`${BASE}/promotions/${id}/cancel`, { reason }));
  const today = isoDay(new Date());
  return (
    <section aria-labelledby="promotions-heading">
      <h2 id="promotions-heading">Promotions</h2>
      <form className="filters" aria-label="Promotions of a SKU" onSubmit={(e) => (e.preventDefault(), setShown(sku.trim()), list.reload())}>
        <label>
          SKU
          <input required maxLength={64} value={sku} onChange={(e) => setSku(e.target.value)} />
        </label>
        <button type="submit">Show promotions</button>
      </form>
      {shown && (
        <Async state={list} isEmpty={(items) => items.length === 0} empty={`No promotion of ${shown} is planned or past.`}>
          {(items) => (
            <table aria-label={`Promotions of ${shown}`}>
              <thead>
                <tr>
                  <th scope="col">Discount</th>
                  <th scope="col">First day</th>
                  <th scope="col">Last day</th>
                  <th scope="col">Why</th>
                  <th scope="col">Planned by</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{formatNumber(p.discount_percent)}% off</td>
                    <td>{p.starts_on}</td>
                    <td>{lastDayOf(p.ends_on)}</td>
                    <td>{p.reason}</td>
                    <td>{p.created_by}</td>
                    <td>
                      {p.cancelled_at ? (
                        `${p.cut_short ? 'ended early' : 'cancelled'} by ${p.cancelled_by ?? 'unknown'}: ${p.cancel_reason ?? ''}`
                      ) : p.ends_on <= today ? (
                        'ended'
                      ) : mayPlan ? (
                        <ReasonAction
                          label="Cancel"
                          busy={cancel.running}
                          onConfirm={async (reason) => {
                            const done = await cancel.run(p.id, reason);
                            if (done) {
                              list.reload();
                            }
                            return done;
                          }}
                        />
                      ) : (
                        'planned'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
      )}
      <Problem error={cancel.error} />
      {mayPlan && (
        <NewPromotion
          sku={sku.trim()}
          onPlanned={(planned) => {
            setSku(planned.sku);
            setShown(planned.sku);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function NewPromotion({ sku, onPlanned }: { sku: string; onPlanned: (planned: Promotion) => void }) {
  const empty = { discount_percent: '20', starts_on: '', last_day: '', reason: '' };
  const [form, setForm] = useState(empty);
  // promotions are planned from today on: past days are history
  const today = isoDay(new Date());
  const plan = useAction(() =>
    post<Promotion>(`${BASE}/promotions`, {
      sku,
      discount_percent: form.discount_percent,
      starts_on: form.starts_on,
      // the API takes the first day after the promotion
      ends_on: form.last_day ? shiftDay(form.last_day, 1) : '',
      reason: form.reason.trim(),
    }),
  );
  const field = (key: keyof typeof empty, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...props} />
    </label>
  );
  return (
    <details className="card">
      <summary>Plan a promotion{sku ? ` of ${sku}` : ''}</summary>
      <form
        aria-label="Plan a promotion"
        onSubmit={async (e) => {
          e.preventDefault();
          const planned = await plan.run();
          if (planned) {
            setForm(empty);
            onPlanned(planned);
          }
        }}
      >
        <div className="row">
          {field('discount_percent', 'Discount (%)', { type: 'number', min: 0.01, max: 90, step: 'any' })}
          {field('starts_on', 'First day', { type: 'date', min: today })}
          {field('last_day', 'Last day', { type: 'date', min: form.starts_on || today })}
        </div>
        {field('reason', 'What it is', { maxLength: 500 })}
        <Problem error={plan.error} />
        <button type="submit" disabled={plan.running || !sku}>
          {plan.running ? 'Planning…' : 'Plan promotion'}
        </button>
      </form>
    </details>
  );
}

type OrderAction = { label: string; action: 'approve' | 'reject' | 'order' | 'cancel' | 'close' };

/** The moves each status allows (PurchaseOrderStatus), as the API's decision endpoints. */
const ORDER_ACTIONS: Record<string, OrderAction[]> = {
  suggested: [
    { label: 'Approve', action: 'approve' },
    { label: 'Reject', action: 'reject' },
  ],
  approved: [
    { label: 'Place order', action: 'order' },
    { label: 'Cancel', action: 'cancel' },
  ],
};

/** A placed order is cancelled while nothing of it has come; once part has, the rest can only be closed short. */
function orderActions(o: PurchaseOrder): OrderAction[] {
  if (o.status === 'ordered') {
    return [o.received_quantity > 0 ? { label: 'Close short', action: 'close' } : { label: 'Cancel', action: 'cancel' }];
  }
  return ORDER_ACTIONS[o.status] ?? [];
}

function PurchaseOrders() {
  const mayDecide = useCan('inventory.write');
  const [status, setStatus] = useState('suggested');
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const [suggested, setSuggested] = useState<SuggestReorders>();
  const suggest = useAction(() => post<SuggestReorders>(`${BASE}/purchase-orders/suggestions`, { skus: [] }));
  const decide = useAction((id: string, action: string, reason: string) =>
    post<PurchaseOrder>(`${BASE}/purchase-orders/${id}/${action}`, { reason }),
  );
  // a retry of a receipt whose answer was lost must not book the goods twice: it carries the key of the first
  // attempt, until one succeeds or other lines (or another order) are booked
  const receipt = useRef<{ request: string; key: string } | null>(null);
  const receive = useAction(async (o: PurchaseOrder, lines: DeliveredLine[]) => {
    const url = `${BASE}/purchase-orders/${o.id}/receipts`;
    const body = { lines };
    const request = JSON.stringify([url, body]);
    if (receipt.current?.request !== request) {
      receipt.current = { request, key: crypto.randomUUID() };
    }
    const received = await post<PurchaseOrder>(url, body, { 'Idempotency-Key': receipt.current.key });
    receipt.current = null;
    return received;
  });
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">Reorder suggestions and purchase orders</h2>
      <div className="row">
        <label className="inline">
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {mayDecide && (
          <button
            type="button"
            disabled={suggest.running}
            onClick={async () => {
              const result = await suggest.run();
              if (result) {
                setSuggested(result);
                changed();
              }
            }}
          >
            {suggest.running ? 'Planning every stocked SKU…' : 'Suggest reorders now'}
          </button>
        )}
      </div>
      {suggested && (
        <p role="status">
          {suggested.planned} SKUs planned, {suggested.suggestions.length} new suggestions
          {suggested.without_supplier.length > 0 && `; no supplier sells ${suggested.without_supplier.join(', ')}`}.
        </p>
      )}
      <Problem error={latestError(suggest, decide, receive)} />
      <PagedTable<PurchaseOrder>
        label="Purchase orders"
        path={`${BASE}/purchase-orders`}
        params={{ status }}
        version={changes}
        rowKey={(o) => o.id}
        empty={status ? `No purchase order is ${status}.` : 'No purchase order yet.'}
        columns={[
          {
            header: 'SKU',
            cell: (o) => (
              <>
                {o.lines.length === 1 ? (
                  <span className="mono">{o.lines[0].sku}</span>
                ) : (
                  <ul className="list" aria-label="Lines">
                    {o.lines.map((l) => (
                      <li key={l.sku}>
                        <span className="mono">{l.sku}</span>{' '}
                        <small className="muted">
                          {formatNumber(l.quantity, undefined, 0)} × {formatMoney(l.unit_cost, o.currency)}
                          {l.received_quantity > 0 && ` (${formatNumber(l.received_quantity, undefined, 0)} received)`}
                        </small>
                      </li>
                    ))}
                  </ul>
                )}{' '}
                <span className="muted">{o.location}</span>
                {o.history.length > 0 && (
                  <details>
                    <summary>History</summary>
                    <ol className="timeline">
                      {o.history.map((h, i) => (
                        <li key={i}>
                          {h.to_status} by {h.actor}: {h.reason} · {formatDateTime(h.at)}
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </>
            ),
          },
          {
            header: 'Quantity',
            cell: (o) => (
              <>
                {formatNumber(o.quantity, undefined, 0)}
                {o.received_quantity > 0 && <small className="muted"> ({formatNumber(o.received_quantity, undefined, 0)} received)</small>}
              </>
            ),
          },
          {
            header: 'Cost',
            cell: (o) => (
              <>
                {formatMoney(o.total_cost, o.currency)}
                <br />
                {o.unit_cost !== null && <small className="muted">{formatMoney(o.unit_cost, o.currency)} each</small>}
              </>
            ),
          },
          { header: 'Days of cover', cell: (o) => (o.days_of_cover === null ? '–' : formatNumber(o.days_of_cover, undefined, 1)) },
          {
            header: 'Urgency',
            cell: (o) => (
              <>
                {formatNumber(o.urgency, undefined, 1)} {o.urgency < 0 && <span className="badge badge-critical">runs out before delivery</span>}
              </>
            ),
          },
          { header: 'Status', cell: (o) => <StatusBadge value={o.status} /> },
          {
            header: 'Actions',
            cell: (o) =>
              mayDecide && (
                <div className="actions">
                  {orderActions(o).map((a) => (
                    <ReasonAction
                      key={a.action}
                      label={a.label}
                      busy={decide.running}
                      onConfirm={async (reason) => {
                        const done = await decide.run(o.id, a.action, reason);
                        if (done) {
                          changed();
                        }
                        return done;
                      }}
                    />
                  ))}
                  {o.status === 'ordered' && (
                    <ReceiveAction
                      order={o}
                      busy={receive.running}
                      onReceive={async (lines) => {
                        const done = await receive.run(o, lines);
                        if (done) {
                          changed();
                        }
                        return done;
                      }}
                    />
                  )}
                </div>
              ),
          },
        ]}
      />
    </section>
  );
}

/** A line of a delivery as the receipt endpoint takes it; `expires_on` (YYYY-MM-DD) marks perishable units. */
interface DeliveredLine {
  sku: string;
  quantity: number;
  expires_on?: string;
}

/** What is still awaited of each line of the order as it now stands. */
function outstanding(order: PurchaseOrder): Record<string, string> {
  return Object.fromEntries(
    order.lines.filter((l) => l.quantity > l.received_quantity).map((l) => [l.sku, String(l.quantity - l.received_quantity)]),
  );
}

/**
 * Books a delivery: the units that came of each line still awaited (an empty or zero field books none of it), with
 * the date they expire on when they are perishable. Each time it opens it starts from what the order still awaits.
 */
function ReceiveAction({
  order,
  busy,
  onReceive,
}: {
  order: PurchaseOrder;
  busy: boolean;
  onReceive: (lines: DeliveredLine[]) => Promise<unknown>;
}) {
  const awaited = order.lines.filter((l) => l.quantity > l.received_quantity);
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [expiries, setExpiries] = useState<Record<string, string>>({});
  const { opener, first, close } = useSwapFocus<HTMLInputElement>(open, setOpen);
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="secondary"
        onClick={() => {
          setQuantities(outstanding(order));
          setExpiries({});
          setOpen(true);
        }}
      >
        Receive
      </button>
    );
  }
  const one = awaited.length === 1;
  return (
    <form
      className="inline-form"
      aria-label="Receive delivery"
      onSubmit={async (e) => {
        e.preventDefault();
        const lines = awaited
          .map((l) => ({ sku: l.sku, quantity: Number(quantities[l.sku] || 0), expires_on: expiries[l.sku] || undefined }))
          .filter((l) => l.quantity > 0);
        if ((await onReceive(lines)) !== undefined) {
          close();
        }
      }}
    >
      {awaited.map((l, i) => (
        <Fragment key={l.sku}>
          <label>
            {one ? 'Units delivered' : `Units of ${l.sku} delivered`}
            <input
              ref={i === 0 ? first : undefined}
              type="number"
              min={0}
              max={l.quantity - l.received_quantity}
              required={one}
              value={quantities[l.sku] ?? ''}
              onChange={(e) => setQuantities((q) => ({ ...q, [l.sku]: e.target.value }))}
            />
          </label>
          <label>
            {one ? 'Expires on (optional)' : `Units of ${l.sku} expire on (optional)`}
            <input type="date" value={expiries[l.sku] ?? ''} onChange={(e) => setExpiries((x) => ({ ...x, [l.sku]: e.target.value }))} />
          </label>
        </Fragment>
      ))}
      <button type="submit" disabled={busy}>
        {busy ? 'Booking…' : 'Book delivery'}
      </button>
      <button type="button" className="link" onClick={close}>
        Cancel
      </button>
    </form>
  );
}

function Suppliers() {
  const mayCreate = useCan('inventory.write');
  const [created, setCreated] = useState(0);
  return (
    <section aria-labelledby="suppliers-heading">
      <h2 id="suppliers-heading">Suppliers</h2>
      <PagedTable<Supplier>
        label="Suppliers"
        path={`${BASE}/suppliers`}
        version={created}
        rowKey={(s) => s.id}
        empty="No supplier is known yet."
        columns={[
          { header: 'Supplier', cell: (s) => s.name },
          { header: 'Lead time', cell: (s) => `${s.lead_time_days} days` },
          { header: 'Minimum order', cell: (s) => formatNumber(s.minimum_order, undefined, 0) },
          { header: 'Pack size', cell: (s) => formatNumber(s.pack_size, undefined, 0) },
          { header: 'Unit cost', cell: (s) => formatMoney(s.unit_cost, s.currency) },
          { header: 'SKUs', cell: (s) => <span className="mono">{s.skus.join(', ')}</span> },
        ]}
      />
      {mayCreate && <NewSupplier onCreated={() => setCreated((n) => n + 1)} />}
    </section>
  );
}

function NewSupplier({ onCreated }: { onCreated: () => void }) {
  const empty = { name: '', lead_time_days: '7', minimum_order: '1', pack_size: '1', unit_cost: '', currency: 'EUR', skus: '' };
  const [form, setForm] = useState(empty);
  const create = useAction(async () => {
    const skus = parseSkus(form.skus);
    const tooMany = tooManySkus(skus, SUPPLIER_SKUS);
    if (tooMany) {
      throw new Error(`${tooMany} The supplier was not added.`);
    }
    return post<Supplier>(`${BASE}/suppliers`, {
      name: form.name.trim(),
      lead_time_days: Number(form.lead_time_days),
      minimum_order: Number(form.minimum_order),
      pack_size: Number(form.pack_size),
      unit_cost: form.unit_cost,
      currency: form.currency.trim().toUpperCase(),
      skus,
    });
  });
  const field = (key: keyof typeof empty, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...props} />
    </label>
  );
  return (
    <details className="card">
      <summary>Add a supplier</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await create.run()) {
            setForm(empty);
            onCreated();
          }
        }}
      >
        {field('name', 'Name', { maxLength: 200 })}
        <div className="row">
          {field('lead_time_days', 'Lead time (days)', { type: 'number', min: 1, max: 365 })}
          {field('minimum_order', 'Minimum order (units)', { type: 'number', min: 1 })}
          {field('pack_size', 'Pack size (units)', { type: 'number', min: 1 })}
          {field('unit_cost', 'Unit cost', { type: 'number', min: 0.0001, step: 'any' })}
          {field('currency', 'Currency', { pattern: '[A-Za-z]{3}', size: 4 })}
        </div>
        {field('skus', `SKUs (comma-separated, up to ${formatNumber(SUPPLIER_SKUS, undefined, 0)})`)}
        <Problem error={create.error} />
        <button type="submit" disabled={create.running}>
          {create.running ? 'Adding…' : 'Add supplier'}
        </button>
      </form>
    </details>
  );
}
