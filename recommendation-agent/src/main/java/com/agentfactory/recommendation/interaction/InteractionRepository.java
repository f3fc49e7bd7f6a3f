package com.agentfactory.recommendation.interaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
     * Takes {@code quantity} back from the purchases of a product: from the named order when it is known here,
     * otherwise from the customer's latest purchases of it that could be that order. Returns the customer whose
     * purchases changed, if any did.
     */
    Optional<UUID> takeBackPurchase(String orderNumber, UUID customerId, UUID productId, int quantity) {
        List<UUID> changed = List.of();
        if (orderNumber != null) {
            // order numbers are one regardless of case, as the support agent keeps them: back offices often write
            // a cancellation's original order number in other case than the order was placed with
            changed = takeFromLatest(
                    "upper(order_number) = upper(?) AND product_id = ?", quantity, orderNumber, productId);
        }
        if (changed.isEmpty() && customerId != null) {
            // A cancellation naming an order not seen here (read before it, or never sent) must not take back a
            // purchase of another order; only a purchase stored without its order number (before numbers were
            // kept) may be the one it names. Otherwise the cancellation waits for its order (keepPending).
            changed = takeFromLatest(
                    "user_id = ? AND product_id = ? AND (CAST(? AS varchar) IS NULL OR order_number IS NULL)",
                    quantity,
                    customerId,
                    productId,
                    orderNumber);
        }
        // a purchase taken back in full is no longer a signal at all
        jdbc.update("DELETE FROM interactions WHERE kind = 'PURCHASE' AND quantity <= 0 AND product_id = ?", productId);
        return changed.stream().findFirst();
    }

    /**
     * Takes {@code quantity} off the matching purchase rows, latest first, each giving at most what it holds: an
     * order may hold the product on several lines, and a cancellation of more than one row holds must reach the
     * others. The rows are locked before their quantities are read, so a cancellation running at the same time (one
     * without an order number takes no order lock) waits and then takes from what this one left. Returns the
     * customers of the rows changed.
     */
    private List<UUID> takeFromLatest(String matching, int quantity, Object... matchingArguments) {
        Object[] arguments = new Object[matchingArguments.length + 1];
        System.arraycopy(matchingArguments, 0, arguments, 0, matchingArguments.length);
        arguments[matchingArguments.length] = quantity;
        return jdbc.queryForList("""
                WITH matching AS (
                    SELECT id, quantity, occurred_at FROM interactions
                    WHERE kind = 'PURCHASE' AND quantity > 0 AND %s
                    ORDER BY occurred_at DESC, id DESC
                    FOR UPDATE),
                held_before AS (
                    SELECT id, quantity,
                           coalesce(sum(quantity) OVER (ORDER BY occurred_at DESC, id DESC
                                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                    FROM matching),
                taken AS (
                    SELECT id, least(quantity, greatest(0, ? - before)) AS amount FROM held_before)
                UPDATE interactions SET quantity = interactions.quantity - taken.amount
                FROM taken WHERE interactions.id = taken.id AND taken.amount > 0
                RETURNING interactions.user_id
                """.formatted(matching), UUID.class, arguments);
    }

    /**
     * Holds the order number's lock (ignoring its case, as the look-ups do) to the end of the caller's transaction.
     * An order and its cancellation are read from different partitions, perhaps by different instances at once:
     * without it each could miss the other's uncommitted rows, the cancellation finding no purchase of the order
     * and the order no cancellation kept for it, and the cancellation would be lost.
     */
    void lockOrderNumber(String orderNumber) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended('recommendation.order-number:' || upper(?), 0))",
                (RowCallbackHandler) row -> {},
                orderNumber);
    }

    /** Whether a purchase of the order is stored, its number compared ignoring case. */
    boolean hasPurchasesOf(String orderNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM interactions WHERE upper(order_number) = upper(?) AND kind = 'PURCHASE')",
                Boolean.class,
                orderNumber));
    }

    /** Which of the products the user bought after {@code since}, in purchases not taken back in full. */
    Set<UUID> boughtAfter(UUID userId, Collection<UUID> productIds, Instant since) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT product_id FROM interactions WHERE user_id = ? AND kind = 'PURCHASE' AND quantity > 0"
                        + " AND occurred_at > ? AND product_id = ANY (?)",
                UUID.class,
                userId,
                Timestamp.from(since),
                productIds.toArray(UUID[]::new)));
    }

    /** Keeps a cancellation's lines until the order it names arrives; a redelivered one is kept once. */
    void keepPending(
            UUID eventId, String orderNumber, List<CancelledLine> lines, Instant occurredAt, Instant receivedAt) {
        for (CancelledLine line : lines) {
            jdbc.update(
                    "INSERT INTO pending_cancellations (event_id, line_no, order_number, product_id, quantity,"
                            + " occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    eventId,
                    line.lineNo(),
                    orderNumber,
                    line.productId(),
                    line.quantity(),
                    Timestamp.from(occurredAt),
                    Timestamp.from(receivedAt));
        }
    }

    /**
     * Removes and returns the lines of the cancellations kept for the order. Rows the purge is deleting are waited
     * for and then are gone; the purge skips the rows this deletes.
     */
    List<CancelledLine> takePending(String orderNumber) {
        return jdbc.query(
                "DELETE FROM pending_cancellations WHERE upper(order_number) = upper(?)"
                        + " RETURNING line_no, product_id, quantity",
                (row, n) -> new CancelledLine(
                        row.getInt("line_no"), row.getObject("product_id", UUID.class), row.getInt("quantity")),
                orderNumber);
    }

    /**
     * Deletes at most {@code limit} of the cancellations kept since before {@code cutoff}, oldest first; returns how
     * many. Rows an arriving order is applying, or another instance deleting, are skipped.
     */
    int forgetPendingReceivedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM pending_cancellations WHERE (event_id, line_no) IN (
                    SELECT event_id, line_no FROM pending_cancellations
                    WHERE received_at < ? ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, Timestamp.from(cutoff), limit);
    }

    List<StoredInteraction> all() {
        return jdbc.query(
                "SELECT user_id, product_id, kind, occurred_at FROM interactions ORDER BY occurred_at, id",
                InteractionRepository::map);
    }

    /**
     * The user's interactions summed per product and kind, decayed to {@code now} as {@link TimeDecay} does: a
     * customer's views are unbounded, so only these totals, one per product and kind, leave the database.
     */
    List<DecayedTotal> decayedTotals(UUID userId, Instant now, Duration halfLife) {
        // ages in whole milliseconds, as TimeDecay counts them: the stored instants are whole microseconds, so
        // cutting now to microseconds changes no age, where the driver's rounding of it could add one
        OffsetDateTime at = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // PostgreSQL raises an error where pow() underflows instead of returning zero or a subnormal; a signal a
        // thousand half-lives old weighs less than 1e-300 of a new one anyway
        return jdbc.query(
                """
                SELECT product_id, kind,
                       sum(CASE WHEN half_lives > 1000 THEN 0 ELSE power(0.5, half_lives) END) AS decayed
                FROM (SELECT product_id, kind,
                             CAST(greatest(0, floor(extract(EPOCH FROM CAST(? AS timestamptz) - occurred_at) * 1000))
                                  AS float8) / ? AS half_lives
                      FROM interactions WHERE user_id = ?) AS aged
                GROUP BY product_id, kind
                """,
                (row, n) -> new DecayedTotal(
                        row.getObject("product_id", UUID.class),
                        InteractionKind.valueOf(row.getString("kind")),
                        row.getDouble("decayed")),
                at,
                (double) halfLife.toMillis(),
                userId);
    }

    /** The products of the user's latest {@code limit} interactions, latest first. */
    List<UUID> latestProducts(UUID userId, int limit) {
        return jdbc.queryForList(
                "SELECT product_id FROM interactions WHERE user_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
                UUID.class,
                userId,
                limit);
    }

    private static StoredInteraction map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredInteraction(
                row.getObject("user_id", UUID.class),
                row.getObject("product_id", UUID.class),
                InteractionKind.valueOf(row.getString("kind")),
                row.getTimestamp("occurred_at").toInstant());
    }
}
