import { lazy, Suspense, useState } from 'react';
import { api, post, query, type Page } from '../api/client';
import { ApiError } from '../api/problem';
import type { CampaignTransition, Consents, Journey, JourneyDefinition, MarketingCampaign, MessageTemplate, Segment, SegmentPreview } from '../api/types';
import { Pager, ReasonAction, useCan } from '../components/controls';
import { Async, Loading, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime, formatMoney, formatNumber } from '../format';
import { emptyJourney } from './journeyGraph';
import { ruleOf, SEGMENT_FIELDS, type Condition } from './segmentRules';

// the graph editor is loaded only for the roles that may save journeys
const JourneyBuilder = lazy(() => import('./JourneyBuilder'));

const BASE = '/api/v1/campaigns';
const STATES = ['plan', 'create', 'test', 'launch', 'optimise', 'monitor', 'paused', 'analyse', 'report', 'archive'];

export default function CampaignsPage() {
  const mayWrite = useCan('campaigns.write');
  const journeys = useApi<Page<Journey>>(`${BASE}/journeys${query({ limit: 100 })}`);
  const [draft, setDraft] = useState<{ key: number; definition: JourneyDefinition }>({ key: 0, definition: emptyJourney() });
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
            <a href="#consent-heading">Consent and suppression</a>
          </li>
        </ul>
      </nav>
      <CampaignList mayWrite={mayWrite} />
      <Journeys
        state={journeys}
        mayWrite={mayWrite}
        onEdit={(j) => {
          setDraft((d) => ({ key: d.key + 1, definition: { ...j.definition, name: `${j.definition.name} (copy)` } }));
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
          <Suspense fallback={<Loading label="Loading the journey builder…" />}>
            <JourneyBuilder key={draft.key} initial={draft.definition} onSaved={() => journeys.reload()} />
          </Suspense>
        </section>
      )}
      <Segments mayWrite={mayWrite} />
      <Templates journeys={journeys.data?.items ?? []} mayWrite={mayWrite} />
      <Consent mayWrite={mayWrite} />
    </>
  );
}

function CampaignList({ mayWrite }: { mayWrite: boolean }) {
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const campaigns = useApi<Page<MarketingCampaign>>(`${BASE}${query({ state, page, limit: 20 })}`);
  const move = useAction((id: string, target: string, reason: string) =>
    post<MarketingCampaign>(`${BASE}/${id}/transitions`, { target_state: target, reason }),
  );
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">Campaigns</h2>
      <label className="inline">
        State
        <select value={state} onChange={(e) => (setState(e.target.value), setPage(1))}>
          <option value="">any</option>
          {STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <Problem error={move.error} />
      <Async state={campaigns} isEmpty={(d) => d.items.length === 0} empty="No campaign has been planned yet.">
        {(data) => (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Budget</th>
                  <th scope="col">State</th>
                  <th scope="col">Move to</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <strong>{c.name}</strong>
                      <br />
                      <small className="muted">{c.goal}</small>
                      <CampaignHistory id={c.id} />
                    </td>
                    <td>{c.channel}</td>
                    <td>{c.budget ? formatMoney(c.budget.amount, c.budget.currency) : '–'}</td>
                    <td>
                      <StatusBadge value={c.state} />
                    </td>
                    <td>
                      {mayWrite ? (
                        <div className="actions">
                          {c.allowed_transitions.map((target) => (
                            <ReasonAction
                              key={target}
                              label={target[0].toUpperCase() + target.slice(1)}
                              busy={move.running}
                              onConfirm={async (reason) => {
                                const done = await move.run(c.id, target, reason);
                                if (done) {
                                  campaigns.reload();
                                }
                                return done;
                              }}
                            />
                          ))}
                        </div>
                      ) : (
                        <span className="muted">{c.allowed_transitions.join(', ') || '–'}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pages={data.pagination.total_pages} total={data.pagination.total} onPage={setPage} />
          </>
        )}
      </Async>
    </section>
  );
}

function CampaignHistory({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open && <CampaignHistoryList id={id} />}
    </details>
  );
}

function CampaignHistoryList({ id }: { id: string }) {
  const history = useApi<Page<CampaignTransition>>(`${BASE}/${id}/history`);
  return (
    <Async state={history} isEmpty={(d) => d.items.length === 0}>
      {(data) => (
        <ol className="timeline">
          {data.items.map((t, i) => (
            <li key={i}>
              {t.from_state ?? 'new'} → {t.to_state} by {t.actor}: {t.reason} · {formatDateTime(t.occurred_at)}
            </li>
          ))}
        </ol>
      )}
    </Async>
  );
}

function Journeys({ state, mayWrite, onEdit }: { state: ReturnType<typeof useApi<Page<Journey>>>; mayWrite: boolean; onEdit: (j: Journey) => void }) {
  const toggle = useAction((j: Journey) => post<Journey>(`${BASE}/journeys/${j.id}/${j.active ? 'deactivate' : 'activate'}`));
  return (
    <section aria-labelledby="journeys-heading">
      <h2 id="journeys-heading">Journeys</h2>
      <Problem error={toggle.error} />
      <Async state={state} isEmpty={(d) => d.items.length === 0} empty="No journey has been saved yet.">
        {(data) => (
          <table>
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
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}

function Segments({ mayWrite }: { mayWrite: boolean }) {
  const segments = useApi<Page<Segment>>(`${BASE}/segments${query({ limit: 50 })}`);
  const [sizes, setSizes] = useState<Record<string, SegmentPreview>>({});
  const preview = useAction((id: string) => api<SegmentPreview>(`${BASE}/segments/${id}/preview${query({ sample_size: 0 })}`));
  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading">Segments</h2>
      <Problem error={preview.error} />
      <Async state={segments} isEmpty={(d) => d.items.length === 0} empty="No segment has been saved yet.">
        {(data) => (
          <table>
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
      {mayWrite && <SegmentBuilder onSaved={segments.reload} />}
    </section>
  );
}

function SegmentBuilder({ onSaved }: { onSaved: () => void }) {
  const [conditions, setConditions] = useState<Condition[]>([{ field: 'total_spent', op: 'gt', value: '' }]);
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
              <select value={c.field} onChange={(e) => change(i, { field: e.target.value, op: SEGMENT_FIELDS[e.target.value].ops[0] })}>
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
                placeholder={c.op === 'between' || c.op === 'in' ? 'a, b' : SEGMENT_FIELDS[c.field].type === 'timestamp' ? '2026-01-01T00:00:00Z' : ''}
                onChange={(e) => change(i, { value: e.target.value })}
              />
            </label>
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
  // the API has no list of templates: the ones the journeys use are offered
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
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">Templates</h2>
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
      {shown && <TemplateView key={`${shown.channel}/${shown.id}`} channel={shown.channel} id={shown.id} mayWrite={mayWrite} />}
    </section>
  );
}

function TemplateView({ channel, id, mayWrite }: { channel: string; id: string; mayWrite: boolean }) {
  const path = `${BASE}/templates/${encodeURIComponent(channel)}/${encodeURIComponent(id)}`;
  const template = useApi<MessageTemplate>(path);
  const [subject, setSubject] = useState<string>();
  const [body, setBody] = useState<string>();
  const save = useAction(() => api<MessageTemplate>(path, { method: 'PUT', body: JSON.stringify({ subject: subject || undefined, body }) }));
  const missing = template.error instanceof ApiError && template.error.status === 404;
  if (template.loading && !template.data) {
    return <Loading />;
  }
  if (!template.data && !missing) {
    return <Problem error={template.error} onRetry={template.reload} />;
  }
  const current = { subject: subject ?? template.data?.subject ?? '', body: body ?? template.data?.body ?? '' };
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
                }
              }}
            >
              {save.running ? 'Saving…' : 'Save template'}
            </button>
          )}
          <Problem error={save.error} />
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
    </div>
  );
}

const CHANNELS = ['email', 'sms', 'push'];

function Consent({ mayWrite }: { mayWrite: boolean }) {
  const [input, setInput] = useState('');
  const [customer, setCustomer] = useState<string>();
  const consents = useApi<Consents>(customer ? `${BASE}/consents/${customer}` : null);
  const [channel, setChannel] = useState('all');
  const suppress = useAction((reason: string) =>
    api<Consents>(`${BASE}/consents/${customer}/suppressions/${channel}`, { method: 'PUT', body: JSON.stringify({ reason }) }),
  );
  const lift = useAction((c: string) => api<void>(`${BASE}/consents/${customer}/suppressions/${c}`, { method: 'DELETE' }));
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
        <Async state={consents}>
          {(data) => (
            <>
              <table>
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
              <Problem error={suppress.error ?? lift.error} />
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
                            await lift.run(s.channel);
                            consents.reload();
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
                    busy={suppress.running}
                    onConfirm={async (reason) => {
                      const done = await suppress.run(reason);
                      if (done) {
                        consents.reload();
                      }
                      return done;
                    }}
                  />
                </div>
              )}
            </>
          )}
        </Async>
      )}
    </section>
  );
}
