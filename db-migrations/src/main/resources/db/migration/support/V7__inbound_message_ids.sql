-- A channel that retries a delivery (a mail gateway after a timeout) sends the same message again under the id it
-- gave it (an e-mail's Message-ID). The id is kept per sender, which is all it is unique in, and the reply the first
-- delivery got is kept with it, so a repeat is answered with that reply instead of opening a second ticket.
ALTER TABLE conversation_messages
    ADD COLUMN external_id TEXT,
    ADD COLUMN outcome     JSONB;

CREATE UNIQUE INDEX conversation_messages_external_idx
    ON conversation_messages (author_id, external_id)
    WHERE external_id IS NOT NULL;
