-- Messaging tables every service schema carries. Flyway runs this with the service's schema first on
-- the search_path, so the unqualified names land in that schema.

-- Transactional outbox: written in the same transaction as the business row, drained to Kafka by the relay.
CREATE TABLE outbox_messages (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   UUID        NOT NULL,
    topic        TEXT        NOT NULL,
    message_key  TEXT,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Idempotent consumer: one row per handled message, written in the same transaction as the effect.
CREATE TABLE processed_messages (
    message_id   UUID        NOT NULL,
    consumer     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);

CREATE INDEX processed_messages_processed_at_idx ON processed_messages (processed_at);
