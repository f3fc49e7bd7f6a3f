-- A refund booked before its order whose order was booked before offsets (V14) was netted against the order's
-- attributed revenue at its whole amount; the offset written since caps it, but what its netting took beyond the capped
-- amount stayed taken. It is given back by a row of its own: the offset as the refund transaction, a negative amount,
-- and the refund whose netting it gives back (gives_back_refund_id) on a share that refund took from. The rows the
-- netting wrote stay as they are, and every sum of refunded_amount nets the one off the other. One row per offset and
-- share (revenue_attribution_refunds_once), so an offset gives back from a share once.
ALTER TABLE revenue_attribution_refunds ADD COLUMN gives_back_refund_id UUID;

ALTER TABLE revenue_attribution_refunds DROP CONSTRAINT revenue_attribution_refunds_refunded_amount_check;
ALTER TABLE revenue_attribution_refunds ADD CONSTRAINT revenue_attribution_refunds_refunded_amount_check
    CHECK ((gives_back_refund_id IS NULL AND refunded_amount > 0)
           OR (gives_back_refund_id IS NOT NULL AND refunded_amount < 0
               AND gives_back_refund_id <> refund_transaction_id));

-- only what a refund's netting took from that very share can be given back from it
ALTER TABLE revenue_attribution_refunds ADD CONSTRAINT revenue_attribution_refunds_gives_back_netting_fk
    FOREIGN KEY (gives_back_refund_id, attribution_id)
    REFERENCES revenue_attribution_refunds (refund_transaction_id, attribution_id);

CREATE INDEX revenue_attribution_refunds_gives_back_idx ON revenue_attribution_refunds (gives_back_refund_id)
    WHERE gives_back_refund_id IS NOT NULL;
