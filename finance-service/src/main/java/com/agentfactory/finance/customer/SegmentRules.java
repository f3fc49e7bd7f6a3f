package com.agentfactory.finance.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Rule-based RFM scores and segments. Scores run 1 (weak) to 5 (strong) on fixed thresholds, so a
 * customer's score does not move when other customers buy:
 * <ul>
 *   <li>recency, days since the last order: ≤30 → 5, ≤90 → 4, ≤180 → 3, ≤365 → 2, else 1;
 *   <li>frequency, orders: ≥20 → 5, ≥10 → 4, ≥5 → 3, ≥2 → 2, else 1;
 *   <li>monetary, net revenue in the customer's main currency ({@link CustomerFacts}): ≥5000 → 5, ≥2000 → 4,
 *       ≥500 → 3, ≥100 → 2, else 1.
 * </ul>
 * The first matching rule names the segment: trade buyer (average order ≥ 300 over ≥ 3 orders, or ≥ 20
 * lines an order, or a trade enquiry with an order), lapsed (recency ≤ 2 with an order), loyal collector
 * (≥ 5 orders), first-time buyer (one order), occasional gift buyer (2-4 orders), engaged prospect (no order,
 * intent in the last 30 days), browsing visitor (no order, some behaviour). Confidence grows with evidence.
 */
final class SegmentRules {

    static final BigDecimal TRADE_AVERAGE_ORDER = new BigDecimal("300");

    private SegmentRules() {}

    static SegmentAssignment assign(CustomerFacts facts, Instant now) {
        if (facts.orders() == 0) {
            if (facts.recentIntentBehaviors() > 0) {
                return new SegmentAssignment(
                        Segment.ENGAGED_PROSPECT,
                        confidence(0.4 + 0.1 * facts.recentIntentBehaviors(), 0.8),
                        null,
                        null,
                        null,
                        facts.recentIntentBehaviors() + " intent behaviour(s) in 30 days, no order yet");
            }
            return new SegmentAssignment(
                    Segment.BROWSING_VISITOR,
                    confidence(0.3 + 0.05 * facts.recentBehaviors(), 0.7),
                    null,
                    null,
                    null,
                    facts.recentBehaviors() + " behaviour(s) in 30 days, no order yet");
        }
        long days = Duration.between(facts.lastOrderAt(), now).toDays();
        int r = days <= 30 ? 5 : days <= 90 ? 4 : days <= 180 ? 3 : days <= 365 ? 2 : 1;
        long n = facts.orders();
        int f = n >= 20 ? 5 : n >= 10 ? 4 : n >= 5 ? 3 : n >= 2 ? 2 : 1;
        BigDecimal net = facts.netRevenue();
        int m = net.compareTo(new BigDecimal("5000")) >= 0
                ? 5
                : net.compareTo(new BigDecimal("2000")) >= 0
                        ? 4
                        : net.compareTo(new BigDecimal("500")) >= 0
                                ? 3
                                : net.compareTo(new BigDecimal("100")) >= 0 ? 2 : 1;
        String rfm = " (RFM " + r + "-" + f + "-" + m + ")";
        String history = n + " order(s), average order "
                + facts.averageOrderValue().toPlainString() + " " + facts.currency() + ", last order " + days
                + " day(s) ago" + rfm;
        double evidence = Math.min(0.45, 0.09 * n);
        boolean bulkOrders = facts.averageLinesPerOrder() >= 20;
        boolean highValueRepeat = n >= 3 && facts.averageOrderValue().compareTo(TRADE_AVERAGE_ORDER) >= 0;
        if (bulkOrders || highValueRepeat || facts.tradeEnquiries() > 0) {
            String why = bulkOrders
                    ? "bulk orders of " + Math.round(facts.averageLinesPerOrder()) + " lines on average; "
                    : highValueRepeat ? "repeat high-value orders; " : "trade enquiry; ";
            return new SegmentAssignment(Segment.TRADE_BUYER, confidence(0.5 + evidence, 0.95), r, f, m, why + history);
        }
        if (r <= 2) {
            return new SegmentAssignment(
                    Segment.LAPSED_CUSTOMER,
                    confidence(0.6 + 0.1 * (3 - r), 0.9),
                    r,
                    f,
                    m,
                    "no recent order; " + history);
        }
        if (n >= 5) {
            return new SegmentAssignment(
                    Segment.LOYAL_COLLECTOR,
                    confidence(0.5 + evidence, 0.95),
                    r,
                    f,
                    m,
                    "frequent repeat buyer; " + history);
        }
        if (n == 1) {
            return new SegmentAssignment(
                    Segment.FIRST_TIME_BUYER, confidence(0.6, 0.6), r, f, m, "one order; " + history);
        }
        return new SegmentAssignment(
                Segment.OCCASIONAL_GIFT_BUYER,
                confidence(0.5 + evidence, 0.9),
                r,
                f,
                m,
                "occasional buyer; " + history);
    }

    private static BigDecimal confidence(double value, double cap) {
        return BigDecimal.valueOf(Math.min(value, cap)).setScale(3, RoundingMode.HALF_EVEN);
    }
}
