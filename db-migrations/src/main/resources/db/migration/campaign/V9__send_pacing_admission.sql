-- When pacing let a send go. From that moment the send counts against the customer's frequency cap, also while it
-- is still being delivered, so two dispatchers (two instances of the agent) cannot both let go the send that would
-- pass the cap; they take turns on a transaction-scoped advisory lock per customer and channel.
ALTER TABLE sends ADD COLUMN paced_at TIMESTAMPTZ;
