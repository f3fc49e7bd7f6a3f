package com.agentfactory.support.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConversationRepository {

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, InboundMessage message, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations (id, channel, customer_id, customer_email, subject, order_number,
                                                   created_at, updated_at)
                        VALUES (:id, :channel, :customer, :email, :subject, :order, :now, :now)
                        """)
                .param("id", id)
                .param("channel", message.channel().name())
                .param("customer", message.customer().customerId())
                .param("email", message.customerEmail())
                .param("subject", message.subject())
                .param("order", message.orderNumber())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Locks the conversation so its turns are numbered and processed one at a time. */
    Optional<Conversation> lock(UUID id) {
        return jdbc.sql("SELECT * FROM conversations WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    /**
     * The oldest customer message still RECEIVED that arrived before {@code cutoff}, its conversation locked until
     * the caller's transaction ends. Conversations locked by a turn being recorded or by another instance's sweep are
     * skipped, so instances never wait on each other nor on a live turn.
     */
    Optional<Unanswered> lockOldestUnanswered(Instant cutoff) {
        return jdbc.sql("""
                        SELECT c.*, m.id AS message_id, m.created_at AS message_created_at
                        FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
                        WHERE m.status = 'RECEIVED' AND m.author = 'CUSTOMER' AND m.created_at < :cutoff
                        ORDER BY m.created_at
                        LIMIT 1
                        FOR UPDATE OF c SKIP LOCKED
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .query((rs, row) -> new Unanswered(
                        map(rs, row),
                        rs.getObject("message_id", UUID.class),
                        rs.getTimestamp("message_created_at").toInstant()))
                .optional();
    }

    Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT * FROM conversations WHERE id = :id")
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    void recordTurn(
            UUID id,
            int failedAttempts,
            String lastIntent,
            Double lastConfidence,
            PendingSlot pendingSlot,
            String orderNumber,
            Instant now) {
        jdbc.sql("""
                        UPDATE conversations SET failed_attempts = :failed, last_intent = :intent,
                               last_confidence = :confidence, pending_slot = :slot,
                               order_number = coalesce(:order, order_number), updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("failed", failedAttempts)
                .param("intent", lastIntent)
                .param("confidence", lastConfidence)
                .param("slot", pendingSlot == null ? null : pendingSlot.column())
                .param("order", orderNumber)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A customer message stored but never answered, with its (locked) conversation. */
    record Unanswered(Conversation conversation, UUID messageId, Instant receivedAt) {}

    private static Conversation map(ResultSet rs, int row) throws SQLException {
        double confidence = rs.getDouble("last_confidence");
        return new Conversation(
                rs.getObject("id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_email"),
                rs.getString("subject"),
                rs.getInt("failed_attempts"),
                rs.getString("last_intent"),
                rs.wasNull() ? null : confidence,
                PendingSlot.fromColumn(rs.getString("pending_slot")),
                rs.getString("order_number"),
                rs.getTimestamp("created_at").toInstant());
    }
}
