-- A send the recipient's mail server refused for good (a hard bounce: the address or its domain does not exist).
-- It is neither delivered nor a failure worth retrying, and the customer is suppressed on the channel with it.
ALTER TABLE sends DROP CONSTRAINT sends_status;
ALTER TABLE sends ADD CONSTRAINT sends_status
    CHECK (status IN ('pending', 'sending', 'sent', 'refused', 'failed', 'bounced'));
