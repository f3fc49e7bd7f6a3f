package com.agentfactory.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthAuditRepository {

    private final JdbcClient jdbc;

    AuthAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuthEvent event) {
        jdbc.sql("""
                        INSERT INTO auth_events (id, occurred_at, type, user_id, email, actor_id, client_ip, detail)
                        VALUES (:id, :occurredAt, :type, :userId, :email, :actorId, :clientIp, :detail)
                        """)
                .param("id", event.id())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("type", event.type().name())
                .param("userId", event.userId())
                .param("email", event.email())
                .param("actorId", event.actorId())
                .param("clientIp", event.clientIp())
                .param("detail", event.detail())
                .update();
    }

    /** Newest first; each filter applies only when given. */
    List<AuthEvent> find(AuthEventQuery query) {
        return jdbc.sql("""
                        SELECT * FROM auth_events
                        WHERE (CAST(:email AS TEXT) IS NULL OR lower(email) = lower(CAST(:email AS TEXT)))
                          AND (CAST(:userId AS UUID) IS NULL OR user_id = CAST(:userId AS UUID))
                          AND (CAST(:type AS TEXT) IS NULL OR type = CAST(:type AS TEXT))
                        ORDER BY occurred_at DESC, id
                        LIMIT :limit
                        """)
                .param("email", query.email())
                .param("userId", query.userId())
                .param("type", query.type() == null ? null : query.type().name())
                .param("limit", query.limit())
                .query(AuthAuditRepository::map)
                .list();
    }

    private static AuthEvent map(ResultSet rs, int row) throws SQLException {
        return new AuthEvent(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                AuthEventType.valueOf(rs.getString("type")),
                rs.getObject("user_id", UUID.class),
                rs.getString("email"),
                rs.getString("actor_id"),
                rs.getString("client_ip"),
                rs.getString("detail"));
    }
}
