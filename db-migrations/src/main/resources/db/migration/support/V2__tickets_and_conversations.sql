-- Support conversations (multi-turn, any channel), their messages, the ticket each one is tracked by,
-- the reasons a ticket went to a person, and the order read model answers draw on.

CREATE TABLE conversations (
    id               UUID        PRIMARY KEY,
    channel          TEXT        NOT NULL CHECK (channel IN ('CHAT', 'EMAIL', 'TASK')),
    customer_id      UUID,
    customer_email   TEXT,
    subject          TEXT,
    failed_attempts  INT         NOT NULL DEFAULT 0,
    last_intent      TEXT,
    last_confidence  DOUBLE PRECISION,
    -- what the bot asked for last (order_number): a bare answer to it continues the previous intent
    pending_slot     TEXT,
    order_number     TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX conversations_customer_idx ON conversations (customer_id);
CREATE INDEX conversations_email_idx ON conversations (lower(customer_email));

-- A customer message is stored with status RECEIVED before it is processed, so a crash mid-way loses nothing.
CREATE TABLE conversation_messages (
    id               UUID        PRIMARY KEY,
    conversation_id  UUID        NOT NULL REFERENCES conversations (id),
    sequence_number  INT         NOT NULL,
    author           TEXT        NOT NULL CHECK (author IN ('CUSTOMER', 'BOT', 'AGENT')),
    author_id        TEXT,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'FAILED', 'SENT')),
    language         TEXT,
    intents          JSONB,
    entities         JSONB,
    sentiment_score  DOUBLE PRECISION,
    answer_source    TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (conversation_id, sequence_number)
);

CREATE INDEX conversation_messages_status_idx ON conversation_messages (status) WHERE status = 'RECEIVED';

CREATE TABLE tickets (
    id                UUID        PRIMARY KEY,
    conversation_id   UUID        NOT NULL UNIQUE REFERENCES conversations (id),
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'ESCALATED', 'CLAIMED', 'ANSWERED', 'CLOSED')),
    category          TEXT,
    customer_id       UUID,
    intents           JSONB,
    entities          JSONB,
    suggested_answer  TEXT,
    assigned_to       TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    escalated_at      TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ
);

CREATE INDEX tickets_queue_idx ON tickets (status, escalated_at) WHERE status IN ('ESCALATED', 'CLAIMED');

-- Why a ticket went to a person: one row per rule that fired, kept for audit and tuning.
CREATE TABLE ticket_escalations (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   UUID        NOT NULL REFERENCES tickets (id),
    message_id  UUID        REFERENCES conversation_messages (id),
    reason      TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX ticket_escalations_ticket_idx ON ticket_escalations (ticket_id);

-- Orders as the storefront announced them on commerce.orders: the context for order questions.
CREATE TABLE orders (
    order_id      UUID          PRIMARY KEY,
    order_number  TEXT          NOT NULL,
    customer_id   UUID,
    status        TEXT          NOT NULL CHECK (status IN ('PLACED', 'CANCELLED', 'REFUNDED')),
    total         NUMERIC(14,4) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    country       TEXT,
    placed_at     TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);

CREATE UNIQUE INDEX orders_number_idx ON orders (upper(order_number));
CREATE INDEX orders_customer_idx ON orders (customer_id);
