package com.agentfactory.recommendation.interaction;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

@Repository
class AbandonedCartRepository {

    private final JdbcTemplate jdbc;

    AbandonedCartRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the customer's cart lock to the end of the caller's transaction. An order and an abandonment are read from
     * different topics, perhaps by different instances at once: without it each could miss the other's uncommitted
     * rows, the order finding no cart to take its products from and the abandonment no purchase of them.
     */
    void lockCartOf(UUID userId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended('recommendation.abandoned-cart:' || ?, 0))",
                (RowCallbackHandler) row -> {},
                userId.toString());
    }

    /**
     * Keeps the latest cart only: an older abandonment redelivered late must not replace a newer one. A cart without
     * products (all bought since) is kept as the latest abandonment all the same, and is not found.
     */
    void save(AbandonedCart cart) {
        jdbc.update("""
                INSERT INTO abandoned_carts (user_id, product_ids, abandoned_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    product_ids = EXCLUDED.product_ids, abandoned_at = EXCLUDED.abandoned_at
                WHERE abandoned_carts.abandoned_at <= EXCLUDED.abandoned_at
                """, cart.userId(), cart.productIds().toArray(UUID[]::new), Timestamp.from(cart.abandonedAt()));
    }

    /**
     * Takes the products out of the customer's cart when it was abandoned before {@code orderedAt}: bought, they are
     * no longer to be recovered. A cart whose every product was bought stays without products, and is not found.
     */
    void takeOutBought(UUID userId, Collection<UUID> productIds, Instant orderedAt) {
        jdbc.update(
                """
                UPDATE abandoned_carts SET product_ids = ARRAY(
                    SELECT line.product_id FROM unnest(abandoned_carts.product_ids) WITH ORDINALITY
                        AS line(product_id, position)
                    WHERE line.product_id <> ALL (?) ORDER BY line.position)
                WHERE user_id = ? AND abandoned_at < ? AND product_ids && ?
                """,
                productIds.toArray(UUID[]::new),
                userId,
                Timestamp.from(orderedAt),
                productIds.toArray(UUID[]::new));
    }

    Optional<AbandonedCart> find(UUID userId) {
        return jdbc
                .query(
                        "SELECT user_id, product_ids, abandoned_at FROM abandoned_carts"
                                + " WHERE user_id = ? AND cardinality(product_ids) > 0",
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
