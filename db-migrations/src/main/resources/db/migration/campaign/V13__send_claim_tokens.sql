-- Which claim of a send holds its lease. A dispatcher renews its lease before it delivers a send, and only while its
-- token is still the row's: once the lease ran out and another dispatcher claimed the send, the first one finds a
-- different token and leaves the send alone instead of delivering it a second time.
ALTER TABLE sends ADD COLUMN claim_token UUID;
