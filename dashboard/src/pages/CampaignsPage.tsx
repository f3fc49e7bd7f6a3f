import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, post, query, type Page } from '../api/client';
import { ApiError } from '../api/problem';
import type {
  CampaignKpis,
  CampaignTransition,
  Consents,
  Experiment,
  ExperimentResults,
  Journey,
  JourneyDefinition,
  JourneyDryRun,
  MarketingCampaign,
  MessageTemplate,
  Segment,
  SegmentPreview,
  SuppressionEntry,
  TemplatePreview,
  TemplateSummary,
} from '../api/types';
import { ReasonAction, useCan } from '../components/controls';
import { PagedTable, usePaged } from '../components/PagedTable';
import { Async, latestError, Loading, Problem, StatusBadge, useAction, useApi, type Loaded } from '../components/state';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../format';
import { emptyJourney } from './journeyGraph';
import { DEFAULT_CURRENCY, isMoney, ruleOf, SEGMENT_FIELDS, type Condition } from './segmentRules';

// the graph editor is loaded only for the roles that may save journeys
const JourneyBuilder = lazy(() => import('./JourneyBuilder'));

const BASE = '/api/v1/campaigns';
const STATES = ['plan', 'create', 'test', 'launch', 'optimise', 'monitor', 'paused', 'analyse', 'report', 'archive'];

export default function CampaignsPage() {
  const mayWrite = useCan('campaigns.write');
  // the experiments' journey filter and the templates the journeys use go by the page of journeys shown
  const { list: journeys, pager: journeyPager } = usePaged<Journey>({ path: `${BASE}/journeys`, limit: 100 });
  const [draft, setDraft] = useState<{ key: number; definition: JourneyDefinition; journeyId?: string }>({
    key: 0,
    definition: emptyJourney(),
  });
  // both the consent panel and the suppression list change suppressions: each shows the other's changes
  const [suppressions, setSuppressions] = useState(0);
  const suppressionsChanged = () => setSuppressions((n) => n + 1);
  return (
    <>
      <h1>Campaigns</h1>
      <nav aria-label="Campaign sections">
        <ul className="tabs">
          <li>
            <a href="#campaigns-heading">Campaigns</a>
          </li>
          <li>
            <a href="#journeys-heading">Journeys</a>
          </li>
          {mayWrite && (
            <li>
              <a href="#builder-heading">Journey builder</a>
            </li>
          )}
          <li>
            <a href="#segments-heading">Segments</a>
          </li>
          <li>
            <a href="#templates-heading">Templates</a>
          </li>
          <li>
            <a href="#experiments-heading">Experiments</a>
          </li>
          <li>
            <a href="#consent-heading">Consent and suppression</a>
          </li>
          <li>
            <a href="#suppressions-heading">Suppression list</a>
          </li>
        </ul>
      </nav>
      <CampaignList mayWrite={mayWrite} />
      <Journeys
        state={journeys}
        pager={journeyPager}
        mayWrite={mayWrite}
        onEdit={(j) => {
          setDraft((d) => ({ key: d.key + 1, definition: { ...j.definition, name: `${j.definition.name} (copy)` } }));
          document.getElementById('builder-heading')?.scrollIntoView?.();
        }}
        onChange={(j) => {
          setDraft((d) => ({ key: d.key + 1, definition: j.definition, journeyId: j.id }));
          document.getElementById('builder-heading')?.scrollIntoView?.();
        }}
      />
      {mayWrite && (
        <section aria-labelledby="builder-heading">
          <h2 id="builder-heading">Journey builder</h2>
          <p className="muted">
            Each step is a node; drag from a step's lower handle to the step that follows, or choose it in the step's form. Saving checks the
            whole journey and marks the steps at fault.
          </p>
          {draft.journeyId && (
            <p className="row">
              <span>Changing the saved journey “{draft.definition.name}”.</span>
              <button type="button" className="link" onClick={() => setDraft((d) => ({ key: d.key + 1, definition: emptyJourney() }))}>
                Start a new journey instead
              </button>
            </p>
          )}
          <Suspense fallback={<Loading label="Loading the journey builder…" />}>
            <JourneyBuilder
              key={draft.key}
              initial={draft.definition}
              journeyId={draft.journeyId}
              onSaved={(j) => {
                journeys.reload();
                // a new journey, once stored, is the one the builder changes (same key: the builder keeps its state)
                setDraft((d) => (d.journeyId ? d : { ...d, definition: j.definition, journeyId: j.id }));
              }}
            />
          </Suspense>
        </section>
      )}
      <Experiments journeys={journeys.data?.items ?? []} />
      <Segments mayWrite={mayWrite} />
      <Templates journeys={journeys.data?.items ?? []} mayWrite={mayWrite} />
      <Consent mayWrite={mayWrite} version={suppressions} onChanged={suppressionsChanged} />
      <Suppressions mayWrite={mayWrite} version={suppressions} onChanged={suppressionsChanged} />
    </>
  );
}

function CampaignList({ mayWrite }: { mayWrite: boolean }) {
  const [state, setState] = useState('');
  const [moves, setMoves] = useState(0);
  const move = useAction((id: string, target: string, reason: string) =>
    post<MarketingCampaign>(`${BASE}/${id}/transitions`, { target_state: target, reason }),
  );
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">Campaigns</h2>
      <label className="inline">
        State
        <select value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">any</option>
          {STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <Problem error={move.error} />
      <PagedTable<MarketingCampaign>
        label="Marketing campaigns"
        path={BASE}
        params={{ state }}
        version={moves}
        rowKey={(c) => c.id}
        empty="No campaign has been planned yet."
        columns={[
          {
            header: 'Campaign',
            cell: (c) => (
              <>
                <strong>{c.name}</strong>
                <br />
                <small className="muted">{c.goal}</small>
                {/* an open history reads its page again when a move made here reloads the table */}
                <CampaignHistory id={c.id} version={moves} />
                <Results path={`${BASE}/${c.id}/kpis`} subject={c.name} />
              </>
            ),
          },
          { header: 'Channel', cell: (c) => c.channel },
          { header: 'Budget', cell: (c) => (c.budget ? formatMoney(c.budget.amount, c.budget.currency) : '–') },
          { header: 'State', cell: (c) => <StatusBadge value={c.state} /> },
          {
            header: 'Move to',
            cell: (c) =>
              mayWrite ? (
                <div className="actions">
                  {c.allowed_transitions.map((target) => (
                    <ReasonAction
                      key={target}
                      label={target[0].toUpperCase() + target.slice(1)}
                      busy={move.running}
                      onConfirm={async (reason) => {
                        const done = await move.run(c.id, target, reason);
                        if (done) {
                          setMoves((n) => n + 1);
                        }
                        return done;
                      }}
                    />
                  ))}
                </div>
              ) : (
                <span className="muted">{c.allowed_transitions.join(', ') || '–'}</span>
              ),
          },
        ]}
      />
    </section>
  );
}

/** What a campaign's (or a journey's) sends came to, loaded when opened. */
function Results({ path, subject }: { path: string; subject: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Results</summary>
      {open && <ResultsList path={path} subject={subject} />}
    </details>
  );
}

function ResultsList({ path, subject }: { path: string; subject: string }) {
  const kpis = useApi<CampaignKpis>(path);
  return (
    <Async state={kpis}>
      {(k) => (
        <dl className="kpis compact" aria-label={`Results of ${subject}`}>
          <div>
            <dt>Sent / delivered</dt>
            <dd>
              {formatNumber(k.sent, undefined, 0)} / {formatNumber(k.delivered, undefined, 0)}
            </dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>
              {formatNumber(k.opened, undefined, 0)} ({formatPercent(k.rates.open)})
            </dd>
          </div>
          <div>
            <dt>Clicked</dt>
            <dd>
              {formatNumber(k.clicked, undefined, 0)} ({formatPercent(k.rates.click)})
            </dd>
          </div>
          <div>
            <dt>Converted</dt>
            <dd>{formatNumber(k.converted, undefined, 0)}</dd>
          </div>
          <div>
            <dt>Revenue</dt>
            <dd>{k.revenue.length === 0 ? 'none' : k.revenue.map((r) => formatMoney(r.amount, r.currency)).join(' + ')}</dd>
          </div>
          <div>
            <dt>Unsubscribed</dt>
            <dd>{formatNumber(k.unsubscribed, undefined, 0)}</dd>
          </div>
          {k.journey_ids && (
            <div>
              <dt>Journeys</dt>
              <dd>{formatNumber(k.journey_ids.length, undefined, 0)}</dd>
            </div>
          )}
        </dl>
      )}
    </Async>
  );
}

function CampaignHistory({ id, version }: { id: string; version: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open && <CampaignHistoryList id={id} version={version} />}
    </details>
  );
}

function CampaignHistoryList({ id, version }: { id: string; version: number }) {
  // oldest first: the latest moves of a long history are on its last page
  const { list: history, pager } = usePaged<CampaignTransition>({ path: `${BASE}/${id}/history`, limit: 50, version });
  return (
    <Async state={history} isEmpty={(d) => d.items.length === 0}>
      {(data) => (
        <>
          <ol className="timeline" start={(data.pagination.page - 1) * data.pagination.limit + 1}>
            {data.items.map((t, i) => (
              <li key={i}>
                {t.from_state ?? 'new'} → {t.to_state} by {t.actor}: {t.reason} · {formatDateTime(t.occurred_at)}
              </li>
            ))}
          </ol>
          {pager}
        </>
      )}
    </Async>
  );
}

function Journeys({
  state,
  pager,
  mayWrite,
  onEdit,
  onChange,
}: {
  state: Loaded<Page<Journey>>;
  pager: ReactNode;
  mayWrite: boolean;
  onEdit: (j: Journey) => void;
  onChange: (j: Journey) => void;
}) {
  const toggle = useAction((j: Journey) => post<Journey>(`${BASE}/journeys/${j.id}/${j.active ? 'deactivate' : 'activate'}`));
  const [tried, setTried] = useState<Journey>();
  return (
    <section aria-labelledby="journeys-heading">
      <h2 id="journeys-heading">Journeys</h2>
      <Problem error={toggle.error} />
      <Async state={state} isEmpty={(d) => d.items.length === 0} empty="No journey has been saved yet.">
        {(data) => (
          <table aria-labelledby="journeys-heading">
            <thead>
              <tr>
                <th scope="col">Journey</th>
                <th scope="col">Trigger</th>
                <th scope="col">Steps</th>
                <th scope="col">Status</th>
                {mayWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {data.items.map((j) => (
                <tr key={j.id}>
                  <td>
                    <strong>{j.name}</strong>
                    {j.definition.description && (
                      <>
                        <br />
                        <small className="muted">{j.definition.description}</small>
                      </>
                    )}
                    <Results path={`${BASE}/journeys/${j.id}/kpis`} subject={j.name} />
                  </td>
                  <td>
                    {j.definition.trigger?.type === 'event' ? j.definition.trigger.event : j.definition.trigger?.type}
                  </td>
                  <td>{formatNumber(j.definition.steps.length, undefined, 0)}</td>
                  <td>
                    <StatusBadge value={j.active ? 'active' : 'inactive'} />
                    {j.activated_at && <small className="muted"> since {formatDateTime(j.activated_at)}</small>}
                  </td>
                  {mayWrite && (
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="secondary"
                          disabled={toggle.running}
                          onClick={async () => {
                            if (await toggle.run(j)) {
                              state.reload();
                            }
                          }}
                        >
                          {j.active ? `Deactivate ${j.name}` : `Activate ${j.name}`}
                        </button>
                        <button type="button" className="link" onClick={() => onEdit(j)}>
                          Copy into the builder
                        </button>
                        {/* the agent keeps the steps of a journey that has ever run: only a never-activated one changes */}
                        {!j.active && !j.activated_at && (
                          <button type="button" className="link" onClick={() => onChange(j)}>
                            Change {j.name}
                          </button>
                        )}
                        <button type="button" className="link" onClick={() => setTried(j)}>
                          Dry run {j.name}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {pager}
      {tried && <DryRun key={tried.id} journey={tried} onClose={() => setTried(undefined)} />}
    </section>
  );
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who would enter a journey now and which steps each would take; enrols nobody and sends nothing. */
function DryRun({ journey, onClose }: { journey: Journey; onClose: () => void }) {
  const [customers, setCustomers] = useState('');
  const [cartValue, setCartValue] = useState('');
  const [cartCurrency, setCartCurrency] = useState(DEFAULT_CURRENCY);
  const [result, setResult] = useState<JourneyDryRun>();
  const byEvent = journey.definition.trigger?.type === 'event';
  const run = useAction(() => {
    const ids = [...new Set(customers.split(/[\s,]+/).map((c) => c.trim().toLowerCase()).filter(Boolean))];
    return post<JourneyDryRun>(`${BASE}/journeys/${journey.id}/dry-run`, {
      customer_ids: ids.length ? ids : undefined,
      // a condition on the cart's value compares it only when the cart is in the condition's currency
      context: cartValue.trim() ? { cart_value: cartValue.trim(), currency: cartCurrency.trim().toUpperCase() } : undefined,
    });
  });
  const invalid = customers
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((c) => !UUID_PATTERN.test(c.trim()));
  return (
    <div className="card" role="region" aria-label={`Dry run of ${journey.name}`}>
      <div className="row">
        <h3>Dry run of {journey.name}</h3>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        {byEvent
          ? `An event starts this journey (${journey.definition.trigger?.event}): name the customers to try, and what their cart would hold.`
          : 'Without customers named, the members of the trigger segment are tried.'}{' '}
        Waits are passed as if their time ran out.
      </p>
      <form
        className="filters"
        aria-label="Dry run"
        onSubmit={async (e) => {
          e.preventDefault();
          const answer = await run.run();
          if (answer) {
            setResult(answer);
          }
        }}
      >
        <label>
          Customer ids (comma-separated{byEvent ? '' : ', optional'})
          <input value={customers} size={50} required={byEvent} onChange={(e) => setCustomers(e.target.value)} />
        </label>
        {byEvent && (
          <label>
            Cart value
            <input value={cartValue} inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,2})?" onChange={(e) => setCartValue(e.target.value)} />
          </label>
        )}
        {byEvent && (
          <label>
            Cart currency
            <input value={cartCurrency} size={4} maxLength={3} pattern="[A-Za-z]{3}" onChange={(e) => setCartCurrency(e.target.value)} />
          </label>
        )}
        <button type="submit" disabled={run.running || invalid}>
          {run.running ? 'Trying…' : 'Try it'}
        </button>
      </form>
      {invalid && <p className="muted">Customer ids are UUIDs.</p>}
      <Problem error={run.error} />
      {result && (
        <>
          <p role="status">
            {formatNumber(result.customers.filter((c) => c.enters).length, undefined, 0)} of {formatNumber(result.customers.length, undefined, 0)} tried
            would enter ({formatNumber(result.candidates, undefined, 0)} candidates in all).
          </p>
          {result.customers.length === 0 ? (
            <p className="empty">Nobody is a candidate: the trigger segment has no members.</p>
          ) : (
            <table aria-label="Dry-run paths">
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Enters</th>
                  <th scope="col">Steps</th>
                </tr>
              </thead>
              <tbody>
                {result.customers.map((c) => (
                  <tr key={c.customer_id}>
                    <td className="mono">{c.customer_id}</td>
                    <td>{c.enters ? 'yes' : `no: ${c.reason}`}</td>
                    <td>
                      {c.steps.length > 0 && (
                        <ol className="timeline">
                          {c.steps.map((s, i) => (
                            <li key={`${s.step_id}-${i}`}>
                              <strong>{s.step_id}</strong> ({s.type}): {s.outcome}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function Segments({ mayWrite }: { mayWrite: boolean }) {
  const { list: segments, pager } = usePaged<Segment>({ path: `${BASE}/segments`, limit: 50 });
  const [sizes, setSizes] = useState<Record<string, SegmentPreview>>({});
  const preview = useAction((id: string) => api<SegmentPreview>(`${BASE}/segments/${id}/preview${query({ sample_size: 0 })}`));
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading">Segments</h2>
      <Problem error={preview.error} />
      <Async state={segments} isEmpty={(d) => d.items.length === 0} empty="No segment has been saved yet.">
        {(data) => (
          <table aria-labelledby="segments-heading">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Rule</th>
                <th scope="col">Customers now</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.name}</strong>
                    <br />
                    <small className="mono muted">{s.id}</small>
                  </td>
                  <td className="mono">{JSON.stringify(s.rules)}</td>
                  <td>
                    {sizes[s.id] ? (
                      formatNumber(sizes[s.id].count, undefined, 0)
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        disabled={preview.running}
                        onClick={async () => {
                          const size = await preview.run(s.id);
                          if (size) {
                            setSizes((all) => ({ ...all, [s.id]: size }));
                          }
                        }}
                      >
                        Count {s.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {pager}
      {mayWrite && <SegmentBuilder onSaved={segments.reload} />}
    </section>
  );
}

function SegmentBuilder({ onSaved }: { onSaved: () => void }) {
  const [conditions, setConditions] = useState<Condition[]>([{ field: 'total_spent', op: 'gt', value: '', currency: DEFAULT_CURRENCY }]);
  const [combine, setCombine] = useState<'and' | 'or'>('and');
  const [name, setName] = useState('');
  const [size, setSize] = useState<SegmentPreview>();
  const [saved, setSaved] = useState<Segment>();
  const rules = ruleOf(conditions, combine);
  const preview = useAction(() => post<SegmentPreview>(`${BASE}/segments/preview`, { rules, sample_size: 5 }));
  const save = useAction(() => post<Segment>(`${BASE}/segments`, { name: name.trim(), rules }));
  const change = (i: number, patch: Partial<Condition>) => {
    setConditions((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    setSize(undefined);
  };
  return (
    <details className="card">
      <summary>Build a segment</summary>
      <fieldset>
        <legend>Customers who match</legend>
        <label className="inline">
          Combine
          <select value={combine} onChange={(e) => (setCombine(e.target.value as 'and' | 'or'), setSize(undefined))}>
            <option value="and">all conditions</option>
            <option value="or">any condition</option>
          </select>
        </label>
        {conditions.map((c, i) => (
          <div className="row" key={i}>
            <label>
              Field {i + 1}
              <select
                value={c.field}
                onChange={(e) => change(i, { field: e.target.value, op: SEGMENT_FIELDS[e.target.value].ops[0], currency: c.currency ?? DEFAULT_CURRENCY })}
              >
                {Object.keys(SEGMENT_FIELDS).map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </label>
            <label>
              Operator {i + 1}
              <select value={c.op} onChange={(e) => change(i, { op: e.target.value })}>
                {SEGMENT_FIELDS[c.field].ops.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </label>
            <label>
              Value {i + 1}
              <input
                value={c.value}
                list={SEGMENT_FIELDS[c.field].values ? `segment-values-${c.field}` : undefined}
                placeholder={c.op === 'between' || c.op === 'in' ? 'a, b' : SEGMENT_FIELDS[c.field].type === 'timestamp' ? '2026-01-01T00:00:00Z' : ''}
                onChange={(e) => change(i, { value: e.target.value })}
              />
            </label>
            {isMoney(c.field) && (
              <label>
                Currency {i + 1}
                <input value={c.currency ?? ''} size={4} maxLength={3} placeholder={DEFAULT_CURRENCY} onChange={(e) => change(i, { currency: e.target.value })} />
              </label>
            )}
            {SEGMENT_FIELDS[c.field].values && (
              <datalist id={`segment-values-${c.field}`}>
                {SEGMENT_FIELDS[c.field].values!.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            )}
            {conditions.length > 1 && (
              <button type="button" className="link" onClick={() => (setConditions((all) => all.filter((_, j) => j !== i)), setSize(undefined))}>
                Remove condition {i + 1}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setConditions((all) => [...all, { field: 'country', op: 'eq', value: '' }])}>
          Add condition
        </button>
      </fieldset>
      <pre className="mono">{JSON.stringify(rules)}</pre>
      <div className="row">
        <button type="button" disabled={preview.running} onClick={async () => setSize(await preview.run())}>
          {preview.running ? 'Counting…' : 'Preview size'}
        </button>
        {size && (
          <span role="status">
            {formatNumber(size.count, undefined, 0)} customers match now
            {size.sample_customer_ids.length > 0 && <small className="muted mono"> (e.g. {size.sample_customer_ids.join(', ')})</small>}
          </span>
        )}
      </div>
      <Problem error={preview.error} />
      <div className="row">
        <label>
          Segment name
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={save.running || name.trim() === ''}
          onClick={async () => {
            const segment = await save.run();
            if (segment) {
              setSaved(segment);
              onSaved();
            }
          }}
        >
          {save.running ? 'Saving…' : 'Save segment'}
        </button>
        {saved && <span role="status">Saved segment “{saved.name}”.</span>}
      </div>
      <Problem error={save.error} />
    </details>
  );
}

const TEMPLATE_CHANNELS = ['email', 'sms', 'push', 'webhook'];

function Templates({ journeys, mayWrite }: { journeys: Journey[]; mayWrite: boolean }) {
  // the templates the journeys name are offered first: one a journey uses may not be written yet
  const used = [
    ...new Map(
      journeys
        .flatMap((j) => j.definition.steps)
        .filter((s) => s.template && TEMPLATE_CHANNELS.includes(s.type))
        .map((s) => [`${s.type}/${s.template}`, { channel: s.type, id: s.template! }]),
    ).values(),
  ];
  const [channel, setChannel] = useState('email');
  const [templateId, setTemplateId] = useState('');
  const [shown, setShown] = useState<{ channel: string; id: string }>();
  const [listChannel, setListChannel] = useState('');
  const [saves, setSaves] = useState(0);
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">Templates</h2>
      <label className="inline">
        Channel
        <select aria-label="List channel" value={listChannel} onChange={(e) => setListChannel(e.target.value)}>
          <option value="">any</option>
          {TEMPLATE_CHANNELS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <PagedTable<TemplateSummary>
        key={saves}
        label="Stored templates"
        path={`${BASE}/templates`}
        params={{ channel: listChannel }}
        rowKey={(t) => `${t.channel}/${t.template_id}`}
        empty={listChannel ? `No ${listChannel} template is stored yet.` : 'No template is stored yet.'}
        columns={[
          {
            header: 'Template',
            cell: (t) => (
              <button type="button" className="link" onClick={() => setShown({ channel: t.channel, id: t.template_id })}>
                {t.channel}/{t.template_id}
              </button>
            ),
          },
          { header: 'Subject', cell: (t) => t.subject ?? '–' },
          { header: 'Last changed', cell: (t) => `${formatDateTime(t.updated_at)} by ${t.updated_by}` },
        ]}
      />
      {used.length > 0 && (
        <p>
          Used by journeys:{' '}
          {used.map((t) => (
            <button key={`${t.channel}/${t.id}`} type="button" className="link chip" onClick={() => setShown(t)}>
              {t.channel}/{t.id}
            </button>
          ))}
        </p>
      )}
      <form className="filters" aria-label="Open a template" onSubmit={(e) => (e.preventDefault(), templateId.trim() && setShown({ channel, id: templateId.trim() }))}>
        <label>
          Channel
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            {TEMPLATE_CHANNELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Template id
          <input value={templateId} pattern="[A-Za-z0-9_.\-]{1,100}" onChange={(e) => setTemplateId(e.target.value)} />
        </label>
        <button type="submit">Open</button>
      </form>
      {shown && (
        <TemplateView
          key={`${shown.channel}/${shown.id}`}
          channel={shown.channel}
          id={shown.id}
          mayWrite={mayWrite}
          onSaved={() => setSaves((n) => n + 1)}
        />
      )}
    </section>
  );
}

function TemplateView({ channel, id, mayWrite, onSaved }: { channel: string; id: string; mayWrite: boolean; onSaved: () => void }) {
  const path = `${BASE}/templates/${encodeURIComponent(channel)}/${encodeURIComponent(id)}`;
  const template = useApi<MessageTemplate>(path);
  const [subject, setSubject] = useState<string>();
  const [body, setBody] = useState<string>();
  // what the form shows: the stored text until the user edits it
  const current = { subject: subject ?? template.data?.subject ?? '', body: body ?? template.data?.body ?? '' };
  const missing = template.error instanceof ApiError && template.error.status === 404;
  // a save replaces the whole template, so it sends the subject and body shown, edited or not, and only over the
  // version they were read from: a colleague's save meanwhile is refused (412), not silently replaced
  const save = useAction(() =>
    api<MessageTemplate>(path, {
      method: 'PUT',
      headers: template.data ? { 'If-Match': `"${template.data.version}"` } : { 'If-None-Match': '*' },
      body: JSON.stringify({ subject: current.subject || undefined, body: current.body }),
    }),
  );
  const changedMeanwhile = save.error instanceof ApiError && save.error.status === 412;
  const reloadTheirs = () => {
    setSubject(undefined);
    setBody(undefined);
    save.clearError();
    template.reload();
  };
  if (template.loading && !template.data) {
    return <Loading />;
  }
  if (!template.data && !missing) {
    return <Problem error={template.error} onRetry={template.reload} />;
  }
  return (
    <div className="card">
      <h3>
        {channel}/{id}
      </h3>
      {missing && <p className="empty">There is no such template yet{mayWrite ? '; saving creates it.' : '.'}</p>}
      {template.data && (
        <p className="muted">
          Last changed by {template.data.updated_by} · {formatDateTime(template.data.updated_at)}
        </p>
      )}
      <div className="two">
        <div>
          <label>
            Subject
            <input value={current.subject} readOnly={!mayWrite} maxLength={500} onChange={(e) => setSubject(e.target.value)} />
          </label>
          <label>
            Body (Mustache)
            <textarea className="mono" rows={12} readOnly={!mayWrite} value={current.body} onChange={(e) => setBody(e.target.value)} />
          </label>
          {mayWrite && (
            <button
              type="button"
              disabled={save.running || current.body.trim() === ''}
              onClick={async () => {
                if (await save.run()) {
                  template.reload();
                  onSaved();
                }
              }}
            >
              {save.running ? 'Saving…' : 'Save template'}
            </button>
          )}
          {changedMeanwhile ? (
            <div role="alert" className="problem">
              <strong>Someone else changed this template since you opened it.</strong> Your changes were not saved. Reload
              to see theirs (your edits here are replaced), then make your changes again.{' '}
              <button type="button" className="link" onClick={reloadTheirs}>
                Reload the template
              </button>
            </div>
          ) : (
            <Problem error={save.error} />
          )}
        </div>
        <div>
          <h4>Preview of the stored body</h4>
          <p className="muted">Variables in {'{{ }}'} are filled in for each send.</p>
          {channel === 'email' ? (
            // sandboxed: a template's HTML runs no script and reaches nothing of the dashboard
            <iframe className="preview-frame" title={`Preview of ${channel}/${id}`} sandbox="" srcDoc={current.body} />
          ) : (
            <pre>{current.body}</pre>
          )}
        </div>
      </div>
      {template.data && <TemplatePreviewForm channel={channel} id={id} />}
    </div>
  );
}

/** The stored template rendered as a send would render it, for a customer and with a step's variables. */
function TemplatePreviewForm({ channel, id }: { channel: string; id: string }) {
  const [customer, setCustomer] = useState('');
  const [variables, setVariables] = useState('{}');
  const [rendered, setRendered] = useState<TemplatePreview>();
  const parsed = parseVariables(variables);
  const render = useAction(() =>
    post<TemplatePreview>(`${BASE}/templates/${encodeURIComponent(channel)}/${encodeURIComponent(id)}/preview`, {
      customer_id: customer.trim() || undefined,
      variables: parsed ?? {},
    }),
  );
  return (
    <div>
      <h4>Preview for a customer</h4>
      <form
        className="filters"
        aria-label="Preview for a customer"
        onSubmit={async (e) => {
          e.preventDefault();
          const answer = await render.run();
          if (answer) {
            setRendered(answer);
          }
        }}
      >
        <label>
          Customer id (optional)
          <input value={customer} size={38} pattern="[0-9a-fA-F\-]{36}" onChange={(e) => setCustomer(e.target.value)} />
        </label>
        <label>
          Variables (JSON)
          <input className="mono" value={variables} size={40} onChange={(e) => setVariables(e.target.value)} />
        </label>
        <button type="submit" disabled={render.running || parsed === undefined}>
          {render.running ? 'Rendering…' : 'Render'}
        </button>
      </form>
      {parsed === undefined && <p className="muted">Variables are a JSON object, such as {'{"discount": "10%"}'}.</p>}
      <Problem error={render.error} />
      {rendered && (
        <div className="card" role="region" aria-label="Rendered template">
          {rendered.subject !== null && (
            <p>
              <strong>Subject:</strong> {rendered.subject}
            </p>
          )}
          {rendered.channel === 'email' ? (
            <iframe className="preview-frame" title={`Rendered ${channel}/${id}`} sandbox="" srcDoc={rendered.body} />
          ) : (
            <pre>{rendered.body}</pre>
          )}
        </div>
      )}
    </div>
  );
}

/** A JSON object of variables, or undefined when the text is not one. */
export function parseVariables(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.trim() || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const CHANNELS = ['email', 'sms', 'push'];

/** One customer's consents and suppressions; `version` is bumped whenever a suppression changed anywhere on the page. */
function Consent({ mayWrite, version, onChanged }: { mayWrite: boolean; version: number; onChanged: () => void }) {
  const [input, setInput] = useState('');
  const [customer, setCustomer] = useState<string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent and suppression</h2>
      <form className="filters" aria-label="Customer" onSubmit={(e) => (e.preventDefault(), uuid.test(input.trim()) && setCustomer(input.trim().toLowerCase()))}>
        <label>
          Customer id
          <input value={input} size={38} pattern="[0-9a-fA-F\-]{36}" onChange={(e) => setInput(e.target.value)} />
        </label>
        <button type="submit">Look up</button>
      </form>
      {!customer ? (
        <p className="empty">Look up a customer to see their consent per channel and any suppression.</p>
      ) : (
        // another customer starts afresh: nothing of the one before is shown, or lifted, while theirs loads
        <CustomerConsent key={customer} customer={customer} mayWrite={mayWrite} version={version} onChanged={onChanged} />
      )}
    </section>
  );
}

function CustomerConsent({
  customer,
  mayWrite,
  version,
  onChanged,
}: {
  customer: string;
  mayWrite: boolean;
  version: number;
  onChanged: () => void;
}) {
  const consents = useApi<Consents>(`${BASE}/consents/${customer}`);
  const [channel, setChannel] = useState('all');
  const suppress = useAction((reason: string) =>
    api<Consents>(`${BASE}/consents/${customer}/suppressions/${channel}`, { method: 'PUT', body: JSON.stringify({ reason }) }),
  );
  // true once lifted: the DELETE answers no body, and a failed one answers undefined
  const lift = useAction((c: string) => api<void>(`${BASE}/consents/${customer}/suppressions/${c}`, { method: 'DELETE' }).then(() => true));
  const shownVersion = useRef(version);
  const { reload } = consents;
  useEffect(() => {
    if (shownVersion.current !== version) {
      shownVersion.current = version;
      reload();
    }
  }, [version, reload]);
  return (
    <Async state={consents}>
      {(data) => (
        <>
          <table aria-label="Consent by channel">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Consent</th>
                <th scope="col">May be contacted now</th>
              </tr>
            </thead>
            <tbody>
              {CHANNELS.map((c) => {
                const consent = data.consents.find((x) => x.channel === c);
                const contact = data.contact.find((x) => x.channel === c);
                return (
                  <tr key={c}>
                    <td>{c}</td>
                    <td>
                      {consent ? (
                        <>
                          {consent.granted ? 'granted' : 'withdrawn'}{' '}
                          <small className="muted">
                            ({consent.source}, {formatDateTime(consent.recorded_at)})
                          </small>
                        </>
                      ) : (
                        'not given'
                      )}
                    </td>
                    <td>
                      {contact ? (
                        <>
                          <StatusBadge value={contact.allowed ? 'ok' : 'blocked'} /> {contact.reason}
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>Suppressions</h3>
          <Problem error={latestError(suppress, lift)} />
          {data.suppressions.length === 0 ? (
            <p className="empty">No channel is suppressed for this customer.</p>
          ) : (
            <ul className="list">
              {data.suppressions.map((s) => (
                <li key={s.channel}>
                  <strong>{s.channel}</strong>: {s.reason} · by {s.suppressed_by} · {formatDateTime(s.suppressed_at)}{' '}
                  {mayWrite && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={lift.running}
                      onClick={async () => {
                        if (await lift.run(s.channel)) {
                          onChanged();
                        }
                      }}
                    >
                      Lift {s.channel} suppression
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {mayWrite && (
            <div className="row">
              <label>
                Suppress channel
                <select value={channel} onChange={(e) => setChannel(e.target.value)}>
                  {[...CHANNELS, 'all'].map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
              <ReasonAction
                label="Suppress"
                hint={
                  <>
                    The customer reads this reason in the shop, as “paused by the store: …”. Write it for them, not
                    for the team.
                  </>
                }
                busy={suppress.running}
                onConfirm={async (reason) => {
                  const done = await suppress.run(reason);
                  if (done) {
                    onChanged();
                  }
                  return done;
                }}
              />
            </div>
          )}
        </>
      )}
    </Async>
  );
}

/** Every suppression, newest first; set per customer above. `version` is bumped whenever a suppression changed on the page. */
function Suppressions({ mayWrite, version, onChanged }: { mayWrite: boolean; version: number; onChanged: () => void }) {
  const [channel, setChannel] = useState('');
  // true once lifted: the DELETE answers no body, and a failed one answers undefined
  const lift = useAction((s: SuppressionEntry) =>
    api<void>(`${BASE}/consents/${s.customer_id}/suppressions/${s.channel}`, { method: 'DELETE' }).then(() => true),
  );
  return (
    <section aria-labelledby="suppressions-heading">
      <h2 id="suppressions-heading">Suppression list</h2>
      <label className="inline">
        Channel
        <select aria-label="Suppressed channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="">any</option>
          {[...CHANNELS, 'all'].map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <Problem error={lift.error} />
      <PagedTable<SuppressionEntry>
        key={version}
        label="Suppressions"
        path={`${BASE}/suppressions`}
        params={{ channel }}
        rowKey={(s) => `${s.customer_id}/${s.channel}`}
        empty={channel ? `No customer is suppressed on ${channel}.` : 'No customer is suppressed.'}
        columns={[
          {
            header: 'Customer',
            cell: (s) => (
              <>
                {s.email ?? s.customer_number ?? 'unknown'}
                <br />
                <small className="mono muted">{s.customer_id}</small>
              </>
            ),
          },
          { header: 'Channel', cell: (s) => s.channel },
          { header: 'Reason', cell: (s) => s.reason },
          { header: 'Suppressed', cell: (s) => `${formatDateTime(s.suppressed_at)} by ${s.suppressed_by}` },
          ...(mayWrite
            ? [
                {
                  header: 'Actions',
                  cell: (s: SuppressionEntry) => (
                    <button
                      type="button"
                      className="secondary"
                      disabled={lift.running}
                      onClick={async () => {
                        // the list changes only when the suppression was lifted; otherwise the problem shows above it
                        if (await lift.run(s)) {
                          onChanged();
                        }
                      }}
                    >
                      Lift {s.channel} for {s.email ?? s.customer_id}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

function formatShare(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value * 100, undefined, digits)}%`;
}

function formatP(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatNumber(value, undefined, 4);
}

/** A/B experiments on journeys' send steps: the list, then one's arms, effects and decision. */
function Experiments({ journeys }: { journeys: Journey[] }) {
  const [journeyId, setJourneyId] = useState('');
  const [shown, setShown] = useState<Experiment>();
  const names = new Map(journeys.map((j) => [j.id, j.name]));
  return (
    <section aria-labelledby="experiments-heading">
      <h2 id="experiments-heading">Experiments</h2>
      <label className="inline">
        Journey
        <select value={journeyId} onChange={(e) => setJourneyId(e.target.value)}>
          <option value="">any</option>
          {journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </label>
      <PagedTable<Experiment>
        label="Experiments"
        path={`${BASE}/experiments`}
        params={{ journey_id: journeyId }}
        rowKey={(e) => e.id}
        empty="No experiment has been set up yet."
        columns={[
          {
            header: 'Experiment',
            cell: (e) => (
              <button type="button" className="link" onClick={() => setShown(e)}>
                {e.name}
              </button>
            ),
          },
          { header: 'Journey', cell: (e) => names.get(e.journey_id) ?? e.journey_id },
          { header: 'Arms', cell: (e) => [e.control_step, ...e.treatment_steps].join(' vs ') },
          { header: 'Metric', cell: (e) => e.metric },
          { header: 'Created', cell: (e) => formatDateTime(e.created_at) },
        ]}
      />
      {shown && <ExperimentDetail key={shown.id} experiment={shown} />}
    </section>
  );
}

function ExperimentDetail({ experiment }: { experiment: Experiment }) {
  const results = useApi<ExperimentResults>(`${BASE}/experiments/${experiment.id}/results`);
  return (
    <div className="card" role="region" aria-label={`Results of ${experiment.name}`}>
      <h3>{experiment.name}</h3>
      <p className="muted">
        {experiment.metric} · control {experiment.control_step} · α {formatNumber(experiment.alpha, undefined, 2)} · power{' '}
        {formatNumber(experiment.power, undefined, 2)} · smallest effect worth finding {formatShare(experiment.mde)}
      </p>
      <Async state={results}>
        {({ result }) => (
          <>
            <p role="status">
              <StatusBadge value={result.decision} /> {result.winner && <strong>Winner: {result.winner}. </strong>}
              {result.reason}
            </p>
            {result.sample_ratio?.mismatch && (
              <p className="problem">The arms' sizes are off an even split (p {formatP(result.sample_ratio.p_value)}): check the assignment.</p>
            )}
            <table aria-label="Arms">
              <thead>
                <tr>
                  <th scope="col">Arm</th>
                  <th scope="col">Assigned</th>
                  <th scope="col">Units</th>
                  <th scope="col">Mean</th>
                </tr>
              </thead>
              <tbody>
                {result.arms.map((a) => (
                  <tr key={a.label}>
                    <td>{a.label}</td>
                    <td>{formatNumber(a.assigned, undefined, 0)}</td>
                    <td>{formatNumber(a.units, undefined, 0)}</td>
                    <td>{result.metric_type === 'proportion' ? formatShare(a.mean) : formatNumber(a.mean, undefined, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.comparisons.length > 0 && (
              <table aria-label="Treatments against the control">
                <thead>
                  <tr>
                    <th scope="col">Treatment</th>
                    <th scope="col">Effect</th>
                    <th scope="col">95% interval</th>
                    <th scope="col">p-value</th>
                    <th scope="col">Sequential p-value</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {result.comparisons.map((c) => (
                    <tr key={c.treatment}>
                      <td>{c.treatment}</td>
                      <td>{c.difference !== null ? formatShare(c.difference, 2) : formatNumber(c.welch_ci_low + (c.welch_ci_high - c.welch_ci_low) / 2, undefined, 3)}</td>
                      <td>
                        {c.ci_low !== null && c.ci_high !== null
                          ? `${formatShare(c.ci_low, 2)} – ${formatShare(c.ci_high, 2)}`
                          : `${formatNumber(c.welch_ci_low, undefined, 3)} – ${formatNumber(c.welch_ci_high, undefined, 3)}`}
                      </td>
                      <td>{formatP(c.p_value ?? c.welch_p_value)}</td>
                      <td>{formatP(c.always_valid_p_value)}</td>
                      <td>
                        <StatusBadge value={c.decision} /> <small className="muted">{c.reason}</small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Async>
    </div>
  );
}
