package com.agentfactory.support.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as support sees it. {@code status} is PLACED, CANCELLED or REFUNDED. */
public record OrderSummary(
        UUID orderId,
        String orderNumber,
        UUID customerId,
        String status,
        BigDecimal total,
        String currency,
        String country,
        Instant placedAt) {}
