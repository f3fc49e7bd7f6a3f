package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One of a customer's orders as the ledger knows it: what was paid and what has been refunded since.
 *
 * @param status {@code placed}, {@code partly_refunded} or {@code refunded}
 */
record CustomerOrderResponse(
        UUID orderId,
        String orderNumber,
        Instant placedAt,
        BigDecimal total,
        BigDecimal refunded,
        String currency,
        String status) {

    static CustomerOrderResponse of(
            UUID orderId,
            String orderNumber,
            Instant placedAt,
            BigDecimal total,
            BigDecimal refunded,
            String currency) {
        String status =
                refunded.signum() == 0 ? "placed" : refunded.compareTo(total) >= 0 ? "refunded" : "partly_refunded";
        return new CustomerOrderResponse(orderId, orderNumber, placedAt, total, refunded, currency, status);
    }
}
