package com.agentfactory.recommendation.interaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class InteractionRepository {

    private final JdbcTemplate jdbc;

    InteractionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID eventId, StoredInteraction interaction, int quantity) {
        jdbc.update(
                "INSERT INTO interactions (event_id, user_id, product_id, kind, quantity, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                eventId,
                interaction.userId(),
                interaction.productId(),
                interaction.kind().name(),
                quantity,
                Timestamp.from(interaction.occurredAt()));
    }

    List<StoredInteraction> all() {
        return jdbc.query(
                "SELECT user_id, product_id, kind, occurred_at FROM interactions ORDER BY occurred_at, id",
                InteractionRepository::map);
    }

    List<StoredInteraction> ofUser(UUID userId) {
        return jdbc.query(
                "SELECT user_id, product_id, kind, occurred_at FROM interactions WHERE user_id = ?",
                InteractionRepository::map,
                userId);
    }

    private static StoredInteraction map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredInteraction(
                row.getObject("user_id", UUID.class),
                row.getObject("product_id", UUID.class),
                InteractionKind.valueOf(row.getString("kind")),
                row.getTimestamp("occurred_at").toInstant());
    }
}
