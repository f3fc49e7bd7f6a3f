-- The UTC day the money of a reservation is spent on, when the caller says: spend settled after midnight (an ad
-- exchange's bill for the last day of a month, settled on the first of the next) belongs to the month it was spent
-- in, so the reservation is made from that month's budget and the expense its commit books is dated on that day.
-- NULL for a reservation made ahead of spending (a purchase order, a campaign's budget check): booked when committed.
ALTER TABLE budget_reservations ADD COLUMN spent_on DATE;
