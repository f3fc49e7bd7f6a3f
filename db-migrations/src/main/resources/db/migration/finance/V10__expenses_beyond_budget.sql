-- Money an agent has already spent that no reservation covered: an ad exchange bills the impressions the ad agent
-- won beyond its allowance whether or not the budget has room left. Refusing to book such spend left it nowhere
-- finance sees, so it is recorded: an expense in the ledger, a committed row among the budget's reservations
-- (unbudgeted), and spend of the budget even beyond its allocation, which then shows it overspent and raises an
-- 'overspent' alert.

-- Spend recorded without a reservation, in total. Reservations still never take more than the allocation (the
-- service's check under the row lock); only unbudgeted spend may take the budget past it, and the CHECK now says
-- exactly that.
ALTER TABLE budgets ADD COLUMN unbudgeted_amount NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (unbudgeted_amount >= 0);

ALTER TABLE budgets DROP CONSTRAINT budgets_never_overspent;

ALTER TABLE budgets ADD CONSTRAINT budgets_reserved_within_allocation
    CHECK (committed_amount + spent_amount <= allocated_amount + unbudgeted_amount);

ALTER TABLE budget_reservations ADD COLUMN unbudgeted BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE budget_alerts DROP CONSTRAINT budget_alerts_level_check;

ALTER TABLE budget_alerts ADD CONSTRAINT budget_alerts_level_check
    CHECK (level IN ('warning', 'critical', 'overspent'));

-- an overspent budget's utilisation passes 1, and on a small allocation 999.9999 (used up to 10^12 over 0.01)
ALTER TABLE budget_alerts ALTER COLUMN utilisation TYPE NUMERIC(20,4);
