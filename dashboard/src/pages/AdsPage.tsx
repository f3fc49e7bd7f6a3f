import { lazy, Suspense, useEffect, useState } from 'react';
import { api, post, query, type Page } from '../api/client';
import { messageOf } from '../api/problem';
import type { AdAuditEntry, AdCampaign, AdCampaignStatus, AdMetrics } from '../api/types';
import { Pager, ReasonAction, useBackToLastPage, useCan } from '../components/controls';
import { Async, Loading, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../format';
import AdAllocationsSection from './AdAllocationsSection';
import AdSimulatorSection from './AdSimulatorSection';
import { budgetTimeline } from './adBudget';

const BarChart = lazy(() => import('../components/BarChart'));
const AllocationChart = lazy(() => import('../components/AllocationChart'));

const BASE = '/api/v1/ads/campaigns';
const STATUSES: AdCampaignStatus[] = ['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED'];
const HISTORY_LIMIT = 200;

/** The lifecycle endpoint and button for each move a campaign's allowed_transitions may name. */
function actionsFor(c: AdCampaign): { label: string; path: string }[] {
  return c.allowed_transitions.map((target) => {
    if (target === 'ACTIVE') {
      return c.status === 'PAUSED' ? { label: 'Resume', path: 'resume' } : { label: 'Activate', path: 'activate' };
    }
    return target === 'PAUSED' ? { label: 'Pause', path: 'pause' } : { label: 'End', path: 'end' };
  });
}

export default function AdsPage() {
  const mayWrite = useCan('ads.write');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string>();
  const campaigns = useApi<Page<AdCampaign>>(`${BASE}${query({ status, page, limit: 20 })}`);
  // pausing or ending the last campaign of a page filtered by status takes it off that page
  useBackToLastPage(campaigns.data, page, setPage);
  const change = useAction((id: string, path: string, reason: string) => post<AdCampaign>(`${BASE}/${id}/${path}`, { reason }));
  return (
    <>
      <h1>Ads</h1>
      <section aria-labelledby="ad-campaigns-heading">
        <h2 id="ad-campaigns-heading">Campaigns</h2>
        <label className="inline">
          Status
          <select value={status} onChange={(e) => (setStatus(e.target.value), setPage(1))}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <Problem error={change.error} />
        <Async state={campaigns} isEmpty={(d) => d.items.length === 0} empty="No ad campaign yet.">
          {(data) => (
            <>
              <table aria-label="Ad campaigns">
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Platform</th>
                    <th scope="col">Status</th>
                    <th scope="col">Daily budget</th>
                    <th scope="col">Allocated today</th>
                    <th scope="col">Total budget</th>
                    <th scope="col">Target</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id} className={c.id === selected ? 'active' : undefined}>
                      <td>
                        <button type="button" className="link" aria-pressed={c.id === selected} onClick={() => setSelected(c.id)}>
                          {c.name}
                        </button>
                      </td>
                      <td>{c.platform}</td>
                      <td>
                        <StatusBadge value={c.status} />
                      </td>
                      <td>{formatMoney(c.daily_budget, c.currency)}</td>
                      <td>{formatMoney(c.allocated_daily_budget, c.currency)}</td>
                      <td>{formatMoney(c.total_budget, c.currency)}</td>
                      <td>
                        {c.target_cpa !== null && `CPA ${formatMoney(c.target_cpa, c.currency)}`}
                        {c.target_roas !== null && `ROAS ${formatNumber(c.target_roas)}`}
                        {c.target_cpa === null && c.target_roas === null && '–'}
                      </td>
                      <td>
                        {mayWrite && (
                          <div className="actions">
                            {actionsFor(c).map((a) => (
                              <ReasonAction
                                key={a.path}
                                label={a.label}
                                busy={change.running}
                                onConfirm={async (reason) => {
                                  const done = await change.run(c.id, a.path, reason);
                                  if (done) {
                                    campaigns.reload();
                                  }
                                  return done;
                                }}
                              />
                            ))}
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={page} pages={data.pagination.total_pages} total={data.pagination.total} onPage={setPage} />
              <Comparison campaigns={data.items} />
            </>
          )}
        </Async>
      </section>
      {selected && campaigns.data?.items.find((c) => c.id === selected) && (
        <CampaignDetail
          key={selected}
          campaign={campaigns.data.items.find((c) => c.id === selected)!}
          mayWrite={mayWrite}
          onChange={campaigns.reload}
        />
      )}
      <AdAllocationsSection />
      <AdSimulatorSection mayWrite={mayWrite} />
    </>
  );
}

/** One campaign's metrics as its call ended: loaded, or the problem that kept them. */
type MetricsOutcome = { campaign: AdCampaign; metrics: AdMetrics } | { campaign: AdCampaign; error: unknown };

/**
 * ROAS, CPA and win rate of the campaigns on the page, side by side, from each one's metrics. Each campaign's call
 * stands alone: one that fails marks its own row, and the others are still compared.
 */
function Comparison({ campaigns }: { campaigns: AdCampaign[] }) {
  const [outcomes, setOutcomes] = useState<MetricsOutcome[]>();
  const ids = campaigns.map((c) => c.id).join(',');
  useEffect(() => {
    let live = true;
    setOutcomes(undefined);
    void Promise.allSettled(campaigns.map((c) => api<AdMetrics>(`${BASE}/${c.id}/metrics`))).then(
      (settled) =>
        live &&
        setOutcomes(
          settled.map((s, i) => (s.status === 'fulfilled' ? { campaign: campaigns[i], metrics: s.value } : { campaign: campaigns[i], error: s.reason })),
        ),
    );
    return () => {
      live = false;
    };
    // the ids stand for the campaigns: a reload with the same campaigns need not fetch again
  }, [ids]);
  if (!outcomes) {
    return <Loading label="Loading the campaigns' metrics…" />;
  }
  const metrics = outcomes.flatMap((o) => ('metrics' in o ? [o.metrics] : []));
  // CPA is money: one chart per currency would be unreadable, so it charts the first campaign's currency
  const currency = metrics[0]?.currency;
  const label = (m: AdMetrics) => m.name;
  return (
    <section aria-labelledby="performance-heading">
      <h2 id="performance-heading">Performance since start</h2>
      <table aria-labelledby="performance-heading">
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Spend</th>
            <th scope="col">Revenue</th>
            <th scope="col">ROAS</th>
            <th scope="col">CPA</th>
            <th scope="col">Win rate</th>
            <th scope="col">CTR</th>
            <th scope="col">Conversions</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) =>
            'metrics' in o ? (
              <tr key={o.campaign.id}>
                <td>{o.metrics.name}</td>
                <td>{formatMoney(o.metrics.spend, o.metrics.currency)}</td>
                <td>{formatMoney(o.metrics.revenue, o.metrics.currency)}</td>
                <td>{formatNumber(o.metrics.roas)}</td>
                <td>{formatMoney(o.metrics.cpa, o.metrics.currency)}</td>
                <td>{formatPercent(o.metrics.win_rate)}</td>
                <td>{formatPercent(o.metrics.ctr, undefined, 2)}</td>
                <td>{formatNumber(o.metrics.conversions, undefined, 0)}</td>
              </tr>
            ) : (
              <tr key={o.campaign.id}>
                <td>{o.campaign.name}</td>
                <td colSpan={7}>Metrics could not be loaded: {messageOf(o.error)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <Suspense fallback={<Loading label="Drawing…" />}>
        <div className="three">
          <div>
            <h3>ROAS</h3>
            <BarChart data={metrics.filter((m) => m.roas !== null).map((m) => ({ key: label(m), value: m.roas! }))} valueLabel="ROAS" format={(v) => formatNumber(v)} />
          </div>
          <div>
            <h3>CPA ({currency})</h3>
            <BarChart
              data={metrics.filter((m) => m.cpa !== null && m.currency === currency).map((m) => ({ key: label(m), value: Number(m.cpa) }))}
              valueLabel="CPA"
              format={(v) => formatMoney(v, currency)}
            />
          </div>
          <div>
            <h3>Win rate</h3>
            <BarChart
              data={metrics.filter((m) => m.win_rate !== null).map((m) => ({ key: label(m), value: m.win_rate! }))}
              valueLabel="Win rate"
              format={(v) => formatPercent(v)}
            />
          </div>
        </div>
      </Suspense>
    </section>
  );
}

function CampaignDetail({ campaign, mayWrite, onChange }: { campaign: AdCampaign; mayWrite: boolean; onChange: () => void }) {
  const metrics = useApi<AdMetrics>(`${BASE}/${campaign.id}/metrics`);
  // newest first: the allocator adds an entry every round, so the oldest 200 would end within a day of the start
  const history = useApi<Page<AdAuditEntry>>(`${BASE}/${campaign.id}/history${query({ sort: 'newest', limit: HISTORY_LIMIT })}`);
  const money = (v: number | null | undefined) => formatMoney(v, campaign.currency);
  return (
    <section aria-labelledby="ad-detail-heading">
      <h2 id="ad-detail-heading">{campaign.name}</h2>
      <Async state={metrics}>
        {(m) => (
          <dl className="kpis">
            <div>
              <dt>Spend</dt>
              <dd>{money(m.spend)}</dd>
            </div>
            <div>
              <dt>ROAS</dt>
              <dd>{formatNumber(m.roas)}</dd>
            </div>
            <div>
              <dt>CPA</dt>
              <dd>{money(m.cpa)}</dd>
            </div>
            <div>
              <dt>Win rate</dt>
              <dd>{formatPercent(m.win_rate)}</dd>
            </div>
            <div>
              <dt>Impression share</dt>
              <dd>{formatPercent(m.impression_share)}</dd>
            </div>
            <div>
              <dt>Bids / impressions / clicks</dt>
              <dd>
                {formatNumber(m.bids, undefined, 0)} / {formatNumber(m.impressions, undefined, 0)} / {formatNumber(m.clicks, undefined, 0)}
              </dd>
            </div>
          </dl>
        )}
      </Async>
      {mayWrite && <BudgetForm campaign={campaign} onChange={() => (onChange(), history.reload())} />}
      <h3>Budget allocation over time</h3>
      <Async state={history} isEmpty={(d) => d.items.length === 0} empty="No change has been recorded.">
        {(data) => {
          const points = budgetTimeline(data.items, campaign.daily_budget);
          // newest first, as the API answers them
          const changes = data.items.filter((e) => e.action === 'ALLOCATION' || e.action === 'BUDGET' || e.action === 'STATUS');
          const left = data.pagination.total - data.items.length;
          return (
            <>
              {left > 0 && (
                <p className="muted">
                  The newest {data.items.length} of {data.pagination.total} changes, since {formatDateTime(data.items[data.items.length - 1].occurred_at)}.
                </p>
              )}
              {points.length > 1 ? (
                <Suspense fallback={<Loading label="Drawing…" />}>
                  <AllocationChart points={points} format={(v) => money(v)} />
                </Suspense>
              ) : (
                <p className="empty">The allocator has not moved this campaign's budget yet.</p>
              )}
              <table aria-label="Budget and status changes">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Change</th>
                    <th scope="col">By</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((e, i) => (
                    <tr key={i}>
                      <td>{formatDateTime(e.occurred_at)}</td>
                      <td>{e.detail}</td>
                      <td>{e.actor}</td>
                      <td>{e.reason ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Async>
    </section>
  );
}

function BudgetForm({ campaign, onChange }: { campaign: AdCampaign; onChange: () => void }) {
  const [daily, setDaily] = useState(String(campaign.daily_budget));
  const [total, setTotal] = useState(String(campaign.total_budget));
  const [reason, setReason] = useState('');
  const save = useAction(() => api<AdCampaign>(`${BASE}/${campaign.id}/budget`, { method: 'PUT', body: JSON.stringify({ daily_budget: daily, total_budget: total, reason }) }));
  return (
    <form
      className="row"
      aria-label="Budget"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await save.run()) {
          setReason('');
          onChange();
        }
      }}
    >
      <label>
        Daily budget ({campaign.currency})
        <input type="number" min="0.01" step="0.01" required value={daily} onChange={(e) => setDaily(e.target.value)} />
      </label>
      <label>
        Total budget ({campaign.currency})
        <input type="number" min="0.01" step="0.01" required value={total} onChange={(e) => setTotal(e.target.value)} />
      </label>
      <label>
        Reason
        <input required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={save.running}>
        {save.running ? 'Saving…' : 'Change budget'}
      </button>
      <Problem error={save.error} />
    </form>
  );
}
