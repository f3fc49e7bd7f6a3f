package com.agentfactory.finance.attribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
    boolean insertTouchpoint(
            UUID id,
            UUID customerId,
            String agent,
            String channel,
            String touchpointType,
            String campaignId,
            Long responseTimeMs,
            Map<String, Object> metadata,
            UUID sourceEventId,
            Instant occurredAt) {
        return jdbc.update(
                        "INSERT INTO customer_touchpoints (id, customer_id, agent, channel, touchpoint_type,"
                                + " campaign_id, response_time_ms, metadata, source_event_id, occurred_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                                + " ON CONFLICT (source_event_id) DO NOTHING",
                        id,
                        customerId,
                        agent,
                        channel,
                        touchpointType,
                        campaignId,
                        responseTimeMs,
                        JSON.writeValueAsString(metadata == null ? Map.of() : metadata),
                        sourceEventId,
                        Timestamp.from(occurredAt))
                == 1;
    }

    /** The touchpoint under a source event id, and which of a retry's fields differ from it (wire names). */
    record Recorded(UUID id, List<String> differing) {}

    /**
     * The touchpoint recorded under this source event id, compared with a retry: metadata as jsonb, the time only
     * when the retry gives one (an undated request is dated when recorded).
     */
    Recorded recordedUnder(
            UUID sourceEventId,
            UUID customerId,
            String agent,
            String channel,
            String touchpointType,
            String campaignId,
            Long responseTimeMs,
            Map<String, Object> metadata,
            Instant occurredAt) {
        Timestamp at = occurredAt == null ? null : Timestamp.from(occurredAt);
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
                customerId,
                agent,
                channel,
                touchpointType,
                campaignId,
                responseTimeMs,
                JSON.writeValueAsString(metadata == null ? Map.of() : metadata),
                at,
                at,
                sourceEventId);
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

    /** The order's shares under one model, or under all of them when {@code model} is null. */
    List<AttributionResponse.Share> ofOrder(UUID orderId, AttributionModel model) {
        return jdbc.query(
                "SELECT transaction_id, attribution_model, touchpoint_id, agent, channel, attribution_type,"
                        + " touchpoint_order, attribution_percentage, attributed_amount, currency, attributed_at"
                        + " FROM revenue_attributions WHERE order_id = ? AND (?::text IS NULL OR attribution_model = ?)"
                        + " ORDER BY transaction_id, attribution_model, touchpoint_order",
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
                        rs.getString("currency"),
                        rs.getTimestamp("attributed_at").toInstant()),
                orderId,
                model == null ? null : model.wireName(),
                model == null ? null : model.wireName());
    }

    /** Attributed revenue per agent or channel over inclusive UTC days; unattributed revenue has a null key. */
    List<AttributionResponse.Revenue> revenueBy(
            String dimension, AttributionModel model, LocalDate from, LocalDate to) {
        String column = dimension.equals("channel") ? "channel" : "agent";
        return jdbc.query(
                "SELECT " + column + " AS key, currency, sum(attributed_amount) AS revenue,"
                        + " count(DISTINCT transaction_id) AS orders"
                        + " FROM revenue_attributions"
                        + " WHERE attribution_model = ?"
                        + "   AND attributed_at >= (?::date)::timestamp AT TIME ZONE 'UTC'"
                        + "   AND attributed_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'"
                        + " GROUP BY " + column + ", currency ORDER BY currency, revenue DESC, " + column,
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
