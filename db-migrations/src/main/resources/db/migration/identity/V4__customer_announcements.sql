-- A sign-up is announced to the shop as a customer record (customer.upserted, through the supervisor's event
-- intake, so the campaign, finance and recommendation agents know the new customer). The announcement is written in
-- the sign-up's transaction and relayed until the intake accepts it: a supervisor that is down delays it, never
-- loses it. The event id makes a repeated relay harmless.
CREATE TABLE customer_announcements (
    event_id        UUID PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    email           TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    announced_at    TIMESTAMPTZ
);

CREATE INDEX customer_announcements_due_idx ON customer_announcements (next_attempt_at) WHERE announced_at IS NULL;
