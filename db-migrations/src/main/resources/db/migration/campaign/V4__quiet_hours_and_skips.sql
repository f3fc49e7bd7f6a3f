-- The customer's own time zone (an IANA name), for quiet hours; null means the store's default zone.
ALTER TABLE customers ADD COLUMN time_zone VARCHAR(64);

-- Every time a send was not made when it came due: refused for good (no consent, suppressed, no address) or
-- deferred to a later time (quiet hours, frequency cap). Append-only, for audit and for the skip counts.
CREATE TABLE send_skips (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    send_id         UUID          NOT NULL REFERENCES sends (id),
    customer_id     UUID          NOT NULL,
    journey_id      UUID,
    channel         VARCHAR(16)   NOT NULL,
    reason          VARCHAR(32)   NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    deferred_until  TIMESTAMPTZ,
    occurred_at     TIMESTAMPTZ   NOT NULL
);

CREATE INDEX send_skips_send_idx ON send_skips (send_id);
CREATE INDEX send_skips_journey_idx ON send_skips (journey_id, reason);

-- frequency caps count what a customer was sent on a channel lately
CREATE INDEX sends_customer_channel_sent_idx ON sends (customer_id, channel, sent_at) WHERE status = 'sent';
