-- What a cancellation in the cut-over grace period gave back under its cancellation number (V19, V21, V23) is kept to
-- recognise the storefront sending the same cancellation again under another event id, which would otherwise give the
-- units back a second time. It is needed only as long as such a resend may come: the pending cancellations' purge
-- forgets it the number retention after it last gave back, oldest first. Rows from before this column count as given
-- back when it was added; the default stays for instances from before it during a rolling deploy.
ALTER TABLE grace_period_cancellations ADD COLUMN given_back_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE grace_period_credit_note_numbers ADD COLUMN given_back_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX grace_period_cancellations_given_back_idx ON grace_period_cancellations (given_back_at);
CREATE INDEX grace_period_credit_note_numbers_given_back_idx ON grace_period_credit_note_numbers (given_back_at);
