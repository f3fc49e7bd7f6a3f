import { lazy, Suspense, useMemo, useState } from 'react';
import { query } from '../api/client';
import type { AllocationHistory } from '../api/types';
import { Async, Loading, useApi } from '../components/state';
import { formatDateTime, formatMoney, formatNumber } from '../format';
import { allocationCurrencies, allocationSeries } from './adAllocations';

const AllocationSeriesChart = lazy(() => import('../components/AllocationSeriesChart'));

const WINDOWS = [7, 30, 90];
const DAY_MS = 24 * 60 * 60 * 1000;
const ROUNDS_LISTED = 5;

/**
 * The budget allocator's rounds across all campaigns: each campaign's allocated daily budget over the whole period,
 * and the newest rounds with why. A round every few minutes makes more rounds in a long period than the API lists, so
 * the chart draws the API's series, which covers the period, and the list says when it holds only the newest rounds.
 */
export default function AdAllocationsSection() {
  const [days, setDays] = useState(30);
  // fixed when the window is chosen, so that the path (and with it the request) stays the same between renders
  const from = useMemo(() => new Date(Date.now() - days * DAY_MS).toISOString(), [days]);
  const history = useApi<AllocationHistory>(`/api/v1/ads/allocations${query({ from })}`);
  const [chosen, setChosen] = useState<string>();
  const [showAll, setShowAll] = useState(false);
  return (
    <section aria-labelledby="allocations-heading">
      <h2 id="allocations-heading">Budget allocation across campaigns</h2>
      <label className="inline">
        Period
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {WINDOWS.map((d) => (
            <option key={d} value={d}>
              last {d} days
            </option>
          ))}
        </select>
      </label>
      <Async
        state={history}
        isEmpty={(h) => h.rounds.length === 0 && h.series.campaigns.length === 0}
        empty="The allocator has not moved any budget in this period."
      >
        {(h) => {
          const currencies = allocationCurrencies(h);
          const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];
          const series = allocationSeries(h, currency);
          const money = (v: number | null | undefined) => formatMoney(v, currency);
          const newestFirst = h.rounds.filter((r) => r.currency === currency).reverse();
          const listed = showAll ? newestFirst : newestFirst.slice(0, ROUNDS_LISTED);
          return (
            <>
              {currencies.length > 1 && (
                <label className="inline">
                  Currency
                  <select value={currency} onChange={(e) => setChosen(e.target.value)}>
                    {currencies.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </label>
              )}
              <Suspense fallback={<Loading label="Drawing…" />}>
                <AllocationSeriesChart series={series} format={(v) => money(v)} />
              </Suspense>
              {h.rounds_truncated && (
                <p className="muted">
                  The period had more rounds than the list can hold: it has those since {formatDateTime(h.rounds[0].occurred_at)}. The chart covers the
                  whole period, each campaign&apos;s budget as it stood at the end of every {stepLabel(h.series.step)} in which it changed.
                </p>
              )}
              <table aria-label="Allocation rounds">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">By</th>
                    <th scope="col">Campaign</th>
                    <th scope="col">Daily budget</th>
                    <th scope="col">Sampled score</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.flatMap((round) =>
                    round.changes.map((c, i) => (
                      <tr key={`${round.round_id}-${c.campaign_id}`}>
                        <td>{i === 0 ? formatDateTime(round.occurred_at) : ''}</td>
                        <td>{i === 0 ? round.actor : ''}</td>
                        <td>{c.campaign_name}</td>
                        <td>
                          {c.previous_daily_budget === null ? 'none' : money(c.previous_daily_budget)} → {money(c.allocated_daily_budget)}
                        </td>
                        <td>{formatNumber(c.sampled_score, undefined, 3)}</td>
                        <td>{c.reason}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              {newestFirst.length > ROUNDS_LISTED && (
                <button type="button" className="link" onClick={() => setShowAll(!showAll)}>
                  {showAll ? `Show the newest ${ROUNDS_LISTED} rounds` : `Show all ${newestFirst.length} rounds`}
                </button>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}

/** An ISO 8601 step as the API gives it (PT5M, PT1H, PT24H, PT168H) in words. */
function stepLabel(step: string): string {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(step);
  if (!m) {
    return `step of ${step}`;
  }
  const hours = Number(m[1] ?? 0);
  const minutes = Number(m[2] ?? 0);
  if (hours > 0 && hours % 24 === 0 && minutes === 0) {
    return hours === 24 ? 'day' : `${hours / 24} days`;
  }
  if (hours > 0 && minutes === 0) {
    return hours === 1 ? 'hour' : `${hours} hours`;
  }
  const total = hours * 60 + minutes;
  return total === 1 ? 'minute' : `${total} minutes`;
}
