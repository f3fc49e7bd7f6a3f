-- When a reservation's hold ends if nothing spent or released it by then: a holder that lost track of it (a page
-- reloaded after reserving, a budget check whose task nothing commits) would otherwise keep the money held for good.
-- A sweep releases reservations past it. NULL for a reservation held until it is committed or released, as before.
ALTER TABLE budget_reservations ADD COLUMN expires_at TIMESTAMPTZ;

-- The sweep's look-up: only open reservations with an expiry, soonest first.
CREATE INDEX budget_reservations_expiry_idx ON budget_reservations (expires_at)
    WHERE status = 'reserved' AND expires_at IS NOT NULL;

