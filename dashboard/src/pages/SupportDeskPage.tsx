import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { post } from '../api/client';
import { ApiError } from '../api/problem';
import type { Ticket, TicketSummary, TranscriptMessage } from '../api/types';
import { usePaged } from '../components/PagedTable';
import { useSession } from '../components/session';
import { Async, latestError, Problem, StatusBadge, useAction, useApi } from '../components/state';
import { formatDateTime, formatNumber, formatPercent } from '../format';

export default function SupportDeskPage() {
  const { ticketId } = useParams();
  const [status, setStatus] = useState('ESCALATED,CLAIMED');
  // oldest handover first: the newer ones beyond the first page are reached through the pager
  const { list: queue, pager } = usePaged<TicketSummary>({
    path: '/api/v1/support/escalations',
    params: { status },
    limit: 50,
    pollMs: 5000,
  });
  return (
    <>
      <h1>Support desk</h1>
      <div className="two">
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">Queue</h2>
          <label className="inline">
            Show
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="ESCALATED,CLAIMED">waiting or claimed</option>
              <option value="ESCALATED">waiting</option>
              <option value="CLAIMED">claimed</option>
              <option value="ANSWERED">answered</option>
              <option value="CLOSED">closed</option>
            </select>
          </label>
          <Async state={queue} isEmpty={(d) => d.items.length === 0} empty="No conversation waits for a person.">
            {(data) => (
              <>
                <ul className="list">
                  {data.items.map((t) => (
                    <li key={t.ticket_id} className={t.ticket_id === ticketId ? 'active' : undefined}>
                      <Link to={`/admin/support/${t.ticket_id}`}>
                        {t.category ?? 'conversation'} · {t.ticket_id.slice(0, 8)}
                      </Link>{' '}
                      <StatusBadge value={t.status} />
                      <br />
                      <span className="muted">
                        {t.escalation_reasons.join(', ') || 'escalated'} · {formatDateTime(t.escalated_at)}
                        {t.assigned_to && ` · ${t.assigned_to}`}
                      </span>
                    </li>
                  ))}
                </ul>
                {pager}
              </>
            )}
          </Async>
        </section>
        <section aria-labelledby="ticket-heading">
          {ticketId ? (
            <TicketView key={ticketId} ticketId={ticketId} onChange={queue.reload} />
          ) : (
            <p id="ticket-heading" className="empty">
              Choose a conversation from the queue.
            </p>
          )}
        </section>
      </div>
    </>
  );
}

interface Intent {
  intent: string;
  confidence?: number;
}

interface Entity {
  type: string;
  text?: string;
  value?: string | null;
}

function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** What the support agent allows the caller: an answer only on a ticket they claimed, a close unless someone else has it. */
function ticketActions(ticket: Pick<Ticket, 'status' | 'assigned_to'>, me: string | undefined) {
  const mine = ticket.assigned_to !== null && ticket.assigned_to === me;
  const open = ticket.status === 'ESCALATED' || ticket.status === 'CLAIMED' || ticket.status === 'ANSWERED';
  return {
    claim: ticket.status === 'ESCALATED',
    answer: ticket.status === 'CLAIMED' && mine,
    close: open && (ticket.assigned_to === null || mine),
    someoneElses: ticket.assigned_to !== null && !mine,
  };
}

function TicketView({ ticketId, onChange }: { ticketId: string; onChange: () => void }) {
  const me = useSession()?.user.subject;
  // read again while open, as the queue is: the customer may write more while the agent reads or answers
  const ticket = useApi<Ticket>(`/api/v1/support/tickets/${ticketId}`, 5000);
  const [answer, setAnswer] = useState('');
  const [closeAfter, setCloseAfter] = useState(true);
  const suggested = ticket.data?.suggested_answer;
  useEffect(() => {
    if (suggested) setAnswer((current) => current || suggested);
  }, [suggested]);
  const done = () => {
    ticket.reload();
    onChange();
  };
  // a 409: someone else claimed, answered or closed it since it was read; read it again, so the actions that are
  // left are the ones it still takes, and keep the problem shown to say why
  const readAgainOnConflict = async (call: Promise<Ticket>) => {
    try {
      return await call;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        done();
      }
      throw e;
    }
  };
  const claim = useAction(() => readAgainOnConflict(post<Ticket>(`/api/v1/support/escalations/${ticketId}/claim`)));
  const send = useAction(() =>
    readAgainOnConflict(post<Ticket>(`/api/v1/support/escalations/${ticketId}/answer`, { text: answer, close: closeAfter })),
  );
  const close = useAction(() => readAgainOnConflict(post<Ticket>(`/api/v1/support/escalations/${ticketId}/close`)));
  return (
    <Async state={ticket}>
      {(t) => (
        <>
          <h2 id="ticket-heading">
            {t.subject ?? t.category ?? 'Conversation'} <StatusBadge value={t.status} />
          </h2>
          <p className="muted">
            {t.channel} · {t.customer_email ?? t.customer_id ?? 'guest'} · opened {formatDateTime(t.created_at)}
            {t.assigned_to && ` · with ${t.assigned_to}`}
          </p>
          {t.escalation_reasons.length > 0 && (
            <ul className="reasons" aria-label="Why it was escalated">
              {t.escalation_reasons.map((r, i) => (
                <li key={i}>
                  <strong>{r.reason}</strong> {r.detail}
                </li>
              ))}
            </ul>
          )}
          <h3>Understanding</h3>
          <p>
            Intents:{' '}
            {asList<Intent>(t.intents).map((i) => (
              <span key={i.intent} className="chip">
                {i.intent}
                {i.confidence != null && ` ${formatPercent(i.confidence, undefined, 0)}`}
              </span>
            ))}
            {asList(t.intents).length === 0 && '–'}
          </p>
          <p>
            Entities:{' '}
            {asList<Entity>(t.entities).map((e, i) => (
              <span key={i} className="chip">
                {e.type}: {e.value ?? e.text}
              </span>
            ))}
            {asList(t.entities).length === 0 && '–'}
          </p>
          <h3>Transcript</h3>
          <ol className="transcript">
            {t.transcript.map((m) => (
              <Message key={m.id} message={m} />
            ))}
          </ol>
          {(() => {
            const may = ticketActions(t, me);
            const closeButton = may.close && (
              <button type="button" disabled={close.running} onClick={async () => (await close.run()) && done()}>
                {close.running ? 'Closing…' : 'Close without answer'}
              </button>
            );
            return (
              <>
                {may.claim && (
                  <button type="button" disabled={claim.running} onClick={async () => (await claim.run()) && done()}>
                    {claim.running ? 'Claiming…' : 'Claim conversation'}
                  </button>
                )}
                {may.someoneElses && t.status !== 'CLOSED' && (
                  <p className="muted">{t.assigned_to} has this conversation; only they can answer it.</p>
                )}
                {may.answer ? (
                  <form
                    onSubmit={async (e) => {
                      e.preventDefault();
                      if (await send.run()) {
                        setAnswer('');
                        done();
                      }
                    }}
                  >
                    <label htmlFor="answer">Answer {suggested && <span className="muted">(starts from the suggested answer)</span>}</label>
                    <textarea id="answer" rows={5} required maxLength={10000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
                    <label className="inline">
                      <input type="checkbox" checked={closeAfter} onChange={(e) => setCloseAfter(e.target.checked)} /> close after answering
                    </label>
                    <div className="row">
                      <button type="submit" disabled={send.running || !answer.trim()}>
                        {send.running ? 'Sending…' : 'Send answer'}
                      </button>
                      {closeButton}
                    </div>
                  </form>
                ) : (
                  closeButton && <div className="row">{closeButton}</div>
                )}
              </>
            );
          })()}
          <Problem error={latestError(claim, send, close)} />
        </>
      )}
    </Async>
  );
}

function Message({ message }: { message: TranscriptMessage & { sentiment?: number } }) {
  return (
    <li className={`msg msg-${message.author.toLowerCase()}`}>
      <span className="muted">
        {message.author.toLowerCase()} · {formatDateTime(message.created_at)}
        {message.sentiment != null && ` · sentiment ${formatNumber(message.sentiment)}`}
      </span>
      <p>{message.body}</p>
    </li>
  );
}
