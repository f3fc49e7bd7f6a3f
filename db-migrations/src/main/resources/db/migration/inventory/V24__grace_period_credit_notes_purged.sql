-- What a credit note in the cut-over grace period gave back beyond its customer's recorded orders is taken up only by
-- the customer's orders placed by the credit note's time, all read within the pending cancellations' retention after
-- it; the same purge then forgets it, oldest first.
CREATE INDEX grace_period_credit_notes_credited_idx ON grace_period_credit_notes (credited_at);
