-- Who holds a reservation: the caller that made it, named as the audit trail and the task history name callers (a
-- person's user id, or 'agent:' and the service client's id). Only the holder may commit or release it, so money one
-- caller set aside cannot be spent or given back by another the budget's rules admit. NULL for reservations made
-- before, whose maker was not recorded, and for expenses recorded without a reservation: those stay settleable by
-- whoever the rules admit, as they were.
ALTER TABLE budget_reservations ADD COLUMN reserved_by TEXT;
