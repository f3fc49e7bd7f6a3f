package com.agentfactory.recommendation.interaction;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class AbandonedCartRepository {

    private final JdbcTemplate jdbc;

    AbandonedCartRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the latest cart only: an older abandonment redelivered late must not replace a newer one. */
    void save(AbandonedCart cart) {
        jdbc.update("""
                INSERT INTO abandoned_carts (user_id, product_ids, abandoned_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    product_ids = EXCLUDED.product_ids, abandoned_at = EXCLUDED.abandoned_at
                WHERE abandoned_carts.abandoned_at <= EXCLUDED.abandoned_at
                """, cart.userId(), cart.productIds().toArray(UUID[]::new), Timestamp.from(cart.abandonedAt()));
    }

    Optional<AbandonedCart> find(UUID userId) {
        return jdbc
                .query(
                        "SELECT user_id, product_ids, abandoned_at FROM abandoned_carts WHERE user_id = ?",
                        (row, n) -> {
                            Array ids = row.getArray("product_ids");
                            List<UUID> productIds = Arrays.asList((UUID[]) ids.getArray());
                            return new AbandonedCart(
                                    row.getObject("user_id", UUID.class),
                                    productIds,
                                    row.getTimestamp("abandoned_at").toInstant());
                        },
                        userId)
                .stream()
                .findFirst();
    }
}
