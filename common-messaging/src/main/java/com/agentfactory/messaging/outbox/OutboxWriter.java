package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends messages to the outbox inside the caller's transaction, so a message exists exactly when the
 * business row that caused it does. The relay is woken after commit instead of waiting for its next poll.
 */
public class OutboxWriter {

    private static final String INSERT =
            "INSERT INTO outbox_messages (message_id, topic, message_key, payload) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EnvelopeCodec codec;
    private final Runnable relayWakeUp;

    public OutboxWriter(JdbcTemplate jdbc, EnvelopeCodec codec, Runnable relayWakeUp) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relayWakeUp = relayWakeUp;
    }

    public void append(String topic, String key, MessageEnvelope envelope) {
        appendAll(List.of(new OutboxMessage(topic, key, envelope)));
    }

    public void appendAll(List<OutboxMessage> messages) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "the outbox must be written inside the transaction of the change it reports");
        }
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, messages, messages.size(), (statement, message) -> {
            statement.setObject(1, message.envelope().messageId());
            statement.setString(2, message.topic());
            statement.setString(3, message.key());
            statement.setString(4, codec.encode(message.envelope()));
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relayWakeUp.run();
            }
        });
    }

    public record OutboxMessage(String topic, String key, MessageEnvelope envelope) {}
}
