package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Outbox dead letters as the relay leaves them: a message Kafka refused, with its whole payload. */
public final class DeadLetterMother {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private DeadLetterMother() {}

    /** A task's status message whose output names the customer, as an agent's answer about them does. */
    public static String taskOutputNaming(UUID customerId) {
        return CODEC.encode(MessageEnvelope.builder()
                .sender(null, "test-agent")
                .recipient(null, "supervisor")
                .action("task_status_changed")
                .data(CODEC.toTree(Map.of(
                        "status", "COMPLETED", "output", Map.of("customer_id", customerId.toString(), "note", "x"))))
                .build());
    }

    /** Stores a dead letter moved aside at {@code deadLetteredAt}; returns its message id. */
    public static UUID store(JdbcTemplate jdbc, String key, String payload, Instant deadLetteredAt) {
        UUID messageId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO outbox_dead_letters (message_id, topic, message_key, payload, error, created_at,"
                        + " dead_lettered_at) VALUES (?, 'agent.events', ?, ?,"
                        + " 'org.apache.kafka.common.errors.RecordTooLargeException: too large', ?, ?)",
                messageId,
                key,
                payload,
                Timestamp.from(deadLetteredAt),
                Timestamp.from(deadLetteredAt));
        return messageId;
    }

    /** Whether the dead letter is still there. */
    public static boolean isKept(JdbcTemplate jdbc, UUID messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM outbox_dead_letters WHERE message_id = ?)", Boolean.class, messageId));
    }
}
