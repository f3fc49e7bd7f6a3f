package com.agentfactory.campaign.kpi;

import com.agentfactory.messaging.commerce.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The KPI counts, straight from the tables the sends are delivered and tracked in, so they cannot drift from what
 * happened. A null journey means every journey.
 */
@Repository
class KpiQueries {

    private static final String JOURNEY = "(CAST(? AS uuid) IS NULL OR journey_id = CAST(? AS uuid))";

    // an order not wholly cancelled, placed within the window after a delivered send of the journey (or any journey)
    private static final String ATTRIBUTED = """
            o.placed_at IS NOT NULL AND o.placed_total > o.cancelled_total
              AND EXISTS (SELECT 1 FROM sends s
                          WHERE s.customer_id = o.customer_id AND s.status = 'sent'
                            AND (CAST(? AS uuid) IS NULL OR s.journey_id = CAST(? AS uuid))
                            AND o.placed_at >= s.sent_at
                            AND o.placed_at < s.sent_at + make_interval(secs => ?))
            """;

    private final JdbcTemplate jdbc;

    KpiQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean journeyExists(UUID journeyId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM journeys WHERE id = ?)", Boolean.class, journeyId));
    }

    Map<String, Long> sendsByStatus(UUID journeyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT status, count(*) AS n FROM sends WHERE " + JOURNEY + " GROUP BY status",
                rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                },
                journeyId,
                journeyId);
        return counts;
    }

    long tracked(UUID journeyId, String kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM send_events WHERE kind = ? AND " + JOURNEY,
                Long.class,
                kind,
                journeyId,
                journeyId);
    }

    Map<String, Long> skipsByReason(UUID journeyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT reason, count(*) AS n FROM send_skips WHERE " + JOURNEY + " GROUP BY reason ORDER BY reason",
                rs -> {
                    counts.put(rs.getString("reason"), rs.getLong("n"));
                },
                journeyId,
                journeyId);
        return counts;
    }

    long converted(UUID journeyId, Duration window) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT s.customer_id) FROM sends s
                WHERE s.status = 'sent' AND (CAST(? AS uuid) IS NULL OR s.journey_id = CAST(? AS uuid))
                  AND EXISTS (SELECT 1 FROM customer_orders o
                              WHERE o.customer_id = s.customer_id AND o.placed_total > o.cancelled_total
                                AND o.placed_at >= s.sent_at
                                AND o.placed_at < s.sent_at + make_interval(secs => ?))
                """, Long.class, journeyId, journeyId, (double) window.toSeconds());
    }

    /** How many orders the journey's delivered sends preceded within the window, each order once. */
    long attributedOrders(UUID journeyId, Duration window) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM customer_orders o WHERE " + ATTRIBUTED, Long.class, journeyId, journeyId, (double)
                        window.toSeconds());
    }

    /** What those orders came to net of cancellations, per currency. */
    List<Money> revenue(UUID journeyId, Duration window) {
        return jdbc.query(
                "SELECT o.currency, sum(o.placed_total - o.cancelled_total) AS amount FROM customer_orders o WHERE "
                        + ATTRIBUTED + " GROUP BY o.currency ORDER BY o.currency",
                (rs, row) -> money(rs.getBigDecimal("amount"), rs.getString("currency")),
                journeyId,
                journeyId,
                (double) window.toSeconds());
    }

    // order amounts are stored with four decimals; reported in the currency's own minor unit
    private static Money money(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Money(amount.setScale(Math.max(digits, 0), RoundingMode.HALF_EVEN), currency);
    }

    long unsubscribed(UUID journeyId) {
        // one-click unsubscribes are recorded as suppressions by the customer
        return jdbc.queryForObject("""
                SELECT count(DISTINCT s.customer_id) FROM sends s
                WHERE s.status = 'sent' AND (CAST(? AS uuid) IS NULL OR s.journey_id = CAST(? AS uuid))
                  AND EXISTS (SELECT 1 FROM suppressions u
                              WHERE u.customer_id = s.customer_id AND u.suppressed_by = 'customer'
                                AND (u.channel = s.channel OR u.channel = 'all')
                                AND u.suppressed_at >= s.sent_at)
                """, Long.class, journeyId, journeyId);
    }
}
