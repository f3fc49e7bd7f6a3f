package com.agentfactory.support.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as support sees it. {@code status} is PLACED, CANCELLED or REFUNDED.
 *
 * @param customerId the customer, null for a guest order and for an order of a customer since erased
 * @param customerErased whether the order's customer asked to be forgotten: such an order has no customer id, like a
 *     guest order, yet is nobody's to be shown
 */
public record OrderSummary(
        UUID orderId,
        String orderNumber,
        UUID customerId,
        String status,
        BigDecimal total,
        String currency,
        String country,
        Instant placedAt,
        boolean customerErased) {

    /** An order whose customer, if it has one, was not erased. */
    public OrderSummary(
            UUID orderId,
            String orderNumber,
            UUID customerId,
            String status,
            BigDecimal total,
            String currency,
            String country,
            Instant placedAt) {
        this(orderId, orderNumber, customerId, status, total, currency, country, placedAt, false);
    }

    /** A guest's order: no customer ever named, so none to match, not one whose customer was erased. */
    public boolean guestOrder() {
        return customerId == null && !customerErased;
    }
}
