import { useState } from 'react';
import type { PrivacyRequest } from '../api/types';
import { PagedTable } from '../components/PagedTable';
import { StatusBadge } from '../components/state';
import { formatDateTime } from '../format';

const STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;

/** Which services have answered a request, and which it still waits for (or which failed, and why). */
function Progress({ request }: { request: PrivacyRequest }) {
  const done = request.participants.filter((p) => p.state === 'DONE').length;
  const waiting = request.participants.filter((p) => p.state === 'PENDING').map((p) => p.participant);
  const failed = request.participants.filter((p) => p.state === 'FAILED');
  return (
    <>
      {done} of {request.participants.length} services
      {waiting.length > 0 && <span className="muted"> · waiting for {waiting.join(', ')}</span>}
      {failed.map((p) => (
        <span key={p.participant} className="field-error">
          {' '}
          · {p.participant}: {p.failure}
        </span>
      ))}
    </>
  );
}

/** Customers' data exports and erasures (specification 004 §7.7): what was asked, by whom, and how far it got. */
export default function PrivacyPage() {
  const [status, setStatus] = useState('');
  return (
    <>
      <h1>Privacy requests</h1>
      <p className="muted">
        A customer's export gathers what every service keeps about them; an erasure removes it everywhere, and the
        ledger keeps its amounts without the person. Each service reports back; a request still waiting after an
        hour is overdue.
      </p>
      <label className="inline">
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace('_', ' ').toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <PagedTable<PrivacyRequest>
        label="Privacy requests"
        path="/api/v1/privacy/requests"
        params={{ status }}
        pollMs={5000}
        rowKey={(r) => r.id}
        empty="No customer has asked for their data yet."
        columns={[
          { header: 'Asked', cell: (r) => formatDateTime(r.requested_at) },
          { header: 'Customer', cell: (r) => <code>{r.customer_id}</code> },
          { header: 'Request', cell: (r) => (r.action === 'EXPORT' ? 'Export' : 'Erasure') },
          { header: 'Asked by', cell: (r) => (r.requested_by === r.customer_id ? 'the customer' : r.requested_by) },
          {
            header: 'Status',
            cell: (r) => (
              <>
                <StatusBadge value={r.status} />
                {r.overdue && <span className="field-error"> overdue</span>}
              </>
            ),
          },
          { header: 'Progress', cell: (r) => <Progress request={r} /> },
          { header: 'Done', cell: (r) => formatDateTime(r.completed_at) },
        ]}
      />
    </>
  );
}
