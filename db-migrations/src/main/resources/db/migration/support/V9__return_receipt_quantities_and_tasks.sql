-- A receipt books how many of each line arrived, which may be fewer than were authorised, and refunds what of that
-- is still refundable: a cancellation since the authorisation may have refunded some of it already. Returns received
-- before this migration arrived and were refunded whole.
ALTER TABLE return_authorisation_lines
    ADD COLUMN received_quantity INT CHECK (received_quantity BETWEEN 0 AND quantity),
    ADD COLUMN refunded_quantity INT CHECK (refunded_quantity BETWEEN 0 AND received_quantity);

ALTER TABLE return_authorisations
    ADD COLUMN refunded_amount NUMERIC(16,4) CHECK (refunded_amount >= 0),
    ADD COLUMN task_id         UUID;

UPDATE return_authorisation_lines l
SET received_quantity = l.quantity, refunded_quantity = l.quantity
FROM return_authorisations r
WHERE r.return_id = l.return_id AND r.status = 'RECEIVED';

UPDATE return_authorisations SET refunded_amount = refund_amount WHERE status = 'RECEIVED';

ALTER TABLE return_authorisations
    ADD CONSTRAINT return_authorisations_refunded CHECK ((status = 'RECEIVED') = (refunded_amount IS NOT NULL));

-- The supervisor may send a return request task again under a new message id (a requeue after its report was lost):
-- the task's one authorisation is found by the task id rather than a second one made.
CREATE UNIQUE INDEX return_authorisations_task_idx ON return_authorisations (task_id) WHERE task_id IS NOT NULL;
