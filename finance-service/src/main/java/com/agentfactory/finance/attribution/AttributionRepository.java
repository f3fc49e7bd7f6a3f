package com.agentfactory.finance.attribution;

import com.agentfactory.finance.transaction.OrderLock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AttributionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    AttributionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the source event was already recorded. */
    boolean insertTouchpoint(UUID id, RecordTouchpointRequest touchpoint) {
        return jdbc.update(
                        "INSERT INTO customer_touchpoints (id, customer_id, agent, channel, touchpoint_type,"
                                + " campaign_id, response_time_ms, metadata, source_event_id, occurred_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                                + " ON CONFLICT (source_event_id) DO NOTHING",
                        id,
                        touchpoint.customerId(),
                        touchpoint.agent(),
                        touchpoint.channel(),
                        touchpoint.touchpointType(),
                        touchpoint.campaignId(),
                        touchpoint.responseTimeMs(),
                        metadata(touchpoint),
                        touchpoint.sourceEventId(),
                        Timestamp.from(touchpoint.occurredAt()))
                == 1;
    }

    /** The touchpoint under a source event id, and which of a retry's fields differ from it (wire names). */
    record Recorded(UUID id, List<String> differing) {}

    /**
     * The touchpoint recorded under this touchpoint's source event id, compared with it: metadata as jsonb, the time
     * only when {@code dated} (the retry gave one).
     */
    Recorded recordedUnder(RecordTouchpointRequest touchpoint, boolean dated) {
        Timestamp at = dated ? Timestamp.from(touchpoint.occurredAt()) : null;
        return jdbc.queryForObject(
                "SELECT id, customer_id = ? AS customer_id, agent = ? AS agent, channel = ? AS channel,"
                        + " touchpoint_type = ? AS touchpoint_type,"
                        + " campaign_id IS NOT DISTINCT FROM ?::text AS campaign_id,"
                        + " response_time_ms IS NOT DISTINCT FROM ?::bigint AS response_time_ms,"
                        + " metadata = ?::jsonb AS metadata,"
                        + " (?::timestamptz IS NULL OR occurred_at = ?::timestamptz) AS occurred_at"
                        + " FROM customer_touchpoints WHERE source_event_id = ?",
                (rs, row) -> {
                    List<String> differing = new ArrayList<>();
                    for (String column : List.of(
                            "customer_id",
                            "agent",
                            "channel",
                            "touchpoint_type",
                            "campaign_id",
                            "response_time_ms",
                            "metadata",
                            "occurred_at")) {
                        if (!rs.getBoolean(column)) {
                            differing.add(column);
                        }
                    }
                    return new Recorded(rs.getObject("id", UUID.class), differing);
                },
                touchpoint.customerId(),
                touchpoint.agent(),
                touchpoint.channel(),
                touchpoint.touchpointType(),
                touchpoint.campaignId(),
                touchpoint.responseTimeMs(),
                metadata(touchpoint),
                at,
                at,
                touchpoint.sourceEventId());
    }

    private static String metadata(RecordTouchpointRequest touchpoint) {
        return JSON.writeValueAsString(touchpoint.metadata() == null ? Map.of() : touchpoint.metadata());
    }

    /** The customer's touchpoints in [from, to], oldest first (ties by id, so the order is stable). */
    List<Touchpoint> touchpoints(UUID customerId, Instant from, Instant to) {
        return jdbc.query(
                "SELECT id, agent, channel, touchpoint_type, occurred_at FROM customer_touchpoints"
                        + " WHERE customer_id = ? AND occurred_at >= ? AND occurred_at <= ?"
                        + " ORDER BY occurred_at, id",
                (rs, row) -> new Touchpoint(
                        rs.getObject("id", UUID.class),
                        rs.getString("agent"),
                        rs.getString("channel"),
                        rs.getString("touchpoint_type"),
                        rs.getTimestamp("occurred_at").toInstant()),
                customerId,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    void insertShare(
            UUID transactionId,
            UUID orderId,
            UUID customerId,
            AttributionModel model,
            AttributionShare share,
            String currency,
            Instant attributedAt) {
        Touchpoint touchpoint = share.touchpoint();
        jdbc.update(
                "INSERT INTO revenue_attributions (id, transaction_id, order_id, customer_id, touchpoint_id, agent,"
                        + " channel, attribution_model, attribution_type, touchpoint_order, attribution_percentage,"
                        + " attributed_amount, currency, attributed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT revenue_attributions_one_share DO NOTHING",
                UUID.randomUUID(),
                transactionId,
                orderId,
                customerId,
                touchpoint == null ? null : touchpoint.id(),
                touchpoint == null ? null : touchpoint.agent(),
                touchpoint == null ? null : touchpoint.channel(),
                model.wireName(),
                share.type().wireName(),
                share.order(),
                share.percentage(),
                share.amount(),
                currency,
                Timestamp.from(attributedAt));
    }

    /**
     * Waits for any other transaction booking revenue or a refund of the order, until it ends; held until this one
     * ends. Revenue and a refund of it booked at once on two instances would otherwise each miss the other, neither
     * committed yet: the refund finding no shares, the revenue no refund, and nothing netted. It is the ledger's lock
     * on the order ({@link OrderLock}), which a booking took before writing its ledger row; taken again here (at no
     * cost) for the netting of refunds booked earlier, which comes here with no booking before it.
     */
    void lockOrder(UUID orderId, String orderNumber) {
        OrderLock.take(jdbc, Collections.singletonList(orderId), Collections.singletonList(orderNumber));
    }

    /** The lock of every one of these orders, taken in one go as {@link OrderLock} orders its keys. */
    void lockOrders(Collection<UUID> orderIds, Collection<String> orderNumbers) {
        OrderLock.take(jdbc, orderIds, orderNumbers);
    }

    /** One share of an order's revenue under a model and what refunds have left of it. */
    record RefundableShare(UUID id, AttributionModel model, BigDecimal left) {}

    /** A refund booked in the ledger, with the order it names: by id, and by number when the event gave one. */
    record Refund(
            UUID transactionId, BigDecimal amount, String currency, UUID orderId, String orderNumber, Instant at) {}

    /**
     * A refund with the order whose attributed revenue it is netted against, as that revenue was booked (its order id
     * and number). The refund may name the order otherwise: by its id alone, or, as a credit note under an id of its
     * own, by its number; the order's other refunds are found, and its lock taken, by the order's identity.
     */
    record RefundOfOrder(Refund refund, UUID orderId, String orderNumber) {}

    // the revenue the refund is for: its order id, or the original order's number when the refund came under an id of
    // its own (a cancellation note of the storefront has one). Numbers are compared ignoring case, as support and the
    // supervisor match them: back offices write them in either case.
    private static final String REVENUE_OF_ORDER = "SELECT id FROM financial_transactions"
            + " WHERE transaction_type = 'revenue' AND (order_id = ? OR upper(order_number) = upper(?))";

    /**
     * The shares of the order's revenue in the currency with what each has left, under every model. Their rows are
     * locked first, and what is left read after, so a refund of the order booked at the same time waits and then
     * sees what this one took.
     */
    List<RefundableShare> refundableShares(UUID orderId, String orderNumber, String currency) {
        jdbc.query(
                "SELECT id FROM revenue_attributions WHERE currency = ? AND transaction_id IN (" + REVENUE_OF_ORDER
                        + ") ORDER BY id FOR UPDATE",
                (rs, row) -> null,
                currency,
                orderId,
                orderNumber);
        return jdbc.query(
                "SELECT ra.id, ra.attribution_model, ra.attributed_amount - coalesce(sum(r.refunded_amount), 0) AS left"
                        + " FROM revenue_attributions ra"
                        + " LEFT JOIN revenue_attribution_refunds r ON r.attribution_id = ra.id"
                        + " WHERE ra.currency = ? AND ra.transaction_id IN (" + REVENUE_OF_ORDER + ")"
                        + " GROUP BY ra.id, ra.attribution_model, ra.attributed_amount"
                        + " ORDER BY ra.attribution_model, ra.transaction_id, ra.touchpoint_order",
                (rs, row) -> new RefundableShare(
                        rs.getObject("id", UUID.class),
                        AttributionModel.fromWireName(rs.getString("attribution_model")),
                        rs.getBigDecimal("left")),
                currency,
                orderId,
                orderNumber);
    }

    boolean netted(UUID refundTransactionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM revenue_attribution_refunds WHERE refund_transaction_id = ?)",
                Boolean.class,
                refundTransactionId));
    }

    void insertRefund(UUID shareId, Refund refund, BigDecimal amount) {
        jdbc.update(
                "INSERT INTO revenue_attribution_refunds (id, attribution_id, refund_transaction_id, refunded_amount,"
                        + " currency, refunded_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT revenue_attribution_refunds_once DO NOTHING",
                UUID.randomUUID(),
                shareId,
                refund.transactionId(),
                amount,
                refund.currency(),
                Timestamp.from(refund.at()));
    }

    /**
     * Marks a refund as looked at with nothing left to take from its order's shares, so the netting of earlier refunds
     * passes over it as over one that took something; a second mark changes nothing.
     */
    void markConsidered(Refund refund, Instant at) {
        jdbc.update(
                "INSERT INTO revenue_attribution_refunds_considered (id, refund_transaction_id, considered_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (refund_transaction_id) DO NOTHING",
                UUID.randomUUID(),
                refund.transactionId(),
                Timestamp.from(at));
    }

    /**
     * A share of the order's revenue with one row written beside it: what a refund's netting took from it (refund is
     * the row's transaction), or what an offset of that refund gave back of it (transaction is the offset, givesBack
     * the refund, amount negative). A share nothing was written beside has one with a null transaction.
     */
    record ShareNetting(
            UUID shareId,
            AttributionModel model,
            BigDecimal attributed,
            UUID transactionId,
            UUID givesBack,
            BigDecimal amount) {

        /** The refund whose netting the row is part of; null on a share with no row. */
        UUID refundId() {
            return givesBack == null ? transactionId : givesBack;
        }
    }

    /**
     * The shares of the order's revenue in the currency, under every model, with every row written beside them. The
     * shares are locked first, as {@link #refundableShares} locks them, so a refund netted at the same time waits.
     */
    List<ShareNetting> nettingsOf(UUID orderId, String orderNumber, String currency) {
        jdbc.query(
                "SELECT id FROM revenue_attributions WHERE currency = ? AND transaction_id IN (" + REVENUE_OF_ORDER
                        + ") ORDER BY id FOR UPDATE",
                (rs, row) -> null,
                currency,
                orderId,
                orderNumber);
        return jdbc.query(
                "SELECT ra.id, ra.attribution_model, ra.attributed_amount, r.refund_transaction_id,"
                        + " r.gives_back_refund_id, r.refunded_amount"
                        + " FROM revenue_attributions ra"
                        + " LEFT JOIN revenue_attribution_refunds r ON r.attribution_id = ra.id"
                        + " WHERE ra.currency = ? AND ra.transaction_id IN (" + REVENUE_OF_ORDER + ")"
                        + " ORDER BY ra.attribution_model, ra.transaction_id, ra.touchpoint_order, r.created_at, r.id",
                (rs, row) -> new ShareNetting(
                        rs.getObject("id", UUID.class),
                        AttributionModel.fromWireName(rs.getString("attribution_model")),
                        rs.getBigDecimal("attributed_amount"),
                        rs.getObject("refund_transaction_id", UUID.class),
                        rs.getObject("gives_back_refund_id", UUID.class),
                        rs.getBigDecimal("refunded_amount")),
                currency,
                orderId,
                orderNumber);
    }

    /**
     * A refund attribution looked at for an order: what it refunds once its offsets are taken off, and its offsets,
     * oldest first.
     */
    record LookedAtRefund(UUID id, BigDecimal capped, Instant at, List<UUID> offsets) {}

    /**
     * The refunds whose netting took from the shares of the order's revenue in the currency, and those marked as
     * considered with nothing left to take that name any of that revenue: every refund the netting has looked at for
     * the order.
     *
     * <p>An order's revenue may be booked under more than one identity (the same number under another order id, say),
     * and the order is found by one of them: a refund naming the order only by a key of another revenue of it, whose
     * netting found all taken, is one of its refunds all the same. Left out, what the order's refunds refund together
     * would come short by it, and the give-back would give back what that refund refunds.
     */
    List<LookedAtRefund> refundsLookedAt(UUID orderId, String orderNumber, String currency) {
        return jdbc.query(
                "SELECT t.id, t.occurred_at, t.amount + coalesce(o.total, 0) AS capped, o.ids"
                        + " FROM financial_transactions t"
                        + " LEFT JOIN LATERAL (SELECT sum(o.amount) AS total,"
                        + "     string_agg(o.id::text, ',' ORDER BY o.occurred_at, o.created_at, o.id) AS ids"
                        + "     FROM financial_transactions o WHERE o.transaction_type = 'refund'"
                        + "       AND o.metadata ->> 'offsets_refund' = t.id::text) o"
                        + "   ON true"
                        + " WHERE t.transaction_type = 'refund' AND t.amount > 0"
                        + "   AND (EXISTS (SELECT 1 FROM revenue_attribution_refunds r"
                        + "         JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                        + "         WHERE r.refund_transaction_id = t.id AND ra.currency = ?"
                        + "           AND ra.transaction_id IN (" + REVENUE_OF_ORDER + "))"
                        + "     OR (t.currency = ? AND EXISTS (SELECT 1 FROM financial_transactions v"
                        + "             WHERE v.id IN (" + REVENUE_OF_ORDER + ")"
                        + "               AND (v.order_id = t.order_id OR upper(v.order_number) = upper(t.order_number)))"
                        + "         AND EXISTS (SELECT 1 FROM revenue_attribution_refunds_considered c"
                        + "             WHERE c.refund_transaction_id = t.id)))"
                        + " ORDER BY t.occurred_at DESC, t.id DESC",
                (rs, row) -> new LookedAtRefund(
                        rs.getObject("id", UUID.class),
                        rs.getBigDecimal("capped"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("ids") == null
                                ? List.of()
                                : java.util.Arrays.stream(rs.getString("ids").split(","))
                                        .map(UUID::fromString)
                                        .toList()),
                currency,
                orderId,
                orderNumber,
                currency,
                orderId,
                orderNumber);
    }

    /**
     * Gives back to a share part of what a refund's netting took from it, on behalf of an offset of that refund; an
     * offset gives back from a share once, a second call changing nothing.
     */
    void insertGiveBack(UUID shareId, UUID offsetId, UUID refundId, BigDecimal amount, String currency, Instant at) {
        jdbc.update(
                "INSERT INTO revenue_attribution_refunds (id, attribution_id, refund_transaction_id,"
                        + " gives_back_refund_id, refunded_amount, currency, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT revenue_attribution_refunds_once DO NOTHING",
                UUID.randomUUID(),
                shareId,
                offsetId,
                refundId,
                amount.negate(),
                currency,
                Timestamp.from(at));
    }

    /**
     * Marks every offset of the refund as looked at by the give-back of earlier netting, so that the refund is passed
     * over by it until another offset of it is written; a second mark changes nothing.
     */
    void markOffsetsConsidered(UUID refundId, Instant at) {
        jdbc.update(
                "INSERT INTO revenue_attribution_offsets_considered (id, offset_transaction_id, considered_at)"
                        + " SELECT gen_random_uuid(), o.id, ? FROM financial_transactions o"
                        + " WHERE o.transaction_type = 'refund' AND o.metadata ->> 'offsets_refund' = ?"
                        + " ON CONFLICT (offset_transaction_id) DO NOTHING",
                Timestamp.from(at),
                refundId.toString());
    }

    /**
     * Offset refunds whose netting took, under some model, more than they refund once offset and was not given back
     * (netted whole before their offset was written), with an offset not yet looked at ({@link
     * #markOffsetsConsidered}), oldest first, after {@code after} in (occurred_at, id) order or from the first when it
     * is null, each with the order of the revenue its netting took from. Such a refund's order may have nothing to
     * give back, other refunds of it having taken less than they refund; its offsets are marked all the same.
     */
    List<RefundOfOrder> refundsNettedBeyondTheirOffsets(Refund after, int limit) {
        Timestamp afterAt = after == null ? null : Timestamp.from(after.at());
        return refundsOfOrders(
                // the order of the revenue whose shares its netting took from
                "SELECT v.order_id, v.order_number FROM revenue_attribution_refunds r"
                        + " JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                        + " JOIN financial_transactions v ON v.id = ra.transaction_id"
                        + " WHERE r.refund_transaction_id = t.id OR r.gives_back_refund_id = t.id"
                        + " ORDER BY v.occurred_at, v.id LIMIT 1",
                "(?::timestamptz IS NULL OR (t.occurred_at, t.id) > (?::timestamptz, ?::uuid))"
                        // an offset the pass has not looked at: once all are, the refund is passed over
                        + " AND EXISTS (SELECT 1 FROM financial_transactions o WHERE o.transaction_type = 'refund'"
                        + "     AND o.metadata ->> 'offsets_refund' = t.id::text"
                        + "     AND NOT EXISTS (SELECT 1 FROM revenue_attribution_offsets_considered c"
                        + "         WHERE c.offset_transaction_id = o.id))"
                        + " AND EXISTS (SELECT 1 FROM revenue_attribution_refunds r"
                        + "     JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                        + "     WHERE r.refund_transaction_id = t.id OR r.gives_back_refund_id = t.id"
                        + "     GROUP BY ra.attribution_model"
                        + "     HAVING sum(r.refunded_amount) > t.amount + (SELECT coalesce(sum(o.amount), 0)"
                        + "         FROM financial_transactions o WHERE o.transaction_type = 'refund'"
                        + "           AND o.metadata ->> 'offsets_refund' = t.id::text))",
                limit,
                afterAt,
                afterAt,
                after == null ? null : after.transactionId());
    }

    // A refund in the ledger as attribution nets it: what is left of it once the offsets booked against it (when its
    // order came after it and had sold less) are taken off. The offsets themselves are not refunds to net.
    private static final String REFUND_COLUMNS = "SELECT t.id, t.amount + coalesce((SELECT sum(o.amount)"
            + "     FROM financial_transactions o WHERE o.transaction_type = 'refund'"
            + "       AND o.metadata ->> 'offsets_refund' = t.id::text), 0) AS amount,"
            + " t.currency, t.order_id, t.order_number, t.occurred_at";
    private static final String REFUNDS_WHERE = " WHERE t.transaction_type = 'refund' AND t.amount > 0";

    /**
     * The refunds that also meet {@code condition} (on alias t, with its arguments), oldest first, at most {@code limit}
     * of them (all when null).
     */
    private List<Refund> refunds(String condition, Integer limit, Object... args) {
        return jdbc.query(
                REFUND_COLUMNS + " FROM financial_transactions t" + REFUNDS_WHERE + " AND " + condition
                        + " ORDER BY t.occurred_at, t.id" + (limit == null ? "" : " LIMIT " + limit),
                (rs, row) -> refund(rs),
                args);
    }

    /**
     * The refunds that also meet {@code condition} (on alias t, with its arguments) and name an order {@code order}
     * finds (a query on alias t giving one row of order_id and order_number), with that order, oldest first, at most
     * {@code limit} of them.
     */
    private List<RefundOfOrder> refundsOfOrders(String order, String condition, int limit, Object... args) {
        return jdbc.query(
                REFUND_COLUMNS + ", v.order_id AS revenue_order_id, v.order_number AS revenue_order_number"
                        + " FROM financial_transactions t JOIN LATERAL (" + order + ") v ON true"
                        + REFUNDS_WHERE + " AND " + condition + " ORDER BY t.occurred_at, t.id LIMIT " + limit,
                (rs, row) -> new RefundOfOrder(
                        refund(rs), rs.getObject("revenue_order_id", UUID.class), rs.getString("revenue_order_number")),
                args);
    }

    private static Refund refund(ResultSet rs) throws SQLException {
        return new Refund(
                rs.getObject("id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    /** The refunds booked for an order (by its id, or its number in any case) in the currency, oldest first. */
    List<Refund> refundsOf(UUID orderId, String orderNumber, String currency) {
        return refunds(
                "t.currency = ? AND (t.order_id = ? OR upper(t.order_number) = upper(?))",
                null,
                currency,
                orderId,
                orderNumber);
    }

    /**
     * Refunds in the ledger not yet looked at though their order has attributed revenue in their currency (those
     * booked before refunds were netted), oldest first: after {@code after} in (occurred_at, id) order, or from the
     * first when it is null, each with that order. A refund that took something, or found nothing left to take, is not
     * one of them.
     */
    List<RefundOfOrder> refundsNotNetted(Refund after, int limit) {
        Timestamp afterAt = after == null ? null : Timestamp.from(after.at());
        return refundsOfOrders(
                // the order of the first attributed revenue in its currency it names
                "SELECT v.order_id, v.order_number FROM financial_transactions v"
                        + " WHERE v.transaction_type = 'revenue'"
                        + "   AND (v.order_id = t.order_id OR upper(v.order_number) = upper(t.order_number))"
                        + "   AND EXISTS (SELECT 1 FROM revenue_attributions ra"
                        + "       WHERE ra.transaction_id = v.id AND ra.currency = t.currency)"
                        + " ORDER BY v.occurred_at, v.id LIMIT 1",
                "(?::timestamptz IS NULL OR (t.occurred_at, t.id) > (?::timestamptz, ?::uuid))"
                        + " AND NOT EXISTS (SELECT 1 FROM revenue_attribution_refunds r"
                        + "     WHERE r.refund_transaction_id = t.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM revenue_attribution_refunds_considered c"
                        + "     WHERE c.refund_transaction_id = t.id)",
                limit,
                afterAt,
                afterAt,
                after == null ? null : after.transactionId());
    }

    /** The order's shares under one model, or under all of them when {@code model} is null. */
    List<AttributionResponse.Share> ofOrder(UUID orderId, AttributionModel model) {
        return jdbc.query(
                "SELECT ra.transaction_id, ra.attribution_model, ra.touchpoint_id, ra.agent, ra.channel,"
                        + " ra.attribution_type, ra.touchpoint_order, ra.attribution_percentage, ra.attributed_amount,"
                        + " coalesce(r.refunded, 0) AS refunded_amount, ra.currency, ra.attributed_at"
                        + " FROM revenue_attributions ra" + REFUNDED
                        + " WHERE ra.order_id = ? AND (?::text IS NULL OR ra.attribution_model = ?)"
                        + " ORDER BY ra.transaction_id, ra.attribution_model, ra.touchpoint_order",
                (rs, row) -> new AttributionResponse.Share(
                        rs.getObject("transaction_id", UUID.class),
                        AttributionModel.fromWireName(rs.getString("attribution_model")),
                        rs.getObject("touchpoint_id", UUID.class),
                        rs.getString("agent"),
                        rs.getString("channel"),
                        AttributionType.fromWireName(rs.getString("attribution_type")),
                        rs.getInt("touchpoint_order"),
                        rs.getBigDecimal("attribution_percentage"),
                        rs.getBigDecimal("attributed_amount"),
                        rs.getBigDecimal("refunded_amount"),
                        rs.getString("currency"),
                        rs.getTimestamp("attributed_at").toInstant()),
                orderId,
                model == null ? null : model.wireName(),
                model == null ? null : model.wireName());
    }

    // what refunds took from each share (alias r, column refunded), joined to revenue_attributions ra
    private static final String REFUNDED = " LEFT JOIN (SELECT attribution_id, sum(refunded_amount) AS refunded"
            + " FROM revenue_attribution_refunds GROUP BY attribution_id) r ON r.attribution_id = ra.id";

    /**
     * Attributed revenue per agent or channel over inclusive UTC days, net of refunds, on the days the orders were
     * placed; unattributed revenue has a null key. An order counts unless refunds took all of its share.
     */
    List<AttributionResponse.Revenue> revenueBy(
            String dimension, AttributionModel model, LocalDate from, LocalDate to) {
        String column = dimension.equals("channel") ? "ra.channel" : "ra.agent";
        return jdbc.query(
                "SELECT " + column + " AS key, ra.currency, sum(ra.attributed_amount - coalesce(r.refunded, 0))"
                        + " AS revenue,"
                        + " count(DISTINCT ra.transaction_id) FILTER (WHERE coalesce(r.refunded, 0) = 0"
                        + "     OR r.refunded < ra.attributed_amount) AS orders"
                        + " FROM revenue_attributions ra" + REFUNDED
                        + " WHERE ra.attribution_model = ?"
                        + "   AND ra.attributed_at >= (?::date)::timestamp AT TIME ZONE 'UTC'"
                        + "   AND ra.attributed_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'"
                        + " GROUP BY " + column + ", ra.currency ORDER BY ra.currency, revenue DESC, " + column,
                (rs, row) -> new AttributionResponse.Revenue(
                        rs.getString("key"),
                        rs.getString("currency"),
                        rs.getBigDecimal("revenue"),
                        rs.getLong("orders")),
                model.wireName(),
                from.toString(),
                to.toString());
    }
}
