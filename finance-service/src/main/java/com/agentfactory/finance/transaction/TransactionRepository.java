package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class TransactionRepository {

    private static final String COLUMNS = "id, transaction_type, amount, currency, order_id, order_number, customer_id,"
            + " attributed_agent, department, description, metadata::text AS metadata, source_event_id, occurred_at,"
            + " created_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    TransactionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a row for the same source event already exists: the second delivery changes nothing. */
    boolean insert(FinancialTransaction t) {
        return jdbc.update(
                        "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id,"
                                + " order_number, customer_id, attributed_agent, department, description, metadata,"
                                + " source_event_id, occurred_at, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                                + " ON CONFLICT (source_event_id) DO NOTHING",
                        t.id(),
                        t.type().wireName(),
                        t.amount(),
                        t.currency(),
                        t.orderId(),
                        t.orderNumber(),
                        t.customerId(),
                        t.attributedAgent(),
                        t.department(),
                        t.description(),
                        JSON.writeValueAsString(t.metadata() == null ? Map.of() : t.metadata()),
                        t.sourceEventId(),
                        Timestamp.from(t.occurredAt()),
                        Timestamp.from(t.createdAt()))
                == 1;
    }

    /** Whether the row's metadata is this document, compared as jsonb: key order and 1 against 1.0 do not count. */
    boolean hasMetadata(UUID id, Map<String, Object> metadata) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT metadata = ?::jsonb FROM financial_transactions WHERE id = ?",
                Boolean.class,
                JSON.writeValueAsString(metadata == null ? Map.of() : metadata),
                id));
    }

    /**
     * The order a refund names, by its id or its number in any case, in the refund's currency: its id and number, when
     * its revenue is booked with what it sold of each product (revenue booked before that was kept is not).
     */
    Optional<OrderIdentity> orderSoldByProduct(UUID orderId, String orderNumber, String currency) {
        return jdbc
                .query(
                        "SELECT order_id, order_number FROM financial_transactions"
                                + " WHERE transaction_type = 'revenue' AND currency = ? AND metadata -> 'products' IS NOT NULL"
                                + "   AND (order_id = ? OR upper(order_number) = upper(?))"
                                + " ORDER BY occurred_at, id",
                        (rs, row) ->
                                new OrderIdentity(rs.getObject("order_id", UUID.class), rs.getString("order_number")),
                        currency,
                        orderId,
                        orderNumber)
                .stream()
                .findFirst();
    }

    record OrderIdentity(UUID orderId, String orderNumber) {}

    /** What the order's revenue sold of each product (upper-cased SKU) in the currency. */
    Map<String, BigDecimal> soldByProduct(OrderIdentity order, String currency) {
        return byProduct("revenue", order, currency);
    }

    /**
     * What the refunds booked so far for the order took back of each product (upper-cased SKU) in the currency: those
     * naming it by its id, or by its number in any case, as attribution matches a refund to its order.
     */
    Map<String, BigDecimal> refundedByProduct(OrderIdentity order, String currency) {
        return byProduct("refund", order, currency);
    }

    private Map<String, BigDecimal> byProduct(String type, OrderIdentity order, String currency) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT p.key AS sku, sum(p.value::numeric) AS amount"
                        + " FROM financial_transactions t"
                        + " CROSS JOIN LATERAL jsonb_each_text(t.metadata -> 'products') p"
                        + " WHERE t.transaction_type = ? AND t.currency = ? AND jsonb_typeof(t.metadata -> 'products') = 'object'"
                        + "   AND (t.order_id = ? OR upper(t.order_number) = upper(?))"
                        + " GROUP BY p.key",
                rs -> {
                    amounts.put(rs.getString("sku"), rs.getBigDecimal("amount"));
                },
                type,
                currency,
                order.orderId(),
                order.orderNumber());
        return amounts;
    }

    /** A refund in the ledger with what it took back of each product (upper-cased SKU). */
    record RefundOfProducts(
            UUID id,
            BigDecimal amount,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            Instant occurredAt,
            Map<String, BigDecimal> products) {}

    /**
     * The refunds of the order in the currency that say what they took back of each product, newest first; offsets
     * of refunds are not among them.
     */
    List<RefundOfProducts> refundsOfProducts(OrderIdentity order, String currency) {
        return jdbc.query(
                "SELECT id, amount, order_id, order_number, customer_id, occurred_at,"
                        + " (metadata -> 'products')::text AS products"
                        + " FROM financial_transactions"
                        + " WHERE transaction_type = 'refund' AND amount > 0 AND currency = ?"
                        + "   AND jsonb_typeof(metadata -> 'products') = 'object'"
                        + "   AND (order_id = ? OR upper(order_number) = upper(?))"
                        + " ORDER BY occurred_at DESC, id DESC",
                (rs, row) -> new RefundOfProducts(
                        rs.getObject("id", UUID.class),
                        rs.getBigDecimal("amount"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        instant(rs.getTimestamp("occurred_at")),
                        JSON.readValue(rs.getString("products"), new TypeReference<Map<String, BigDecimal>>() {})),
                currency,
                order.orderId(),
                order.orderNumber());
    }

    /** An order's revenue in the ledger with what it sold of each product, and the event it was booked from. */
    record RevenueOfProducts(
            UUID id, UUID orderId, String orderNumber, String currency, UUID sourceEventId, Instant occurredAt) {

        OrderIdentity order() {
            return new OrderIdentity(orderId, orderNumber);
        }
    }

    /**
     * Revenue whose order's refunds (net of their offsets) took back more of some product than the order sold:
     * refunds booked before the order when nothing offset them at its booking. Oldest first, after {@code after} in
     * (occurred_at, id) order or from the first when it is null, at most {@code limit} of them.
     *
     * <p>What the order sold is that of all its revenue, found as {@link #soldByProduct} finds it, which is what the
     * capping caps at: an order's second revenue (goods added under an id of their own and its number) sold none of
     * the first's goods, and measured against itself alone it was picked up at every start for the capping to find
     * nothing beyond.
     */
    List<RevenueOfProducts> revenueWithRefundsBeyond(RevenueOfProducts after, int limit) {
        Timestamp afterAt = after == null ? null : Timestamp.from(after.occurredAt());
        return jdbc.query(
                "SELECT v.id, v.order_id, v.order_number, v.currency, v.source_event_id, v.occurred_at"
                        + " FROM financial_transactions v"
                        + " WHERE v.transaction_type = 'revenue' AND jsonb_typeof(v.metadata -> 'products') = 'object'"
                        + "   AND (?::timestamptz IS NULL OR (v.occurred_at, v.id) > (?::timestamptz, ?::uuid))"
                        + "   AND EXISTS (SELECT 1 FROM financial_transactions t"
                        + "       CROSS JOIN LATERAL jsonb_each_text(t.metadata -> 'products') p"
                        + "       WHERE t.transaction_type = 'refund' AND t.currency = v.currency"
                        + "         AND jsonb_typeof(t.metadata -> 'products') = 'object'"
                        + "         AND (t.order_id = v.order_id OR upper(t.order_number) = upper(v.order_number))"
                        + "       GROUP BY p.key"
                        + "       HAVING sum(p.value::numeric) > coalesce((SELECT sum((s.metadata -> 'products' ->> p.key)::numeric)"
                        + "           FROM financial_transactions s"
                        + "           WHERE s.transaction_type = 'revenue' AND s.currency = v.currency"
                        + "             AND jsonb_typeof(s.metadata -> 'products') = 'object'"
                        + "             AND (s.order_id = v.order_id OR upper(s.order_number) = upper(v.order_number))), 0))"
                        + " ORDER BY v.occurred_at, v.id LIMIT ?",
                (rs, row) -> new RevenueOfProducts(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getString("currency"),
                        rs.getObject("source_event_id", UUID.class),
                        instant(rs.getTimestamp("occurred_at"))),
                afterAt,
                afterAt,
                after == null ? null : after.id(),
                limit);
    }

    /** The orders' lock (see {@link OrderLock}), under which their revenue and refunds are booked one at a time. */
    void lockOrder(Collection<UUID> orderIds, Collection<String> orderNumbers) {
        OrderLock.take(jdbc, orderIds, orderNumbers);
    }

    /** The lock of one order, named by its id, its number or both (either may be null). */
    void lockOrder(UUID orderId, String orderNumber) {
        OrderLock.take(jdbc, Collections.singletonList(orderId), Collections.singletonList(orderNumber));
    }

    Optional<FinancialTransaction> findBySourceEventId(UUID sourceEventId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM financial_transactions WHERE source_event_id = ?",
                        this::map,
                        sourceEventId)
                .stream()
                .findFirst();
    }

    List<FinancialTransaction> page(TransactionQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(query.limit());
        args.add((long) (query.page() - 1) * query.limit());
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM financial_transactions" + where
                        + " ORDER BY occurred_at, id LIMIT ? OFFSET ?",
                this::map,
                args.toArray());
    }

    long count(TransactionQuery query) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject(
                "SELECT count(*) FROM financial_transactions" + where(query, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * The customer's ledger rows, each with the order it belongs to: an order is known by its number in any case, as
     * its refunds and attribution find it, so goods a back office adds to an order (booked as a second revenue under an
     * order id of their own and the order's number) are part of it; a row naming only an order id belongs to the
     * order a row under that id names. The keys are compared byte by byte ("C"), as the KPIs' are.
     */
    private static final String CUSTOMER_ORDER_ROWS = """
            WITH order_rows AS (
                SELECT transaction_type, amount, currency, order_id, order_number, occurred_at, id,
                       coalesce(upper(order_number), upper(max(order_number) OVER (PARTITION BY order_id)),
                                order_id::text) COLLATE "C" AS order_key
                  FROM financial_transactions
                 WHERE customer_id = ? AND (order_id IS NOT NULL OR order_number IS NOT NULL))
            """;

    /**
     * One row per order: the first of its revenue entries with all of their amounts, and the sum of its refunds so
     * far. An order is listed once it has revenue under an order id, which names it in the listing.
     */
    List<CustomerOrderResponse> customerOrders(UUID customerId, long offset, int limit) {
        return jdbc.query(
                CUSTOMER_ORDER_ROWS
                        + "SELECT (array_agg(order_id ORDER BY occurred_at, id)"
                        + "         FILTER (WHERE transaction_type = 'revenue' AND order_id IS NOT NULL))[1] AS order_id,"
                        + " (array_agg(order_number ORDER BY occurred_at, id)"
                        + "    FILTER (WHERE transaction_type = 'revenue' AND order_number IS NOT NULL))[1] AS order_number,"
                        + " min(occurred_at) FILTER (WHERE transaction_type = 'revenue') AS placed_at,"
                        + " sum(amount) FILTER (WHERE transaction_type = 'revenue') AS total,"
                        + " coalesce(sum(amount) FILTER (WHERE transaction_type = 'refund'), 0) AS refunded,"
                        + " max(currency) AS currency"
                        + " FROM order_rows"
                        + " GROUP BY order_key"
                        + " HAVING bool_or(transaction_type = 'revenue' AND order_id IS NOT NULL)"
                        + " ORDER BY placed_at DESC, order_key"
                        + " LIMIT ? OFFSET ?",
                (rs, row) -> CustomerOrderResponse.of(
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        instant(rs.getTimestamp("placed_at")),
                        rs.getBigDecimal("total"),
                        rs.getBigDecimal("refunded"),
                        rs.getString("currency")),
                customerId,
                limit,
                offset);
    }

    /** The orders {@link #customerOrders} lists. */
    long countCustomerOrders(UUID customerId) {
        Long count = jdbc.queryForObject(
                CUSTOMER_ORDER_ROWS
                        + "SELECT count(*) FROM (SELECT order_key FROM order_rows GROUP BY order_key"
                        + " HAVING bool_or(transaction_type = 'revenue' AND order_id IS NOT NULL)) o",
                Long.class,
                customerId);
        return count == null ? 0 : count;
    }

    private static String where(TransactionQuery query, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (query.from() != null) {
            clauses.add("occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.toExclusive() != null) {
            clauses.add("occurred_at < ?");
            args.add(Timestamp.from(query.toExclusive()));
        }
        if (query.type() != null) {
            clauses.add("transaction_type = ?");
            args.add(query.type().wireName());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private FinancialTransaction map(ResultSet rs, int row) throws SQLException {
        return new FinancialTransaction(
                rs.getObject("id", UUID.class),
                TransactionType.fromWireName(rs.getString("transaction_type")),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("attributed_agent"),
                rs.getString("department"),
                rs.getString("description"),
                JSON.readValue(rs.getString("metadata"), new TypeReference<Map<String, Object>>() {}),
                rs.getObject("source_event_id", UUID.class),
                instant(rs.getTimestamp("occurred_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
