-- Outbox messages Kafka refused for good (too large for the producer's max.request.size, an invalid topic name, a
-- value that cannot be serialised): the relay moves them here, in the transaction that deletes the rest of their
-- batch, so one such row cannot hold back every message behind it. Nothing reads this table but people: to send a
-- row again once its cause is fixed, insert it back into outbox_messages (see the README's outbox section).
--
-- Repeatable rather than versioned because every service schema runs this folder before its own V2.. migrations,
-- so a V2 here would collide with theirs. Flyway runs it after the versioned ones, with the service's schema first
-- on the search_path like V1, and again whenever this file changes: every statement must stay safe to re-run. The
-- CREATE does nothing where the table exists, so a later column goes below it as ALTER TABLE ... ADD COLUMN IF NOT
-- EXISTS.
CREATE TABLE IF NOT EXISTS outbox_dead_letters (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       UUID        NOT NULL,
    topic            TEXT        NOT NULL,
    message_key      TEXT,
    payload          TEXT        NOT NULL,
    -- why Kafka refused it: the exception's class and message (never the payload)
    error            TEXT        NOT NULL,
    -- when the message was written to the outbox, kept so a re-sent row keeps its age
    created_at       TIMESTAMPTZ NOT NULL,
    dead_lettered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
