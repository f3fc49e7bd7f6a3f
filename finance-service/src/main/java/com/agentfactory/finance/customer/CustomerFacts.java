package com.agentfactory.finance.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What segmentation knows of a customer: orders and money from the ledger (all time), behaviour from the
 * last 30 days. Orders count in every currency, but money is the customer's in one {@code currency} only (the one
 * most of their orders were in; {@code currencyOrders} of them): amounts in different currencies cannot be added, and
 * comparing them to pick one would need exchange rates the ledger does not keep.
 */
record CustomerFacts(
        long orders,
        String currency,
        long currencyOrders,
        BigDecimal revenue,
        BigDecimal refunds,
        BigDecimal maxOrderValue,
        double averageLinesPerOrder,
        Instant firstOrderAt,
        Instant lastOrderAt,
        long recentBehaviors,
        long recentIntentBehaviors,
        long tradeEnquiries) {

    BigDecimal netRevenue() {
        return revenue.subtract(refunds);
    }

    BigDecimal averageOrderValue() {
        return currencyOrders == 0
                ? BigDecimal.ZERO
                : revenue.divide(BigDecimal.valueOf(currencyOrders), 2, java.math.RoundingMode.HALF_EVEN);
    }

    boolean knownAtAll() {
        return orders > 0 || recentBehaviors > 0 || refunds.signum() > 0;
    }
}
