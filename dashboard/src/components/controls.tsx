import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
 * Goes back to the last page the list still has when the page shown came back empty: an action (or someone else)
 * took its last rows, and an empty page beyond the end would say the list is empty and hide the pager.
 */
export function useBackToLastPage(
  data: { items: unknown[]; pagination: { page: number; total_pages: number } } | undefined,
  page: number,
  setPage: (page: number) => void,
) {
  useEffect(() => {
    // the answer for the page asked for, not the one shown before while the next loads
    if (data && data.items.length === 0 && page > 1 && data.pagination.page === page) {
      setPage(Math.max(1, Math.min(page - 1, data.pagination.total_pages)));
    }
  }, [data, page, setPage]);
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
  hint,
}: {
  label: string;
  busy: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  defaultReason?: string;
  extra?: ReactNode;
  /** said under the reason and read out with it, e.g. who else gets to read the reason */
  hint?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(defaultReason);
  const id = useId();
  const hintId = `${id}-hint`;
  const { opener, first, close } = useSwapFocus<HTMLInputElement>(open, setOpen);
  if (!open) {
    return (
      <button ref={opener} type="button" className="secondary" onClick={() => setOpen(true)}>
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
          close();
        }
      }}
    >
      <label htmlFor={id}>Reason</label>
      <input
        ref={first}
        id={id}
        required
        maxLength={500}
        value={reason}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {extra}
      <button type="submit" disabled={busy || reason.trim() === ''}>
        {busy ? `${label}…` : `Confirm ${label.toLowerCase()}`}
      </button>
      <button type="button" className="link" onClick={close}>
        Cancel
      </button>
      {hint && (
        <small id={hintId} className="muted hint">
          {hint}
        </small>
      )}
    </form>
  );
}

/**
 * Keyboard focus for a button that swaps itself for a small form: the form's first field takes the focus when it
 * opens, and the button gets it back when the form closes (Cancel, or done), instead of it falling to the page.
 */
export function useSwapFocus<F extends HTMLElement>(open: boolean, setOpen: (open: boolean) => void) {
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<F>(null);
  const closing = useRef(false);
  useEffect(() => {
    if (open) {
      first.current?.focus();
    } else if (closing.current) {
      closing.current = false;
      opener.current?.focus();
    }
  }, [open]);
  const close = () => {
    closing.current = true;
    setOpen(false);
  };
  return { opener, first, close };
}
