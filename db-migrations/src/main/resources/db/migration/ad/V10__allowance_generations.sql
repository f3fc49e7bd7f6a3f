-- Each settlement of a day's allowance starts a new generation of it. A replica bids from a view it read before the
-- settlement until its next refresh, so the leases of the settled generation are kept, still counted against what
-- the allowance has free for others, until their owner refreshes or they expire: a campaign resumed the same day is
-- then never leased what a replica's old view may still promise. The owner, finding its lease of an older generation
-- than the allowance, never bids on it again: it keeps only what its bids may still cost and is leased afresh.
ALTER TABLE ad_spend_allowances ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;

ALTER TABLE ad_allowance_leases ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
