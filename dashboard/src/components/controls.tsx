import { useId, useState, type ReactNode } from 'react';
import { can, type Permission } from '../api/roles';
import { useSession } from './session';

/** Whether the signed-in person's roles give a permission (the gateway still decides). */
export function useCan(permission: Permission): boolean {
  const session = useSession();
  return session !== null && can(session.user.roles, permission);
}

export function Pager({
  page,
  pages,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) {
    return null;
  }
  return (
    <div className="pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages} · {total} in all
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </div>
  );
}

/**
 * An action the API only takes with a reason (kept in the audit): the button opens a small form asking for it,
 * and shows progress while the call runs.
 */
export function ReasonAction({
  label,
  busy,
  onConfirm,
  defaultReason = '',
  extra,
}: {
  label: string;
  busy: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  defaultReason?: string;
  extra?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(defaultReason);
  const id = useId();
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await onConfirm(reason.trim());
        if (result !== undefined) {
          setOpen(false);
        }
      }}
    >
      <label htmlFor={id}>Reason</label>
      <input id={id} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      {extra}
      <button type="submit" disabled={busy || reason.trim() === ''}>
        {busy ? `${label}…` : `Confirm ${label.toLowerCase()}`}
      </button>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
