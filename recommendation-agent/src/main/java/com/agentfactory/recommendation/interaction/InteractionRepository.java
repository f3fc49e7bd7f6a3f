package com.agentfactory.recommendation.interaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
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
        insert(eventId, interaction, quantity, null);
    }

    void insert(UUID eventId, StoredInteraction interaction, int quantity, String orderNumber) {
        jdbc.update(
                "INSERT INTO interactions (event_id, user_id, product_id, kind, quantity, occurred_at, order_number)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                eventId,
                interaction.userId(),
                interaction.productId(),
                interaction.kind().name(),
                quantity,
                Timestamp.from(interaction.occurredAt()),
                orderNumber);
    }

    /**
     * Takes {@code quantity} back from the purchase of a product: from the named order when it is known
     * here, otherwise from the customer's latest purchase of it that could be that order. Returns the customer
     * whose purchase changed, if any did.
     */
    Optional<UUID> takeBackPurchase(String orderNumber, UUID customerId, UUID productId, int quantity) {
        List<UUID> changed = List.of();
        if (orderNumber != null) {
            changed = jdbc.queryForList(
                    "UPDATE interactions SET quantity = quantity - ? WHERE id = (SELECT id FROM interactions"
                            + " WHERE order_number = ? AND product_id = ? AND kind = 'PURCHASE'"
                            + " ORDER BY occurred_at DESC, id DESC LIMIT 1) RETURNING user_id",
                    UUID.class,
                    quantity,
                    orderNumber,
                    productId);
        }
        if (changed.isEmpty() && customerId != null) {
            // A cancellation naming an order not seen here (read before it, or never sent) must not take back a
            // purchase of another order; only a purchase stored without its order number may be the one it names.
            changed = jdbc.queryForList(
                    "UPDATE interactions SET quantity = quantity - ? WHERE id = (SELECT id FROM interactions"
                            + " WHERE user_id = ? AND product_id = ? AND kind = 'PURCHASE'"
                            + " AND (CAST(? AS varchar) IS NULL OR order_number IS NULL)"
                            + " ORDER BY occurred_at DESC, id DESC LIMIT 1) RETURNING user_id",
                    UUID.class,
                    quantity,
                    customerId,
                    productId,
                    orderNumber);
        }
        // a purchase taken back in full is no longer a signal at all
        jdbc.update("DELETE FROM interactions WHERE kind = 'PURCHASE' AND quantity <= 0 AND product_id = ?", productId);
        return changed.stream().findFirst();
    }

    List<StoredInteraction> all() {
        return jdbc.query(
                "SELECT user_id, product_id, kind, occurred_at FROM interactions ORDER BY occurred_at, id",
                InteractionRepository::map);
    }

    List<StoredInteraction> ofUser(UUID userId) {
        return jdbc.query(
                "SELECT user_id, product_id, kind, occurred_at FROM interactions WHERE user_id = ?"
                        + " ORDER BY occurred_at, id",
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
