-- A win notice whose signature proves the agent made the bid is owed to the exchange whether or not today's
-- allowance can still pay for it (concurrent wins of bids capped against one view of the allowance, a win just
-- after midnight for a day nothing was reserved for yet). It is recorded as spent beyond what was reserved, the
-- part no allowance covered is kept in overspent (the campaign stops bidding for the day), and settling reserves
-- and commits it at finance like any other spend.
ALTER TABLE ad_spend_allowances DROP CONSTRAINT ad_spend_allowances_within;

ALTER TABLE ad_spend_allowances ADD COLUMN overspent NUMERIC(18, 6) NOT NULL DEFAULT 0 CHECK (overspent >= 0);

-- What was spent when settling began: a win recorded while the settlement runs is settled by another pass.
ALTER TABLE ad_spend_allowances ADD COLUMN settling_spent NUMERIC(18, 6);
