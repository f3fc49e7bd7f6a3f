package com.agentfactory.campaign.kpi;

import com.agentfactory.campaign.money.MinorUnits;
import com.agentfactory.messaging.commerce.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The KPI counts, straight from the tables the sends are delivered and tracked in, so they cannot drift from what
 * happened. Each count is of one {@link KpiScope}: a journey, a campaign's journeys, or all.
 */
@Repository
class KpiQueries {

    private final JdbcTemplate jdbc;

    KpiQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean journeyExists(UUID journeyId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM journeys WHERE id = ?)", Boolean.class, journeyId));
    }

    boolean campaignExists(UUID campaignId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = ?)", Boolean.class, campaignId));
    }

    List<UUID> journeysOf(UUID campaignId) {
        return jdbc.queryForList(
                "SELECT id FROM journeys WHERE campaign_id = ? ORDER BY created_at, id", UUID.class, campaignId);
    }

    Map<String, Long> sendsByStatus(KpiScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT status, count(*) AS n FROM sends WHERE " + scope.condition("journey_id") + " GROUP BY status",
                rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                },
                scope.parameters());
        return counts;
    }

    /**
     * The scope's sends opened (or clicked) among those marked sent: an open can be recorded while its send is still
     * marked sending, and counting it before the send is counted delivered would put the rates above 1.
     */
    long tracked(KpiScope scope, String kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM send_events e JOIN sends s ON s.id = e.send_id"
                        + " WHERE e.kind = ? AND s.status = 'sent' AND " + scope.condition("s.journey_id"),
                Long.class,
                arguments(kind, scope.parameters()));
    }

    Map<String, Long> skipsByReason(KpiScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT reason, count(*) AS n FROM send_skips WHERE " + scope.condition("journey_id")
                        + " GROUP BY reason ORDER BY reason",
                rs -> {
                    counts.put(rs.getString("reason"), rs.getLong("n"));
                },
                scope.parameters());
        return counts;
    }

    long converted(KpiScope scope, Duration window) {
        return jdbc.queryForObject(
                """
                SELECT count(DISTINCT s.customer_id) FROM sends s
                WHERE s.status = 'sent' AND %s
                  AND EXISTS (SELECT 1 FROM customer_orders o
                              WHERE o.customer_id = s.customer_id AND o.placed_total > o.cancelled_total
                                AND o.placed_at >= s.sent_at
                                AND o.placed_at < s.sent_at + make_interval(secs => ?))
                """.formatted(scope.condition("s.journey_id")),
                Long.class,
                arguments(scope.parameters(), seconds(window)));
    }

    /** How many orders the scope's delivered sends preceded within the window, each order once. */
    long attributedOrders(KpiScope scope, Duration window) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM customer_orders o WHERE " + attributed(scope),
                Long.class,
                arguments(scope.parameters(), seconds(window)));
    }

    /** What those orders came to net of cancellations, per currency. */
    List<Money> revenue(KpiScope scope, Duration window) {
        return jdbc.query(
                "SELECT o.currency, sum(o.placed_total - o.cancelled_total) AS amount FROM customer_orders o WHERE "
                        + attributed(scope) + " GROUP BY o.currency ORDER BY o.currency",
                (rs, row) -> money(rs.getBigDecimal("amount"), rs.getString("currency")),
                arguments(scope.parameters(), seconds(window)));
    }

    /**
     * Customers who, after a delivered send of the scope, opted out of its channel themselves: a one-click unsubscribe
     * (a suppression by the customer) or a STOP reply to a text (their consent withdrawn by the customer). One EXISTS
     * per way, so a customer who did both, or more than once, after several sends counts once.
     */
    long unsubscribed(KpiScope scope) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT s.customer_id) FROM sends s
                WHERE s.status = 'sent' AND %s
                  AND (EXISTS (SELECT 1 FROM suppressions u
                               WHERE u.customer_id = s.customer_id AND u.suppressed_by = 'customer'
                                 AND (u.channel = s.channel OR u.channel = 'all')
                                 AND u.suppressed_at >= s.sent_at)
                       OR EXISTS (SELECT 1 FROM consent_changes c
                                  WHERE c.customer_id = s.customer_id AND c.channel = s.channel
                                    AND NOT c.granted AND c.recorded_by = 'customer'
                                    AND c.recorded_at >= s.sent_at))
                """.formatted(scope.condition("s.journey_id")), Long.class, scope.parameters());
    }

    // an order not wholly cancelled, placed within the window after a delivered send of the scope; an EXISTS, so an
    // order counts once however many of the scope's sends (of one journey or several) preceded it
    private static String attributed(KpiScope scope) {
        return """
                o.placed_at IS NOT NULL AND o.placed_total > o.cancelled_total
                  AND EXISTS (SELECT 1 FROM sends s
                              WHERE s.customer_id = o.customer_id AND s.status = 'sent'
                                AND %s
                                AND o.placed_at >= s.sent_at
                                AND o.placed_at < s.sent_at + make_interval(secs => ?))
                """.formatted(scope.condition("s.journey_id"));
    }

    private static double seconds(Duration window) {
        return (double) window.toSeconds();
    }

    // the bind values in placeholder order; an array among them (a scope's parameters) is spread in place
    private static Object[] arguments(Object... values) {
        List<Object> flat = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Object[] spread) {
                Collections.addAll(flat, spread);
            } else {
                flat.add(value);
            }
        }
        return flat.toArray();
    }

    // order amounts are stored with four decimals; reported in the currency's own minor unit
    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(MinorUnits.of(currency), RoundingMode.HALF_EVEN), currency);
    }
}
