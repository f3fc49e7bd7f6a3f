-- A customer's order.placed is refused when the same order was placed by another event (a retry with a new event
-- id would book, reserve and ship it twice): this index answers that look-up at intake without reading every event.
CREATE INDEX commerce_events_order_id_idx
    ON commerce_events ((payload ->> 'order_id'))
    WHERE event_type = 'order.placed';
