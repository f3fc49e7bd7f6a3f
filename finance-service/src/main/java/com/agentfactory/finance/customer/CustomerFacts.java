package com.agentfactory.finance.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What segmentation knows of a customer: orders and money from the ledger (all time), behaviour from the
 * last 30 days. Money is summed over currencies: the store trades in one.
 */
record CustomerFacts(
        long orders,
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
        return orders == 0
                ? BigDecimal.ZERO
                : revenue.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_EVEN);
    }

    boolean knownAtAll() {
        return orders > 0 || recentBehaviors > 0 || refunds.signum() > 0;
    }
}
