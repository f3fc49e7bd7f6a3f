package com.agentfactory.inventory.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A promotion with who planned it and why, and who cancelled it and why if it was.
 *
 * @param discountPercent the price cut, in per cent of the usual price
 * @param startsOn the first day of the promotion
 * @param endsOn the first day after it (the day it was called off, when it was cut short)
 * @param cutShort whether it was called off after it started: it ran until {@code endsOn}
 */
record PromotionResponse(
        UUID id,
        String sku,
        BigDecimal discountPercent,
        LocalDate startsOn,
        LocalDate endsOn,
        String createdBy,
        String reason,
        Instant createdAt,
        String cancelledBy,
        Instant cancelledAt,
        String cancelReason,
        boolean cutShort) {}
