import { post } from '../api/client';
import { sessionId } from './cart';

/**
 * A storefront commerce event for POST /api/v1/events: its wire type plus the event's own fields. A new event gets
 * its id and time here; an event sent again passes its own event_id and occurred_at among the fields.
 */
export function commerceEvent(type: string, fields: Record<string, unknown>, now = new Date()): Record<string, unknown> {
  return { type, event_id: crypto.randomUUID(), occurred_at: now.toISOString(), ...fields };
}

export function send(type: string, fields: Record<string, unknown>): Promise<unknown> {
  return post('/api/v1/events', commerceEvent(type, fields));
}

/** Behaviour events are best effort: a shopper is never stopped because a view was not recorded. */
export function track(type: string, customerId: string | undefined, fields: Record<string, unknown>) {
  send(type, { customer_id: customerId, session_id: sessionId(), ...fields }).catch(() => undefined);
}
