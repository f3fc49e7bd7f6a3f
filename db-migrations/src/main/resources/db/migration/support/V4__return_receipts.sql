-- A return is received once, when its goods arrive: the row says when and by whom, and the receipt's event (written
-- through the outbox in the same transaction) is what finance refunds from.
ALTER TABLE return_authorisations DROP CONSTRAINT return_authorisations_status_check;
ALTER TABLE return_authorisations
    ADD CONSTRAINT return_authorisations_status_check CHECK (status IN ('AUTHORISED', 'RECEIVED')),
    ADD COLUMN received_at TIMESTAMPTZ,
    ADD COLUMN received_by TEXT,
    ADD CONSTRAINT return_authorisations_received CHECK ((status = 'RECEIVED') = (received_at IS NOT NULL));
