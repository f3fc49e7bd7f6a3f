-- A refund booked before its order could not be capped at what the order sold of each product, there being nothing
-- booked to cap it at; two refunds of the same goods arriving first were both booked whole. When the order is booked,
-- the part of such refunds beyond what it sold is taken back by a refund row of its own with a negative amount, naming
-- the refund it offsets (metadata offsets_refund). The refund stays as booked and the offset sits beside it, so the
-- trail keeps both, and every sum of refunds nets the one off the other. Only such offsets may be negative.
ALTER TABLE financial_transactions DROP CONSTRAINT financial_transactions_amount_check;
ALTER TABLE financial_transactions ADD CONSTRAINT financial_transactions_amount_check
    CHECK (amount BETWEEN 0.01 AND 1000000.00
           OR (transaction_type = 'refund' AND amount BETWEEN -1000000.00 AND -0.01 AND metadata ? 'offsets_refund'));

CREATE INDEX financial_transactions_offsets_refund_idx ON financial_transactions ((metadata ->> 'offsets_refund'))
    WHERE metadata ? 'offsets_refund';

-- Refunds attribution looked at when their order had attributed revenue but nothing was left to take back from it,
-- so nothing was written to revenue_attribution_refunds. The netting of earlier refunds at start-up passes over these
-- as over those that took something; without this it would look at them again at every start.
CREATE TABLE revenue_attribution_refunds_considered (
    id                    UUID        PRIMARY KEY,
    refund_transaction_id UUID        NOT NULL UNIQUE REFERENCES financial_transactions (id),
    considered_at         TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER revenue_attribution_refunds_considered_audit
    AFTER INSERT OR UPDATE OR DELETE ON revenue_attribution_refunds_considered
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
