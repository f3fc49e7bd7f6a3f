-- A delivery recorded under the client's Idempotency-Key, with the lines it carried: a retry of it (its answer lost)
-- is answered with the order as it stands instead of receiving the units again; the key reused for other lines is
-- refused. Written in the receipt's own transaction, so a receipt that was refused leaves no key behind.
CREATE TABLE purchase_order_receipts (
    purchase_order_id UUID        NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    idempotency_key   TEXT        NOT NULL,
    lines             TEXT        NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (purchase_order_id, idempotency_key)
);
