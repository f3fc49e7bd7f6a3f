import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, post, query } from '../api/client';
import { can } from '../api/roles';
import type { Budget, BudgetAlert, ChainVerification, DailyReconciliation, Reservation, RevenueReport } from '../api/types';
import { PagedTable } from '../components/PagedTable';
import { Async, latestError, Loading, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { useSession } from '../components/session';
import { fiscalPeriod, formatDateTime, formatMoney, formatNumber, formatPercent, isoDay, shiftDay } from '../format';
import { alertSummary, hasAmount, isOverspent } from './budgetStatus';

const BarChart = lazy(() => import('../components/BarChart'));

const MODELS = ['linear', 'first_touch', 'last_touch', 'time_decay', 'position_based'];

export default function FinancePage() {
  const now = new Date();
  const [department, setDepartment] = useState('marketing');
  const [period, setPeriod] = useState(fiscalPeriod(now));
  const [dateFrom, setDateFrom] = useState(isoDay(now, -29));
  const [dateTo, setDateTo] = useState(isoDay(now));
  return (
    <>
      <h1>Finance</h1>
      <form className="filters" aria-label="Budget" onSubmit={(e) => e.preventDefault()}>
        <label>
          Department
          <input value={department} onChange={(e) => setDepartment(e.target.value.trim().toLowerCase())} />
        </label>
        <label>
          Fiscal period
          <input value={period} pattern="[0-9]{4}-[0-9]{2}" onChange={(e) => setPeriod(e.target.value.trim())} />
        </label>
        <label>
          From
          <input type="date" value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
        </label>
      </form>
      {/* a new department or period starts afresh: no figures, reservation form or reservations of the budget shown before */}
      {department && <BudgetSection key={`${department}|${period}`} department={department} period={period} />}
      <Attribution dateFrom={dateFrom} dateTo={dateTo} />
      <Reconciliation dateFrom={dateFrom} dateTo={dateTo} />
      <AuditVerification />
    </>
  );
}

function BudgetSection({ department, period }: { department: string; period: string }) {
  const session = useSession();
  const path = `/api/v1/financial/budgets/${encodeURIComponent(department)}`;
  const budget = useApi<Budget>(`${path}${query({ period })}`);
  const alerts = useApi<BudgetAlert[]>(`${path}/alerts${query({ period })}`);
  const mayWrite = session !== null && can(session.user.roles, 'finance.write');
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading">Budget of {department}</h2>
      <Async state={budget}>
        {(b) => (
          <>
            <dl className="kpis">
              <div>
                <dt>Allocated</dt>
                <dd>{formatMoney(b.allocated_amount, b.currency)}</dd>
              </div>
              <div>
                <dt>Committed</dt>
                <dd>{formatMoney(b.committed_amount, b.currency)}</dd>
              </div>
              <div>
                <dt>Spent</dt>
                <dd>{formatMoney(b.spent_amount, b.currency)}</dd>
              </div>
              {hasAmount(b.unbudgeted_amount) && (
                <div>
                  <dt>Spent without a reservation</dt>
                  <dd>{formatMoney(b.unbudgeted_amount, b.currency)}</dd>
                </div>
              )}
              <div>
                <dt>Available</dt>
                <dd>{formatMoney(b.available_amount, b.currency)}</dd>
              </div>
              {hasAmount(b.overspent_amount) && (
                <div className="overspent">
                  <dt>Overspent</dt>
                  <dd>{formatMoney(b.overspent_amount, b.currency)}</dd>
                </div>
              )}
              <div>
                <dt>Used</dt>
                <dd>
                  {formatPercent(b.utilisation)} <StatusBadge value={b.status} />
                </dd>
              </div>
            </dl>
            <meter
              className={isOverspent(b) ? 'overspent' : undefined}
              min={0}
              max={1}
              low={b.warning_threshold}
              high={b.critical_threshold}
              value={b.utilisation}
              aria-label="Budget used"
            />
            {isOverspent(b) && (
              // a full meter looks the same at 100% and beyond: what is owed beyond the allocation is said in words
              <p className="overspent-note">
                <strong>Overspent by {formatMoney(b.overspent_amount, b.currency)}.</strong> Spend recorded after it was made
                ({formatMoney(b.unbudgeted_amount, b.currency)} without a reservation) took this budget beyond its allocation of{' '}
                {formatMoney(b.allocated_amount, b.currency)}. Nothing more can be reserved from it until its allocation is raised above what it has used.
              </p>
            )}
            <p className="muted">
              Warning at {formatPercent(b.warning_threshold, undefined, 0)}, critical at {formatPercent(b.critical_threshold, undefined, 0)} ·
              updated {formatDateTime(b.updated_at)}
            </p>
            {mayWrite && (
              <Reservations
                path={path}
                budget={b}
                requestedBy={session.user.subject}
                onChange={() => (budget.reload(), alerts.reload())}
              />
            )}
          </>
        )}
      </Async>
      <h3>Alerts</h3>
      <Async state={alerts} isEmpty={(d) => d.length === 0} empty="No threshold has been crossed and nothing overspent in this period.">
        {(list) => (
          <ul className="list">
            {list.map((a) => (
              <li key={a.id}>
                <StatusBadge value={a.level} /> {alertSummary(a)} · {formatDateTime(a.created_at)}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

/** The last day (YYYY-MM-DD) of a fiscal period (YYYY-MM). */
function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

/**
 * Money reserved from the dashboard is held until the end of its period unless the person chooses another day (or
 * none): finance releases a reservation still held past its expiry, so money someone lost track of goes back to the
 * budget. A period already over gets no default; finance refuses an expiry that has passed.
 */
function defaultHoldUntil(period: string, today: string): string {
  const last = lastDayOf(period);
  return last >= today ? last : '';
}

/** @param requestedBy the person reserving, as the services name the signed-in caller */
function Reservations({
  path,
  budget,
  requestedBy,
  onChange,
}: {
  path: string;
  budget: Budget;
  requestedBy: string;
  onChange: () => void;
}) {
  const today = isoDay(new Date());
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [holdUntil, setHoldUntil] = useState(() => defaultHoldUntil(budget.fiscal_period, today));
  const [made, setMade] = useState<Reservation>();
  // the held reservations are finance's list, not the page's: they stay at hand after a reload, and so do those made
  // elsewhere; a new version reads the page shown again after a reservation was made, spent or given back
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    onChange();
  };
  // a retry of a reservation whose answer was lost must not set the money aside twice: it carries the key of the
  // first attempt, until one succeeds or the request asks for something else
  const attempt = useRef<{ request: string; key: string } | null>(null);
  const reserve = useAction(async () => {
    const url = `${path}/reservations`;
    const body = {
      fiscal_period: budget.fiscal_period,
      amount: Number(amount),
      currency: budget.currency,
      purpose: purpose.trim(),
      requested_by: requestedBy,
      // held through the whole UTC day chosen
      expires_at: holdUntil ? `${shiftDay(holdUntil, 1)}T00:00:00Z` : undefined,
    };
    const request = JSON.stringify([url, body]);
    if (attempt.current?.request !== request) {
      attempt.current = { request, key: crypto.randomUUID() };
    }
    const reservation = await post<Reservation>(url, body, { 'Idempotency-Key': attempt.current.key });
    attempt.current = null;
    return reservation;
  });
  const resolve = useAction((id: string, action: 'commit' | 'release') => post<Reservation>(`${path}/reservations/${id}/${action}`));
  const settle = async (r: Reservation, action: 'commit' | 'release') => {
    if (await resolve.run(r.id, action)) {
      changed();
    }
  };
  return (
    <div className="card">
      <h3>Reservations</h3>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await reserve.run();
          if (r) {
            setMade(r);
            setAmount('');
            changed();
          }
        }}
      >
        <label>
          Amount ({budget.currency})
          <input type="number" min="0.01" step="0.01" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          Purpose
          {/* finance refuses a reservation without a purpose: blank (spaces only) is caught here already */}
          <input value={purpose} maxLength={500} required pattern=".*\S.*" onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <label>
          Held until (UTC day; empty: until committed or released)
          <input type="date" min={today} value={holdUntil} onChange={(e) => setHoldUntil(e.target.value)} />
        </label>
        <button type="submit" disabled={reserve.running}>
          {reserve.running ? 'Reserving…' : 'Reserve'}
        </button>
      </form>
      {made && (
        <p role="status">
          Reserved {formatMoney(made.amount, made.currency)} for {made.purpose}
          {made.expires_at ? `, held until ${formatDateTime(made.expires_at)}` : ', held until committed or released'}.
        </p>
      )}
      <Problem error={latestError(reserve, resolve)} />
      <h4>Still held in {budget.fiscal_period}</h4>
      <p className="muted">Only whoever made a reservation may commit it; an admin may also release it.</p>
      <PagedTable<Reservation>
        label="Held reservations"
        path={`${path}/reservations`}
        params={{ period: budget.fiscal_period, status: 'reserved' }}
        limit={50}
        version={changes}
        rowKey={(r) => r.id}
        empty="No money of this period is held."
        columns={[
          { header: 'Amount', cell: (r) => formatMoney(r.amount, r.currency) },
          { header: 'Purpose', cell: (r) => r.purpose ?? '–' },
          { header: 'Requested by', cell: (r) => r.requested_by ?? '–' },
          { header: 'Held by', cell: (r) => r.reserved_by ?? '–' },
          { header: 'Reserved', cell: (r) => formatDateTime(r.created_at) },
          { header: 'Held until', cell: (r) => (r.expires_at ? formatDateTime(r.expires_at) : 'committed or released') },
          {
            header: 'Actions',
            cell: (r) => {
              // finance says what the signed-in person may do with each one: it decides by the holder it recorded,
              // not by the requested_by a request names, and lets anyone settle one made before holders were recorded
              if (!r.may_commit && !r.may_release) {
                return '–';
              }
              return (
                <div className="actions">
                  {r.may_commit && (
                    <button type="button" disabled={resolve.running} onClick={() => settle(r, 'commit')}>
                      Commit
                    </button>
                  )}
                  {r.may_release && (
                    <button type="button" className="secondary" disabled={resolve.running} onClick={() => settle(r, 'release')}>
                      Release
                    </button>
                  )}
                </div>
              );
            },
          },
        ]}
      />
    </div>
  );
}

function Attribution({ dateFrom, dateTo }: { dateFrom: string; dateTo: string }) {
  const [model, setModel] = useState('linear');
  const params = query({ date_from: dateFrom, date_to: dateTo, model });
  const agents = useApi<RevenueReport>(`/api/v1/financial/attributions/agents${params}`);
  const channels = useApi<RevenueReport>(`/api/v1/financial/attributions/channels${params}`);
  return (
    <section aria-labelledby="attribution-heading">
      <h2 id="attribution-heading">Attribution</h2>
      <label className="inline">
        Model
        <select value={model} onChange={(e) => setModel(e.target.value)}>
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {m.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <div className="two">
        <RevenueChart title="By agent" state={agents} />
        <RevenueChart title="By channel" state={channels} />
      </div>
    </section>
  );
}

function RevenueChart({ title, state }: { title: string; state: ReturnType<typeof useApi<RevenueReport>> }) {
  return (
    <div>
      <h3>{title}</h3>
      <Async state={state} isEmpty={(r) => r.rows.length === 0} empty="No attributed revenue in these days.">
        {(report) => {
          const currency = report.rows[0]?.currency;
          return (
            <>
              <Suspense fallback={<Loading label="Drawing…" />}>
                <BarChart
                  data={report.rows.filter((r) => r.currency === currency).map((r) => ({ key: r.key, value: Number(r.revenue) }))}
                  valueLabel="Attributed revenue"
                  format={(v) => formatMoney(v, currency)}
                />
              </Suspense>
              <table aria-label={`Attributed revenue ${title.toLowerCase()}`}>
                <thead>
                  <tr>
                    <th scope="col">{report.dimension}</th>
                    <th scope="col">Revenue</th>
                    <th scope="col">Orders</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={`${r.key}-${r.currency}`}>
                      <td>{r.key}</td>
                      <td>{formatMoney(r.revenue, r.currency)}</td>
                      <td>{r.orders}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Async>
    </div>
  );
}

function Reconciliation({ dateFrom, dateTo }: { dateFrom: string; dateTo: string }) {
  const state = useApi<{ days: DailyReconciliation[] }>(`/api/v1/financial/reconciliation/daily${query({ date_from: dateFrom, date_to: dateTo })}`);
  return (
    <section aria-labelledby="reconciliation-heading">
      <h2 id="reconciliation-heading">Daily reconciliation</h2>
      <Async state={state} isEmpty={(d) => d.days.length === 0} empty="No transaction was booked in these days.">
        {(data) => (
          <table aria-labelledby="reconciliation-heading">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Transactions</th>
                <th scope="col">Orders</th>
                <th scope="col">Revenue</th>
                <th scope="col">Refunds</th>
                <th scope="col">Net</th>
              </tr>
            </thead>
            <tbody>
              {data.days.map((d) => (
                <tr key={`${d.date}-${d.currency}`}>
                  <td>{d.date}</td>
                  <td>{d.transaction_count}</td>
                  <td>{d.unique_orders}</td>
                  <td>{formatMoney(d.revenue, d.currency)}</td>
                  <td>{formatMoney(d.refunds, d.currency)}</td>
                  <td>{formatMoney(d.net, d.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}

/** How far the walk along the chain got: `outcome` is the part that ended it, when it came to an end. */
interface ChainCheck {
  checked: number;
  outcome?: ChainVerification;
}

/**
 * Walks the whole audit trail: finance checks a bounded part of the chain per call and says where the next part
 * starts, so the trail is called intact only once a part reached the chain's end without a break.
 */
function AuditVerification() {
  const [check, setCheck] = useState<ChainCheck>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const verify = useAction(async () => {
    let checked = 0;
    let from = 1;
    setCheck({ checked });
    while (mounted.current) {
      const part = await api<ChainVerification>(`/api/v1/financial/audit/verify${query({ from_seq: from })}`);
      checked += part.entries_checked;
      const next = part.next_seq;
      if (!part.valid || next === undefined || next === null) {
        setCheck({ checked, outcome: part });
        return;
      }
      if (next <= from) {
        throw new Error(`The verification did not move on from entry ${from}; the rest of the trail was not checked.`);
      }
      from = next;
      setCheck({ checked });
    }
  });
  const count = (n: number) => formatNumber(n, undefined, 0);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <button type="button" disabled={verify.running} onClick={() => void verify.run()}>
        {verify.running ? 'Verifying the hash chain…' : 'Verify the audit trail'}
      </button>
      <Problem error={verify.error} />
      {check && (
        <p role="status">
          {verify.running
            ? `Checking the hash chain: ${count(check.checked)} entries checked so far…`
            : check.outcome?.valid
              ? `The chain is intact: ${count(check.checked)} entries checked.`
              : check.outcome
                ? `The chain breaks at entry ${check.outcome.first_broken_entry}: ${check.outcome.problem}`
                : `The check of the hash chain stopped after ${count(check.checked)} entries: the rest of the trail was not verified.`}
        </p>
      )}
    </section>
  );
}
