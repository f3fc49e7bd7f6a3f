-- When a tranche finance refused may be asked for again: the keeper backs off per campaign instead of asking every
-- pass. Rows refused before this column existed have none, and their campaign is asked again on the next pass, once.
ALTER TABLE ad_budget_reservations ADD COLUMN retry_after TIMESTAMPTZ;
