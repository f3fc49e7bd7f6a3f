-- What a campaign that leaves its pool during the day used beyond its own daily budget stays counted against the
-- pool until the day ends. Its own budget can still be edited once it is paused, so the excess is measured against
-- the budget it had when it was last given a share today, not the one it has now. A change that only gives a
-- campaign its own budget back (no pool to share, or no longer serving) is no share of a pool: a campaign pooled
-- yesterday and reset this morning took nothing from today's pool. Rows written before this version have neither;
-- they are read as shares, measured against the campaign's budget as it is now.
ALTER TABLE ad_allocation_changes ADD COLUMN own_daily_budget NUMERIC(14, 2);

ALTER TABLE ad_allocation_changes ADD COLUMN in_pool BOOLEAN;
