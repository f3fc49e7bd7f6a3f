-- A customer's own order.placed is refused when another order already has its number (the support agent keeps
-- order numbers unique, ignoring case): this index answers that look-up at intake without reading every event.
CREATE INDEX commerce_events_order_number_idx
    ON commerce_events (upper(payload ->> 'order_number'))
    WHERE event_type = 'order.placed';
