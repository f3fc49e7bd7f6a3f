// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../api/client';
import type { Ticket } from '../api/types';
import { FakeGateway, page, problem } from '../test/gateway';
import SupportDeskPage from './SupportDeskPage';

const TICKET = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
// FakeGateway signs in as the user with this id
const ME = 'user-1';

function ticket(status: string, assignedTo: string | null): Ticket {
  return {
    ticket_id: TICKET,
    conversation_id: 'conv-1',
    status,
    category: 'delivery',
    customer_id: null,
    channel: 'chat',
    subject: 'Where is my parcel?',
    customer_email: 'ada@example.test',
    assigned_to: assignedTo,
    intents: [],
    entities: [],
    suggested_answer: null,
    escalation_reasons: [],
    transcript: [],
    created_at: '2026-12-01T08:00:00Z',
    escalated_at: '2026-12-01T08:01:00Z',
    closed_at: null,
  };
}

async function open(status: string, assignedTo: string | null) {
  const gateway = new FakeGateway()
    .ok('GET', '/api/v1/support/escalations', page([]))
    .ok('GET', `/api/v1/support/tickets/${TICKET}`, ticket(status, assignedTo))
    .ok('POST', `/api/v1/support/escalations/${TICKET}/answer`, ticket('CLOSED', ME));
  await gateway.signInAs(['SUPPORT_AGENT']);
  render(
    <MemoryRouter initialEntries={[`/admin/support/${TICKET}`]}>
      <Routes>
        <Route path="/admin/support/:ticketId" element={<SupportDeskPage />} />
      </Routes>
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { name: /Where is my parcel\?/ });
  return gateway;
}

afterEach(() => {
  cleanup();
  auth.logout();
  vi.unstubAllGlobals();
});

describe('SupportDeskPage', () => {
  it('pages through the queue beyond its first 50 conversations and starts again from the first page on another status', async () => {
    const queue = (id: string, pageNumber: number, totalPages: number) => ({
      items: [{ ticket_id: id, status: 'ESCALATED', category: 'delivery', escalation_reasons: [], escalated_at: '2026-12-01T08:01:00Z', assigned_to: null }],
      pagination: { total: 51, page: pageNumber, limit: 50, total_pages: totalPages },
    });
    const gateway = new FakeGateway()
      .ok('GET', '/api/v1/support/escalations?status=ESCALATED%2CCLAIMED&page=1&limit=50', queue('11111111-aaaa', 1, 2))
      .ok('GET', '/api/v1/support/escalations?status=ESCALATED%2CCLAIMED&page=2&limit=50', queue('22222222-aaaa', 2, 2))
      .ok('GET', '/api/v1/support/escalations?status=CLOSED&page=1&limit=50', queue('33333333-aaaa', 1, 1));
    await gateway.signInAs(['SUPPORT_AGENT']);
    render(
      <MemoryRouter initialEntries={['/admin/support']}>
        <Routes>
          <Route path="/admin/support" element={<SupportDeskPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Queue' });

    expect(await within(section).findByRole('link', { name: 'delivery · 11111111' })).toBeTruthy();
    expect(within(section).getByText('Page 1 of 2 · 51 in all')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Next' }));
    expect(await within(section).findByRole('link', { name: 'delivery · 22222222' })).toBeTruthy();
    expect(within(section).queryByRole('link', { name: 'delivery · 11111111' })).toBeNull();

    await user.selectOptions(within(section).getByLabelText('Show'), 'CLOSED');
    expect(await within(section).findByRole('link', { name: 'delivery · 33333333' })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Next' })).toBeNull();
  });

  it('offers the answer on a conversation the signed-in agent claimed, and sends it', async () => {
    const gateway = await open('CLAIMED', ME);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Answer/), 'It left the warehouse today.');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(gateway.callsTo('POST', `/api/v1/support/escalations/${TICKET}/answer`)).toHaveLength(1));
    expect(gateway.callsTo('POST', `/api/v1/support/escalations/${TICKET}/answer`)[0].body).toEqual({
      text: 'It left the warehouse today.',
      close: true,
    });
  });

  it('offers no answer on a conversation someone else claimed, nor a close', async () => {
    await open('CLAIMED', 'someone-else');
    expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close without answer' })).toBeNull();
    expect(screen.getByText('someone-else has this conversation; only they can answer it.')).toBeTruthy();
  });

  it('asks for a claim before an answer on a waiting conversation, and still lets it be closed', async () => {
    await open('ESCALATED', null);
    const ticketSection = screen.getByRole('heading', { name: /Where is my parcel\?/ }).parentElement!;
    expect(within(ticketSection).getByRole('button', { name: 'Claim conversation' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close without answer' })).toBeTruthy();
  });

  it('offers no second answer on an answered conversation', async () => {
    await open('ANSWERED', ME);
    expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close without answer' })).toBeTruthy();
  });

  it('reads the open conversation again every 5 s, so the agent sees what the customer wrote since', async () => {
    const message = (id: string, body: string) => ({ id, sequence: Number(id), author: 'CUSTOMER', author_id: null, body, status: 'RECEIVED', created_at: '2026-12-01T08:00:00Z' });
    let later = false;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const gateway = await open('CLAIMED', ME);
      gateway.on('GET', `/api/v1/support/tickets/${TICKET}`, () => ({
        status: 200,
        body: { ...ticket('CLAIMED', ME), transcript: later ? [message('1', 'Where is it?'), message('2', 'It is a gift, I need it by Friday.')] : [message('1', 'Where is it?')] },
      }));
      later = true;
      const reads = gateway.callsTo('GET', `/api/v1/support/tickets/${TICKET}`).length;

      act(() => vi.advanceTimersByTime(5000));

      expect(await screen.findByText('It is a gift, I need it by Friday.')).toBeTruthy();
      expect(gateway.callsTo('GET', `/api/v1/support/tickets/${TICKET}`)).toHaveLength(reads + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the conversation again when someone else claimed it first, so its Claim button goes', async () => {
    let claimedElsewhere = false;
    const gateway = await open('ESCALATED', null);
    gateway
      .on('GET', `/api/v1/support/tickets/${TICKET}`, () => ({ status: 200, body: ticket(claimedElsewhere ? 'CLAIMED' : 'ESCALATED', claimedElsewhere ? 'someone-else' : null) }))
      .on('POST', `/api/v1/support/escalations/${TICKET}/claim`, () => ((claimedElsewhere = true), problem(409, 'Ticket is claimed by someone-else.')));
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Claim conversation' }));

    expect(await screen.findByText('someone-else has this conversation; only they can answer it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Claim conversation' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Ticket is claimed by someone-else.');
  });

  it('reads the conversation again when an answer is refused as it was closed meanwhile', async () => {
    let closedElsewhere = false;
    const gateway = await open('CLAIMED', ME);
    gateway
      .on('GET', `/api/v1/support/tickets/${TICKET}`, () => ({ status: 200, body: ticket(closedElsewhere ? 'CLOSED' : 'CLAIMED', ME) }))
      .on('POST', `/api/v1/support/escalations/${TICKET}/answer`, () => ((closedElsewhere = true), problem(409, 'Ticket is closed.')));
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Answer/), 'It left the warehouse today.');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull());
    expect(screen.getByRole('heading', { name: /Where is my parcel\?/ }).textContent).toContain('CLOSED');
    expect(screen.getByRole('alert').textContent).toContain('Ticket is closed.');
  });

  it('shows the problem of the action run last on a conversation, not an earlier failed one, and none once it succeeded', async () => {
    let closeFails = true;
    const gateway = await open('CLAIMED', ME);
    gateway
      .on('POST', `/api/v1/support/escalations/${TICKET}/answer`, problem(502, 'The mail relay did not answer.'))
      .on('POST', `/api/v1/support/escalations/${TICKET}/close`, () =>
        closeFails ? problem(503, 'The support service is not answering.') : { status: 200, body: ticket('CLOSED', ME) },
      );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Answer/), 'It left the warehouse today.');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The mail relay did not answer.');

    await user.click(screen.getByRole('button', { name: 'Close without answer' }));

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The support service is not answering.'));
    expect(screen.getByRole('alert').textContent).not.toContain('The mail relay did not answer.');

    closeFails = false;
    await user.click(screen.getByRole('button', { name: 'Close without answer' }));
    await waitFor(() => expect(gateway.callsTo('POST', `/api/v1/support/escalations/${TICKET}/close`)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
