-- A caller that retries a reservation after a timeout or a crash sends the same Idempotency-Key and gets the
-- reservation it already holds back, so money is never set aside twice for one request. Keys are scoped to a
-- budget (department and fiscal month) because a caller may reuse its own request id across departments.
ALTER TABLE budget_reservations ADD COLUMN idempotency_key TEXT;

CREATE UNIQUE INDEX budget_reservations_idempotency_key_uq
    ON budget_reservations (budget_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
