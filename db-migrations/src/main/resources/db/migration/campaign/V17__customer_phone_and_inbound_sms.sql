-- The customer's phone number (E.164) from the shop's customer events: SMS go to it, and a STOP reply is matched to
-- the customers holding it. Part of the profile row, so it is exported and erased with it.
ALTER TABLE customers ADD COLUMN phone VARCHAR(16);
CREATE INDEX customers_phone_idx ON customers (phone) WHERE phone IS NOT NULL;

-- Each inbound SMS an SMS provider delivered, once per provider message id: a provider delivers a message again
-- until it has a 2xx, and a repeat must not be acted on twice. The sender's number is not kept (the consent change
-- it led to is), so nothing here names a person.
CREATE TABLE inbound_sms (
    provider           VARCHAR(32)  NOT NULL,
    message_id         VARCHAR(100) NOT NULL,
    outcome            VARCHAR(32)  NOT NULL,
    customers_matched  INTEGER      NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, message_id)
);
