import { lazy, Suspense, useState } from 'react';
import { post, query, type Page } from '../api/client';
import type { SimulationRun, SimulationSource } from '../api/types';
import { Pager } from '../components/controls';
import { Async, Loading, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime, formatNumber, formatPercent } from '../format';
import { ratioLabel } from './adSimulation';

const BarChart = lazy(() => import('../components/BarChart'));

const BASE = '/api/v1/ads/simulations';
const POLICIES = [
  { name: 'lin', label: 'Linear bidding (b0 tuned on the first half)' },
  { name: 'rlb', label: 'RLB (bids from the budget MDP)' },
];
const RATIOS = [
  { value: 1 / 64, label: '1/64' },
  { value: 1 / 32, label: '1/32' },
  { value: 1 / 16, label: '1/16' },
  { value: 1 / 8, label: '1/8' },
  { value: 1 / 4, label: '1/4' },
  { value: 1 / 2, label: '1/2' },
];
const PARTS: Record<string, string> = { first: 'First half', second: 'Second half (held out)', whole: 'Whole log' };
const active = (run: SimulationRun) => run.status === 'QUEUED' || run.status === 'RUNNING';

/** Replays logged auctions against the bidding policies under one budget and compares what each would have won. */
export default function AdSimulatorSection({ mayWrite }: { mayWrite: boolean }) {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string>();
  const [polling, setPolling] = useState(false);
  const runs = useApi<Page<SimulationRun>>(`${BASE}${query({ page, limit: 10 })}`, polling ? 2000 : undefined);
  const anyActive = runs.data?.items.some(active) ?? false;
  if (anyActive !== polling) {
    setPolling(anyActive);
  }
  // a run just started shows once the list has it, never another run's results in the meantime
  const shown = selected ? runs.data?.items.find((r) => r.id === selected) : runs.data?.items[0];
  return (
    <section aria-labelledby="simulator-heading">
      <h2 id="simulator-heading">Bidding simulator</h2>
      <p className="muted">
        Replays logged second-price auctions in episodes, each with the same budget, and counts what every policy wins.
        Linear bidding is tuned on the log's first half only; compare the policies on the held-out second half.
      </p>
      {mayWrite && (
        <SimulationForm
          onStarted={(run) => {
            setSelected(run.id);
            setPage(1);
            runs.reload();
          }}
        />
      )}
      <Async state={runs} isEmpty={(d) => d.items.length === 0} empty="No simulation has been run yet.">
        {(data) => (
          <>
            <table aria-label="Simulation runs">
              <thead>
                <tr>
                  <th scope="col">Requested</th>
                  <th scope="col">Source</th>
                  <th scope="col">Policies</th>
                  <th scope="col">Episode</th>
                  <th scope="col">Budget ratio</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id} className={r.id === shown?.id ? 'active' : undefined}>
                    <td>
                      <button type="button" className="link" aria-pressed={r.id === shown?.id} onClick={() => setSelected(r.id)}>
                        {formatDateTime(r.requested_at)}
                      </button>
                    </td>
                    <td>{r.source}</td>
                    <td>{r.policies.join(', ')}</td>
                    <td>{formatNumber(r.episode_auctions, undefined, 0)} auctions</td>
                    <td>{ratioLabel(r.budget_ratio)}</td>
                    <td>
                      <StatusBadge value={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pages={data.pagination.total_pages} total={data.pagination.total} onPage={setPage} />
            {shown && <RunResults run={shown} />}
          </>
        )}
      </Async>
    </section>
  );
}

function SimulationForm({ onStarted }: { onStarted: (run: SimulationRun) => void }) {
  const sources = useApi<SimulationSource[]>(`${BASE}/sources`);
  const [source, setSource] = useState('');
  const [policies, setPolicies] = useState<string[]>(POLICIES.map((p) => p.name));
  const [episode, setEpisode] = useState('1000');
  const [ratio, setRatio] = useState(String(1 / 32));
  const [seed, setSeed] = useState('42');
  const start = useAction(() =>
    post<SimulationRun>(BASE, {
      source: source || sources.data?.[0]?.name,
      policies,
      episode_auctions: Number(episode),
      budget_ratio: Number(ratio),
      seed: Number(seed),
    }),
  );
  return (
    <form
      aria-label="New simulation"
      onSubmit={async (e) => {
        e.preventDefault();
        const run = await start.run();
        if (run) {
          onStarted(run);
        }
      }}
    >
      <div className="row">
        <label>
          Auction log
          <select value={source || sources.data?.[0]?.name || ''} onChange={(e) => setSource(e.target.value)} required>
            {(sources.data ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({formatNumber(s.auctions, undefined, 0)} auctions)
              </option>
            ))}
          </select>
        </label>
        <label>
          Auctions per episode
          <input type="number" min="100" max="100000" step="100" required value={episode} onChange={(e) => setEpisode(e.target.value)} />
        </label>
        <label>
          Budget ratio (c0)
          <select value={ratio} onChange={(e) => setRatio(e.target.value)}>
            {RATIOS.map((r) => (
              <option key={r.label} value={String(r.value)}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed
          <input type="number" min="0" step="1" required value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
      </div>
      <p className="muted">{sources.data?.find((s) => s.name === (source || sources.data?.[0]?.name))?.description}</p>
      <fieldset className="row">
        <legend>Policies</legend>
        {POLICIES.map((p) => (
          <label key={p.name} className="inline">
            <input
              type="checkbox"
              checked={policies.includes(p.name)}
              onChange={(e) => setPolicies(e.target.checked ? [...policies, p.name] : policies.filter((n) => n !== p.name))}
            />
            {p.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={start.running || policies.length === 0 || !sources.data?.length}>
        {start.running ? 'Starting…' : 'Run simulation'}
      </button>
      <Problem error={start.error ?? sources.error} />
    </form>
  );
}

function RunResults({ run }: { run: SimulationRun }) {
  if (active(run)) {
    return <Loading label={run.status === 'QUEUED' ? 'Waiting for the simulator…' : 'Replaying the auctions…'} />;
  }
  if (run.status === 'FAILED') {
    return <Problem error={new Error(run.failure ?? 'The simulation failed.')} />;
  }
  const heldOut = run.results.filter((r) => r.part === 'second');
  return (
    <div aria-label="Simulation results" role="group">
      <h3>
        Results of {formatDateTime(run.requested_at)} (seed {run.seed}): budget {formatNumber(run.budget_per_episode, undefined, 0)} per
        episode of {formatNumber(run.episode_auctions, undefined, 0)} auctions
      </h3>
      <table aria-label="Results by policy">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Part of the log</th>
            <th scope="col">Auctions</th>
            <th scope="col">Impressions</th>
            <th scope="col">Clicks</th>
            <th scope="col">Cost</th>
            <th scope="col">Win rate</th>
            <th scope="col">CPM</th>
            <th scope="col">eCPC</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r) => (
            <tr key={`${r.policy}-${r.part}`}>
              <td>{r.policy}</td>
              <td>{PARTS[r.part] ?? r.part}</td>
              <td>{formatNumber(r.auctions, undefined, 0)}</td>
              <td>{formatNumber(r.impressions, undefined, 0)}</td>
              <td>{formatNumber(r.clicks, undefined, 0)}</td>
              <td>{formatNumber(r.cost, undefined, 0)}</td>
              <td>{formatPercent(r.win_rate)}</td>
              <td>{formatNumber(r.cpm)}</td>
              <td>{formatNumber(r.ecpc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {heldOut.length > 0 && (
        <Suspense fallback={<Loading label="Drawing…" />}>
          <h4>Clicks won on the held-out half</h4>
          <BarChart data={heldOut.map((r) => ({ key: r.policy, value: r.clicks }))} valueLabel="Clicks" format={(v) => formatNumber(v, undefined, 0)} />
        </Suspense>
      )}
    </div>
  );
}
