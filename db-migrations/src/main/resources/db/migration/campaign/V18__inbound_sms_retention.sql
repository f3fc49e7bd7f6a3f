-- Inbound texts are forgotten after a retention (agentfactory.campaign.inbound-sms.purge.retention): the purge finds
-- the oldest by when they were received.
CREATE INDEX inbound_sms_received_idx ON inbound_sms (received_at);
