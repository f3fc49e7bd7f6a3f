-- A purchase order delivered in part whose rest will not come is closed short: its outstanding units leave transit,
-- its reservation is released and the delivered units' cost is booked as an expense of its own.
ALTER TABLE purchase_orders DROP CONSTRAINT purchase_orders_status_check;
ALTER TABLE purchase_orders ADD CONSTRAINT purchase_orders_status_check
    CHECK (status IN ('SUGGESTED', 'APPROVED', 'ORDERED', 'RECEIVED', 'CLOSED', 'REJECTED', 'CANCELLED'));
