import { Link } from 'react-router-dom';
import { query, type Page } from '../api/client';
import { ApiError } from '../api/problem';
import { can } from '../api/roles';
import type { BudgetAlert, Escalation, Kpis, LedgerKpis, TicketSummary } from '../api/types';
import { Async, useApi } from '../components/state';
import { useSession } from '../components/session';
import { fiscalPeriod, formatDateTime, formatMoney, formatNumber, formatPercent, isoDay } from '../format';
import { alertSummary } from './budgetStatus';

/** The overview compares the last 30 days with the 30 before them. */
export default function OverviewPage() {
  const now = new Date();
  const session = useSession();
  const current = useApi<Kpis>(`/api/v1/financial/kpis${query({ date_from: isoDay(now, -29), date_to: isoDay(now) })}`);
  const previous = useApi<Kpis>(`/api/v1/financial/kpis${query({ date_from: isoDay(now, -59), date_to: isoDay(now, -30) })}`);
  const roles = session?.user.roles ?? [];
  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">Needs a person now</h2>
        <div className="three">
          <OpenEscalations />
          {can(roles, 'support.desk') && <SupportQueue />}
          <BudgetAlerts period={fiscalPeriod(now)} />
        </div>
      </section>
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">Last 30 days</h2>
        <Async state={current} isEmpty={(k) => k.currencies.length === 0 && k.conversion.visitors === 0} empty="No order or visit has been recorded in the last 30 days.">
          {(k) => <KpiGrid kpis={k} before={previous.data} />}
        </Async>
      </section>
    </>
  );
}

function trend(now: number | null | undefined, before: number | null | undefined): string {
  if (now == null || before == null || Number(before) === 0) {
    return '';
  }
  const change = (Number(now) - Number(before)) / Math.abs(Number(before));
  return `${change >= 0 ? '▲' : '▼'} ${formatPercent(Math.abs(change), undefined, 0)} vs previous 30 days`;
}

function KpiGrid({ kpis, before }: { kpis: Kpis; before?: Kpis }) {
  const prior = (currency: string): LedgerKpis | undefined => before?.currencies.find((c) => c.currency === currency);
  return (
    <>
      <dl className="kpis">
        <div>
          <dt>Conversion</dt>
          <dd>{formatPercent(kpis.conversion.conversion_rate)}</dd>
          <dd className="trend">
            <small>
              {formatNumber(kpis.conversion.converted, undefined, 0)} of {formatNumber(kpis.conversion.visitors, undefined, 0)} visitors{' '}
              {trend(kpis.conversion.conversion_rate, before?.conversion.conversion_rate)}
            </small>
          </dd>
        </div>
      </dl>
      {kpis.currencies.map((c) => {
        const p = prior(c.currency);
        return (
          <dl className="kpis" key={c.currency} aria-label={`KPIs in ${c.currency}`}>
            <Kpi label="Revenue" value={formatMoney(c.revenue, c.currency)} trend={trend(c.revenue, p?.revenue)} />
            <Kpi label="Net revenue" value={formatMoney(c.net_revenue, c.currency)} trend={trend(c.net_revenue, p?.net_revenue)} />
            <Kpi label="Orders" value={formatNumber(c.orders, undefined, 0)} trend={trend(c.orders, p?.orders)} />
            <Kpi label="Average order value" value={formatMoney(c.average_order_value, c.currency)} trend={trend(c.average_order_value, p?.average_order_value)} />
            <Kpi label="Customer lifetime value" value={formatMoney(c.customer_lifetime_value, c.currency)} trend={trend(c.customer_lifetime_value, p?.customer_lifetime_value)} />
            <Kpi label="Refund rate" value={formatPercent(c.refund_rate)} trend={trend(c.refund_rate, p?.refund_rate)} />
          </dl>
        );
      })}
      <h3>Return on ad spend by agent ({kpis.attribution_model.toLowerCase().replace('_', ' ')} attribution)</h3>
      {kpis.roas_by_agent.length === 0 ? (
        <p className="empty">No agent has attributed revenue in these days.</p>
      ) : (
        <table aria-label="Return on ad spend by agent">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Attributed revenue</th>
              <th scope="col">Expenses</th>
              <th scope="col">ROAS</th>
            </tr>
          </thead>
          <tbody>
            {kpis.roas_by_agent.map((r) => (
              <tr key={`${r.key}-${r.currency}`}>
                <td>{r.key}</td>
                <td>{formatMoney(r.attributed_revenue, r.currency)}</td>
                <td>{formatMoney(r.expenses, r.currency)}</td>
                <td>{r.roas == null ? '–' : `${formatNumber(r.roas)}×`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Kpi({ label, value, trend }: { label: string; value: string; trend: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {/* a <dl>'s groups hold only <dt> and <dd>: the trend is a second description of the figure */}
      {trend && (
        <dd className="trend">
          <small>{trend}</small>
        </dd>
      )}
    </div>
  );
}

function OpenEscalations() {
  const state = useApi<Page<Escalation>>(`/api/v1/escalations${query({ status: 'OPEN', limit: 5 })}`, 15000);
  return (
    <div className="card">
      <h3>
        <Link to="/admin/tasks">Open escalations</Link>
      </h3>
      <Async state={state} isEmpty={(d) => d.items.length === 0} empty="None: the agents are coping.">
        {(d) => (
          <>
            <p className="big">{d.pagination.total}</p>
            <ul className="list">
              {d.items.map((e) => (
                <li key={e.escalation_id}>
                  <Link to={`/admin/tasks/${e.task_id}`}>{e.reason}</Link> <span className="muted">{formatDateTime(e.created_at)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Async>
    </div>
  );
}

function SupportQueue() {
  const state = useApi<Page<TicketSummary>>(`/api/v1/support/escalations${query({ status: 'ESCALATED', limit: 5 })}`, 15000);
  return (
    <div className="card">
      <h3>
        <Link to="/admin/support">Customers waiting</Link>
      </h3>
      <Async state={state} isEmpty={(d) => d.items.length === 0} empty="Nobody is waiting for a person.">
        {(d) => (
          <>
            <p className="big">{d.pagination.total}</p>
            <ul className="list">
              {d.items.map((t) => (
                <li key={t.ticket_id}>
                  <Link to={`/admin/support/${t.ticket_id}`}>{t.category ?? 'conversation'}</Link>{' '}
                  <span className="muted">{t.escalation_reasons.join(', ')}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Async>
    </div>
  );
}

function BudgetAlerts({ period }: { period: string }) {
  const loaded = useApi<BudgetAlert[]>(`/api/v1/financial/budgets/marketing/alerts${query({ period })}`, 60000);
  // no budget set for the month yet is nothing to act on, not an error
  const state = loaded.error instanceof ApiError && loaded.error.status === 404 ? { ...loaded, data: [], error: undefined } : loaded;
  return (
    <div className="card">
      <h3>
        <Link to="/admin/finance">Budget alerts (marketing, {period})</Link>
      </h3>
      <Async state={state} isEmpty={(d) => d.length === 0} empty="No threshold crossed and nothing overspent this month.">
        {(d) => (
          <ul className="list">
            {d.map((a) => (
              <li key={a.id}>
                <span className={`badge badge-${a.level}`}>{a.level}</span> {alertSummary(a)}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </div>
  );
}
