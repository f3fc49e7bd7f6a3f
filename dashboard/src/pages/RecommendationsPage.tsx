import { useState } from 'react';
import { api, post, query, type Page } from '../api/client';
import { can } from '../api/roles';
import type { BusinessRule, ProductSummary, Recommendations } from '../api/types';
import { Async, latestError, Problem, useAction, useApi } from '../components/state';
import { useSession } from '../components/session';
import { formatDateTime, formatMoney, formatNumber } from '../format';

const SURFACES = {
  'for-you': { label: 'For you (customer)', needs: 'customer', path: (id: string) => `/api/v1/recommendations/users/${id}` },
  'cross-sell': { label: 'Cross-sell (customer)', needs: 'customer', path: (id: string) => `/api/v1/recommendations/users/${id}/cross-sell` },
  'cart-recovery': { label: 'Abandoned cart (customer)', needs: 'customer', path: (id: string) => `/api/v1/recommendations/users/${id}/cart-recovery` },
  similar: { label: 'Similar products (product)', needs: 'product', path: (id: string) => `/api/v1/recommendations/products/${id}/similar` },
  'bought-together': {
    label: 'Frequently bought together (product)',
    needs: 'product',
    path: (id: string) => `/api/v1/recommendations/frequently-bought-together${query({ product_ids: id })}`,
  },
  upsell: { label: 'Upsell (product)', needs: 'product', path: (id: string) => `/api/v1/recommendations/upsell${query({ product_ids: id })}` },
} as const;

type Surface = keyof typeof SURFACES;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function RecommendationsPage() {
  const session = useSession();
  // the service answers rules to staff who may change them only, so others are not shown a section that would fail
  const mayManageRules = session !== null && can(session.user.roles, 'recommendations.write');
  return (
    <>
      <h1>Recommendations</h1>
      <Preview />
      {mayManageRules && <Rules />}
    </>
  );
}

function Preview() {
  const [surface, setSurface] = useState<Surface>('similar');
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const result = useApi<Recommendations>(asked);
  const spec = SURFACES[surface];
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview a surface</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (UUID.test(id.trim())) setAsked(spec.path(id.trim()));
        }}
      >
        <label>
          Surface
          <select value={surface} onChange={(e) => setSurface(e.target.value as Surface)}>
            {Object.entries(SURFACES).map(([key, s]) => (
              <option key={key} value={key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {spec.needs === 'customer' ? 'Customer id' : 'Product id'}
          <input value={id} onChange={(e) => setId(e.target.value)} placeholder="UUID" size={38} aria-invalid={id !== '' && !UUID.test(id.trim())} />
        </label>
        <button type="submit" disabled={!UUID.test(id.trim())}>
          Preview
        </button>
      </form>
      {spec.needs === 'product' && <ProductFinder onPick={(p) => setId(p.product_id)} />}
      {asked && (
        <Async state={result} isEmpty={(r) => r.recommendations.length === 0} empty="This surface has nothing to show for it yet.">
          {(r) => (
            <>
              <p className="muted">
                Model version {r.model_version} · generated {formatDateTime(r.generated_at)}
              </p>
              <table aria-label="Recommended products">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Product</th>
                    <th scope="col">Category</th>
                    <th scope="col">Price</th>
                    <th scope="col">Score</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {r.recommendations.map((p, i) => (
                    <tr key={p.product_id}>
                      <td>{i + 1}</td>
                      <td>
                        {p.name}
                        <br />
                        <span className="muted mono">{p.product_id}</span>
                      </td>
                      <td>{p.category ?? '–'}</td>
                      <td>{formatMoney(p.price, p.currency)}</td>
                      <td>{formatNumber(p.score, undefined, 4)}</td>
                      <td>{p.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Async>
      )}
    </section>
  );
}

function ProductFinder({ onPick }: { onPick: (p: ProductSummary) => void }) {
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const found = useApi<Page<ProductSummary>>(asked);
  return (
    <div className="card">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(`/api/v1/products${query({ search, limit: 8 })}`);
        }}
      >
        <label>
          Find a product
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="mug" />
        </label>
        <button type="submit">Search</button>
      </form>
      {asked && (
        <Async state={found} isEmpty={(d) => d.items.length === 0} empty="No product matches.">
          {(d) => (
            <ul className="list">
              {d.items.map((p) => (
                <li key={p.product_id}>
                  <button type="button" className="link" onClick={() => onPick(p)}>
                    {p.name}
                  </button>{' '}
                  <span className="muted">{formatMoney(p.price, p.currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </Async>
      )}
    </div>
  );
}

function Rules() {
  const session = useSession();
  const rules = useApi<BusinessRule[]>('/api/v1/recommendations/rules');
  const mayWrite = session !== null && can(session.user.roles, 'recommendations.write');
  const [kind, setKind] = useState<'pin' | 'boost' | 'block'>('pin');
  const [productId, setProductId] = useState('');
  const [position, setPosition] = useState('1');
  const [boost, setBoost] = useState('2');
  const create = useAction(() =>
    post<BusinessRule>('/api/v1/recommendations/rules', {
      kind,
      product_id: productId.trim(),
      position: kind === 'pin' ? Number(position) : undefined,
      boost: kind === 'boost' ? Number(boost) : undefined,
    }),
  );
  const remove = useAction((id: string) => api<void>(`/api/v1/recommendations/rules/${id}`, { method: 'DELETE' }));
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Pin, boost and block rules</h2>
      <Async state={rules} isEmpty={(d) => d.length === 0} empty="No rule changes the ranking.">
        {(list) => (
          <table aria-labelledby="rules-heading">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Product</th>
                <th scope="col">Position / boost</th>
                <th scope="col">Created</th>
                {mayWrite && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.rule_id}>
                  <td>{r.kind}</td>
                  <td className="mono">{r.product_id}</td>
                  <td>{r.kind === 'pin' ? `#${r.position}` : r.kind === 'boost' ? `×${r.boost}` : '–'}</td>
                  <td>{formatDateTime(r.created_at)}</td>
                  {mayWrite && (
                    <td>
                      <button type="button" disabled={remove.running} onClick={async () => { await remove.run(r.rule_id); rules.reload(); }}>
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {mayWrite && (
        <form
          className="filters"
          aria-label="New rule"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await create.run()) {
              setProductId('');
              rules.reload();
            }
          }}
        >
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="pin">pin</option>
              <option value="boost">boost</option>
              <option value="block">block</option>
            </select>
          </label>
          <label>
            Product id
            <input value={productId} required onChange={(e) => setProductId(e.target.value)} size={38} />
          </label>
          {kind === 'pin' && (
            <label>
              Position
              <input type="number" min={1} max={50} value={position} onChange={(e) => setPosition(e.target.value)} />
            </label>
          )}
          {kind === 'boost' && (
            <label>
              Boost
              <input type="number" min={0.1} max={100} step="any" value={boost} onChange={(e) => setBoost(e.target.value)} />
            </label>
          )}
          <button type="submit" disabled={create.running}>
            {create.running ? 'Adding…' : 'Add rule'}
          </button>
        </form>
      )}
      <Problem error={latestError(create, remove)} />
    </section>
  );
}
