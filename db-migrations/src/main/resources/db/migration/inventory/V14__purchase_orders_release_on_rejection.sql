-- A suggestion rejected after finance was asked for its reservation (an approval whose answer never came back) may
-- leave finance holding money nothing will spend: the flag says it is still to be given back, retried by the daily
-- batch until finance answers. Suggestions rejected before this version are given back the same way.
ALTER TABLE purchase_orders ADD COLUMN budget_release_pending BOOLEAN NOT NULL DEFAULT false;

UPDATE purchase_orders SET budget_release_pending = true
WHERE status = 'REJECTED' AND budget_reservation_id IS NULL AND NOT budget_settled
  AND budget_reservation_key <> 'purchase-order-' || id;

CREATE INDEX purchase_orders_release_pending_idx ON purchase_orders (status)
    WHERE budget_release_pending AND NOT budget_settled;
