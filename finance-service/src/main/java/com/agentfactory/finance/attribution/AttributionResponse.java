package com.agentfactory.finance.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the attribution API. */
public final class AttributionResponse {

    private AttributionResponse() {}

    /** {@code refundedAmount} is what refunds of the order have taken back from {@code attributedAmount}. */
    public record Share(
            UUID transactionId,
            AttributionModel attributionModel,
            UUID touchpointId,
            String agent,
            String channel,
            AttributionType attributionType,
            int touchpointOrder,
            BigDecimal attributionPercentage,
            BigDecimal attributedAmount,
            BigDecimal refundedAmount,
            String currency,
            Instant attributedAt) {}

    public record OfOrder(UUID orderId, List<Share> attributions) {}

    /** {@code key} is the agent or channel; null for revenue no touchpoint earned. */
    public record Revenue(String key, String currency, BigDecimal revenue, long orders) {}

    public record RevenueReport(
            String dimension, AttributionModel model, LocalDate dateFrom, LocalDate dateTo, List<Revenue> rows) {}

    public record TouchpointRecorded(UUID id, boolean created) {}
}
