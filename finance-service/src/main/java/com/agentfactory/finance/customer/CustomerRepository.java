package com.agentfactory.finance.customer;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CustomerRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    CustomerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A behaviour as it is recorded: under its source event id, at its time. */
    record Behavior(
            UUID customerId,
            String eventType,
            Map<String, Object> eventData,
            String sessionId,
            String agent,
            String channel,
            UUID sourceEventId,
            Instant occurredAt) {}

    /** False when the source event was already recorded. */
    boolean insertBehavior(UUID id, Behavior behavior) {
        return jdbc.update(
                        "INSERT INTO customer_behaviors (id, customer_id, event_type, event_data, session_id, agent,"
                                + " channel, source_event_id, occurred_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (source_event_id) DO NOTHING",
                        id,
                        behavior.customerId(),
                        behavior.eventType(),
                        eventData(behavior),
                        behavior.sessionId(),
                        behavior.agent(),
                        behavior.channel(),
                        behavior.sourceEventId(),
                        Timestamp.from(behavior.occurredAt()))
                == 1;
    }

    /**
     * The behaviour under this behaviour's source event id when it is the same customer's same behaviour (event data
     * compared as jsonb; the time only when {@code dated}, as an undated request is dated when recorded); empty for
     * another.
     */
    Optional<UUID> sameBehavior(Behavior behavior, boolean dated) {
        List<Object> args = new ArrayList<>(
                List.of(behavior.sourceEventId(), behavior.customerId(), behavior.eventType(), eventData(behavior)));
        StringBuilder sql = new StringBuilder("SELECT id FROM customer_behaviors WHERE source_event_id = ?"
                + " AND customer_id = ? AND event_type = ? AND event_data = ?::jsonb");
        String[] columns = {"session_id", "agent", "channel"};
        String[] values = {behavior.sessionId(), behavior.agent(), behavior.channel()};
        for (int i = 0; i < columns.length; i++) {
            if (values[i] == null) {
                sql.append(" AND ").append(columns[i]).append(" IS NULL");
            } else {
                sql.append(" AND ").append(columns[i]).append(" = ?");
                args.add(values[i]);
            }
        }
        if (dated) {
            sql.append(" AND occurred_at = ?");
            args.add(Timestamp.from(behavior.occurredAt()));
        }
        return jdbc.queryForList(sql.toString(), UUID.class, args.toArray()).stream()
                .findFirst();
    }

    private static String eventData(Behavior behavior) {
        return JSON.writeValueAsString(behavior.eventData() == null ? Map.of() : behavior.eventData());
    }

    /**
     * An order is known by its number in any case (else its id), as its refunds and attribution find it: goods a back
     * office adds to an order are booked as a second revenue under an order id of their own and the order's number,
     * and counted by row they made a first order a repeat purchase and lowered its value and lines. Revenue naming no
     * order is an order of its own.
     */
    CustomerFacts facts(UUID customerId, Instant now) {
        return jdbc.queryForObject(
                """
                WITH moves AS (
                    SELECT transaction_type, amount, currency, metadata, occurred_at,
                           coalesce(upper(order_number), order_id::text, id::text) COLLATE "C" AS order_key
                      FROM financial_transactions
                     WHERE customer_id = ? AND transaction_type IN ('revenue', 'refund')),
                orders AS (
                    SELECT order_key, currency, sum(amount) AS amount,
                           sum((metadata ->> 'lines')::numeric) AS lines,
                           min(occurred_at) AS first_at, max(occurred_at) AS last_at
                      FROM moves
                     WHERE transaction_type = 'revenue'
                     GROUP BY order_key, currency),
                -- most orders, then the latest order, decide: counting needs no exchange rate, adding amounts would
                main AS (
                    SELECT currency
                      FROM moves
                     GROUP BY currency
                     ORDER BY count(DISTINCT order_key) FILTER (WHERE transaction_type = 'revenue') DESC,
                              max(occurred_at) FILTER (WHERE transaction_type = 'revenue') DESC NULLS LAST,
                              count(*) DESC,
                              currency
                     LIMIT 1),
                ledger AS (
                    SELECT count(DISTINCT order_key) AS orders,
                           (SELECT currency FROM main) AS currency,
                           count(*) FILTER (WHERE in_main) AS currency_orders,
                           coalesce(sum(amount) FILTER (WHERE in_main), 0) AS revenue,
                           (SELECT coalesce(sum(amount), 0)
                              FROM moves
                             WHERE transaction_type = 'refund' AND currency = (SELECT currency FROM main)) AS refunds,
                           coalesce(max(amount) FILTER (WHERE in_main), 0) AS max_order,
                           coalesce(avg(lines), 0) AS lines,
                           min(first_at) AS first_order,
                           max(last_at) AS last_order
                      FROM (SELECT orders.*, orders.currency = (SELECT currency FROM main) AS in_main FROM orders) o),
                behaviour AS (
                    SELECT count(*) AS recent,
                           count(*) FILTER (WHERE event_type IN ('add_to_cart', 'checkout_started', 'cart_abandoned',
                                                                 'trade_enquiry')) AS intent,
                           count(*) FILTER (WHERE event_type = 'trade_enquiry') AS trade
                      FROM customer_behaviors
                     WHERE customer_id = ? AND occurred_at > ?::timestamptz - interval '30 days' AND event_type <> 'purchase')
                SELECT * FROM ledger, behaviour
                """,
                (rs, row) -> new CustomerFacts(
                        rs.getLong("orders"),
                        rs.getString("currency"),
                        rs.getLong("currency_orders"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("refunds"),
                        rs.getBigDecimal("max_order"),
                        rs.getDouble("lines"),
                        instant(rs.getTimestamp("first_order")),
                        instant(rs.getTimestamp("last_order")),
                        rs.getLong("recent"),
                        rs.getLong("intent"),
                        rs.getLong("trade")),
                customerId,
                customerId,
                Timestamp.from(now));
    }

    /** The current assignment, locked until the transaction ends so two evaluations cannot both write history. */
    Optional<CurrentSegment> currentForUpdate(UUID customerId) {
        return jdbc
                .query("SELECT * FROM customer_segments WHERE customer_id = ? FOR UPDATE", this::map, customerId)
                .stream()
                .findFirst();
    }

    Optional<CurrentSegment> current(UUID customerId) {
        return jdbc.query("SELECT * FROM customer_segments WHERE customer_id = ?", this::map, customerId).stream()
                .findFirst();
    }

    /** True when this call inserted the first assignment; false when another one got there first. */
    boolean insertFirst(UUID customerId, SegmentAssignment a, Instant now) {
        return jdbc.update(
                        "INSERT INTO customer_segments (customer_id, segment, confidence, recency_score,"
                                + " frequency_score, monetary_score, reason, assigned_at, evaluated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO NOTHING",
                        customerId,
                        a.segment().wireName(),
                        a.confidence(),
                        a.recency(),
                        a.frequency(),
                        a.monetary(),
                        a.reason(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                == 1;
    }

    void update(UUID customerId, SegmentAssignment a, boolean changed, Instant now) {
        jdbc.update(
                "UPDATE customer_segments SET segment = ?, confidence = ?, recency_score = ?, frequency_score = ?,"
                        + " monetary_score = ?, reason = ?, evaluated_at = ?"
                        + (changed ? ", assigned_at = ?" : "")
                        + " WHERE customer_id = ?",
                changed
                        ? new Object[] {
                            a.segment().wireName(),
                            a.confidence(),
                            a.recency(),
                            a.frequency(),
                            a.monetary(),
                            a.reason(),
                            Timestamp.from(now),
                            Timestamp.from(now),
                            customerId
                        }
                        : new Object[] {
                            a.segment().wireName(),
                            a.confidence(),
                            a.recency(),
                            a.frequency(),
                            a.monetary(),
                            a.reason(),
                            Timestamp.from(now),
                            customerId
                        });
    }

    /** The new history row's id. */
    UUID insertHistory(UUID customerId, Segment from, Segment to, String reason, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO customer_segment_history (id, customer_id, from_segment, to_segment, migration_reason,"
                        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
                id,
                customerId,
                from == null ? null : from.wireName(),
                to.wireName(),
                reason,
                Timestamp.from(now));
        return id;
    }

    List<SegmentResponse.Change> history(UUID customerId) {
        return jdbc.query(
                "SELECT from_segment, to_segment, migration_reason, occurred_at FROM customer_segment_history"
                        + " WHERE customer_id = ? ORDER BY occurred_at, id",
                (rs, row) -> new SegmentResponse.Change(
                        rs.getString("from_segment") == null
                                ? null
                                : Segment.fromWireName(rs.getString("from_segment")),
                        Segment.fromWireName(rs.getString("to_segment")),
                        rs.getString("migration_reason"),
                        rs.getTimestamp("occurred_at").toInstant()),
                customerId);
    }

    /**
     * Customers to re-evaluate on schedule: every assigned one, and any with ledger or behaviour rows but none yet; not
     * the erased ones, nor the pseudonyms their erasures gave their ledger entries.
     */
    List<UUID> customersToEvaluate(int limit, UUID after) {
        return jdbc.queryForList("""
                SELECT customer_id FROM (
                    SELECT customer_id FROM customer_segments
                    UNION SELECT customer_id FROM customer_behaviors
                    UNION SELECT customer_id FROM financial_transactions WHERE customer_id IS NOT NULL) c
                 WHERE customer_id > ?
                   AND NOT EXISTS (SELECT 1 FROM erased_customers e WHERE e.pseudonym = c.customer_id)
                   AND NOT EXISTS (SELECT 1 FROM erased_customers e WHERE e.customer_id = c.customer_id)
                 ORDER BY customer_id LIMIT ?
                """, UUID.class, after, limit);
    }

    private CurrentSegment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CurrentSegment(
                Segment.fromWireName(rs.getString("segment")),
                rs.getBigDecimal("confidence"),
                (Integer) rs.getObject("recency_score", Integer.class),
                (Integer) rs.getObject("frequency_score", Integer.class),
                (Integer) rs.getObject("monetary_score", Integer.class),
                rs.getString("reason"),
                rs.getTimestamp("assigned_at").toInstant(),
                rs.getTimestamp("evaluated_at").toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    record CurrentSegment(
            Segment segment,
            BigDecimal confidence,
            Integer recency,
            Integer frequency,
            Integer monetary,
            String reason,
            Instant assignedAt,
            Instant evaluatedAt) {}
}
