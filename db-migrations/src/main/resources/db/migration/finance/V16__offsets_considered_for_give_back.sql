-- Offsets the give-back of earlier netting at start-up (V15) has looked at: one row per offset, written in the same
-- transaction as what its refund gave back, or as the finding that its order had nothing to give back. A refund whose
-- netting still comes to more than it refunds once offset is passed over while every offset of it is here, so it is
-- looked at once rather than at every start; an offset written later brings it back, as it may make something due.
CREATE TABLE revenue_attribution_offsets_considered (
    id                    UUID        PRIMARY KEY,
    offset_transaction_id UUID        NOT NULL UNIQUE REFERENCES financial_transactions (id),
    considered_at         TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER revenue_attribution_offsets_considered_audit
    AFTER INSERT OR UPDATE OR DELETE ON revenue_attribution_offsets_considered
    FOR EACH ROW EXECUTE FUNCTION audit_row_change();
