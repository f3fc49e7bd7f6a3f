-- Journeys: a definition kept as the canonical JSON it was validated as, with its trigger copied out so events
-- find the journeys they start without parsing every definition.
CREATE TABLE journeys (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    definition     TEXT          NOT NULL,
    trigger_type   VARCHAR(32)   NOT NULL,
    trigger_event  VARCHAR(64),
    active         BOOLEAN       NOT NULL,
    activated_at   TIMESTAMPTZ,
    date_fired_at  TIMESTAMPTZ,
    created_by     VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    version        BIGINT        NOT NULL
);

CREATE UNIQUE INDEX journeys_name_idx ON journeys (lower(name));
CREATE INDEX journeys_trigger_idx ON journeys (trigger_event) WHERE active;

-- One customer's way through one journey. The row is its own durable timer: due_at is when its current step
-- runs next, and the executor claims due rows with FOR UPDATE SKIP LOCKED, so a restart simply finds them again.
CREATE TABLE journey_enrolments (
    id              UUID PRIMARY KEY,
    journey_id      UUID          NOT NULL REFERENCES journeys (id),
    customer_id     UUID          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    current_step    VARCHAR(64),
    due_at          TIMESTAMPTZ,
    waiting_for     VARCHAR(64),
    wait_next       VARCHAR(64),
    context         TEXT          NOT NULL,
    end_reason      VARCHAR(500),
    steps_run       INTEGER       NOT NULL DEFAULT 0,
    entered_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT journey_enrolments_status CHECK (status IN ('active', 'completed', 'failed'))
);

-- at most one enrolment in progress per customer and journey
CREATE UNIQUE INDEX journey_enrolments_live_idx ON journey_enrolments (journey_id, customer_id)
    WHERE status = 'active';
CREATE INDEX journey_enrolments_due_idx ON journey_enrolments (due_at) WHERE status = 'active';
CREATE INDEX journey_enrolments_waiting_idx ON journey_enrolments (customer_id, waiting_for)
    WHERE status = 'active' AND waiting_for IS NOT NULL;

-- Every send a journey step asked for, written in the transaction that moves the enrolment past the step: the
-- unique key makes a step send at most one message per enrolment, and the row is the outbox the dispatcher
-- delivers from, its id the idempotency key the channel sees (Message-ID, Idempotency-Key header).
CREATE TABLE sends (
    id              UUID PRIMARY KEY,
    enrolment_id    UUID,
    step_id         VARCHAR(64),
    journey_id      UUID,
    customer_id     UUID          NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    template_id     VARCHAR(100)  NOT NULL,
    target          VARCHAR(2000),
    variables       TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(1000),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT sends_status CHECK (status IN ('pending', 'sending', 'sent', 'refused', 'failed')),
    CONSTRAINT sends_step_once UNIQUE (enrolment_id, step_id)
);

CREATE INDEX sends_due_idx ON sends (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX sends_customer_idx ON sends (customer_id, created_at);

-- Message templates per channel; bodies are Mustache, HTML-escaped for e-mail.
CREATE TABLE message_templates (
    channel      VARCHAR(16)   NOT NULL,
    template_id  VARCHAR(100)  NOT NULL,
    subject      VARCHAR(500),
    body         TEXT          NOT NULL,
    updated_by   VARCHAR(200)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (channel, template_id)
);

INSERT INTO message_templates (channel, template_id, subject, body, updated_by, updated_at) VALUES
('email', 'abandoned_cart_reminder', 'You left something in your cart',
 '<p>Hello,</p><p>Your cart of {{cart_value}} {{currency}} is waiting:</p><ul>{{#items}}<li>{{sku}} x {{quantity}}</li>{{/items}}</ul><p>Use code SAVE10 for {{discount}} off.</p>',
 'migration', now()),
('sms', 'abandoned_cart_sms', NULL, 'Don''t forget! Your cart is waiting. Use code SAVE10', 'migration', now()),
('email', 'final_abandoned_cart', 'Last chance: {{discount}} off your cart',
 '<p>Your cart of {{cart_value}} {{currency}} is still waiting. Use code SAVE15 for {{discount}} off.</p>',
 'migration', now());
