package com.agentfactory.support.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    private static final String COLUMNS =
            "id, conversation_id, status, category, customer_id, intents::text AS intents,"
                    + " entities::text AS entities, suggested_answer, assigned_to, created_at, updated_at, escalated_at, closed_at";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Ticket create(UUID conversationId, UUID customerId, String category, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO tickets (id, conversation_id, status, category, customer_id, created_at, updated_at)
                        VALUES (:id, :conversation, 'OPEN', :category, :customer, :now, :now)
                        """)
                .param("id", id)
                .param("conversation", conversationId)
                .param("category", category)
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .update();
        return new Ticket(
                id,
                conversationId,
                TicketStatus.OPEN,
                category,
                customerId,
                null,
                null,
                null,
                null,
                now,
                now,
                null,
                null);
    }

    Optional<Ticket> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = :id")
                .param("id", id)
                .query(TicketRepository::map)
                .optional();
    }

    Optional<Ticket> findByConversation(UUID conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE conversation_id = :id")
                .param("id", conversationId)
                .query(TicketRepository::map)
                .optional();
    }

    /** Oldest escalation first, so the queue is worked in the order customers were handed over. */
    List<Ticket> queue(Collection<TicketStatus> statuses, UUID customerId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE " + QUEUE_FILTER
                        + " ORDER BY escalated_at NULLS LAST, created_at, id LIMIT :limit OFFSET :offset")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("customer", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(TicketRepository::map)
                .list();
    }

    long queueSize(Collection<TicketStatus> statuses, UUID customerId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE " + QUEUE_FILTER)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }

    private static final String QUEUE_FILTER =
            "status IN (:statuses)" + " AND (CAST(:customer AS uuid) IS NULL OR customer_id = CAST(:customer AS uuid))";

    void recordAnalysis(UUID id, String intentsJson, String entitiesJson, String suggestedAnswer, Instant now) {
        jdbc.sql("""
                        UPDATE tickets SET intents = CAST(:intents AS jsonb), entities = CAST(:entities AS jsonb),
                               suggested_answer = coalesce(:suggested, suggested_answer), updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("intents", intentsJson)
                .param("entities", entitiesJson)
                .param("suggested", suggestedAnswer)
                .param("now", Timestamp.from(now))
                .update();
    }

    void escalate(UUID id, UUID messageId, List<Reason> reasons, Instant now) {
        jdbc.sql("""
                        UPDATE tickets SET status = 'ESCALATED', escalated_at = :now, updated_at = :now, closed_at = NULL
                        WHERE id = :id
                        """).param("id", id).param("now", Timestamp.from(now)).update();
        for (Reason reason : reasons) {
            jdbc.sql("""
                            INSERT INTO ticket_escalations (ticket_id, message_id, reason, detail, created_at)
                            VALUES (:ticket, :message, :reason, :detail, :now)
                            """)
                    .param("ticket", id)
                    .param("message", messageId)
                    .param("reason", reason.reason())
                    .param("detail", reason.detail())
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    record Reason(String reason, String detail) {}

    List<EscalationRecord> escalations(UUID ticketId) {
        return jdbc.sql("""
                        SELECT reason, detail, message_id, created_at FROM ticket_escalations
                        WHERE ticket_id = :id ORDER BY id
                        """)
                .param("id", ticketId)
                .query((rs, row) -> new EscalationRecord(
                        rs.getString("reason"),
                        rs.getString("detail"),
                        rs.getObject("message_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Moves the ticket only when it is in one of {@code from}; false when it was not (someone else was first). */
    boolean transition(UUID id, Collection<TicketStatus> from, TicketStatus to, String assignedTo, Instant now) {
        return jdbc.sql("""
                                UPDATE tickets SET status = :to, assigned_to = coalesce(:assigned, assigned_to),
                                       updated_at = :now,
                                       closed_at = CASE WHEN :to = 'CLOSED' THEN CAST(:now AS timestamptz) END
                                WHERE id = :id AND status IN (:from)
                                """)
                        .param("id", id)
                        .param("to", to.name())
                        .param("assigned", assignedTo)
                        .param("now", Timestamp.from(now))
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    /** As {@link #transition}, but only while the ticket is nobody's or already {@code agentId}'s. */
    boolean transitionUnlessAssignedToAnother(
            UUID id, Collection<TicketStatus> from, TicketStatus to, String agentId, Instant now) {
        return jdbc.sql("""
                                UPDATE tickets SET status = :to, assigned_to = :agent, updated_at = :now,
                                       closed_at = CASE WHEN :to = 'CLOSED' THEN CAST(:now AS timestamptz) END
                                WHERE id = :id AND status IN (:from)
                                  AND (assigned_to IS NULL OR assigned_to = :agent)
                                """)
                        .param("id", id)
                        .param("to", to.name())
                        .param("agent", agentId)
                        .param("now", Timestamp.from(now))
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    private static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getString("category"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("intents"),
                rs.getString("entities"),
                rs.getString("suggested_answer"),
                rs.getString("assigned_to"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("escalated_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
