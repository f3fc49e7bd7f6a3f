package com.agentfactory.finance.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void visitorsWithoutOrdersAreProspectsOrBrowsers() {
        assertThat(SegmentRules.assign(facts(0, "0", 0, 0, 3, 1, 0), NOW).segment())
                .isEqualTo(Segment.ENGAGED_PROSPECT);
        var browsing = SegmentRules.assign(facts(0, "0", 0, 0, 2, 0, 0), NOW);
        assertThat(browsing.segment()).isEqualTo(Segment.BROWSING_VISITOR);
        assertThat(browsing.recency()).isNull();
    }

    @Test
    void bulkOrHighValueRepeatOrdersMakeATradeBuyer() {
        assertThat(SegmentRules.assign(facts(1, "900", 25, 5, 0, 0, 0), NOW).segment())
                .isEqualTo(Segment.TRADE_BUYER);
        var repeat = SegmentRules.assign(facts(4, "1600", 6, 10, 0, 0, 0), NOW);
        assertThat(repeat.segment()).isEqualTo(Segment.TRADE_BUYER);
        assertThat(repeat.recency()).isEqualTo(5);
        assertThat(repeat.frequency()).isEqualTo(2);
        assertThat(repeat.monetary()).isEqualTo(3);
        assertThat(repeat.reason()).contains("RFM 5-2-3");
    }

    @Test
    void segmentsFollowRecencyAndFrequency() {
        assertThat(SegmentRules.assign(facts(1, "20", 2, 3, 0, 0, 0), NOW).segment())
                .isEqualTo(Segment.FIRST_TIME_BUYER);
        assertThat(SegmentRules.assign(facts(3, "90", 2, 40, 0, 0, 0), NOW).segment())
                .isEqualTo(Segment.OCCASIONAL_GIFT_BUYER);
        assertThat(SegmentRules.assign(facts(6, "300", 2, 10, 0, 0, 0), NOW).segment())
                .isEqualTo(Segment.LOYAL_COLLECTOR);
        var lapsed = SegmentRules.assign(facts(6, "300", 2, 400, 0, 0, 0), NOW);
        assertThat(lapsed.segment()).isEqualTo(Segment.LAPSED_CUSTOMER);
        assertThat(lapsed.recency()).isEqualTo(1);
    }

    @Test
    void confidenceGrowsWithEvidenceAndStaysBelowOne() {
        var few = SegmentRules.assign(facts(2, "40", 2, 3, 0, 0, 0), NOW);
        var many = SegmentRules.assign(facts(4, "80", 2, 3, 0, 0, 0), NOW);
        assertThat(many.confidence()).isGreaterThan(few.confidence());
        assertThat(SegmentRules.assign(facts(40, "9000", 2, 3, 0, 0, 0), NOW).confidence())
                .isLessThanOrEqualTo(new BigDecimal("0.95"));
    }

    private static CustomerFacts facts(
            long orders, String revenue, double lines, long daysSinceLast, long recent, long intent, long trade) {
        return new CustomerFacts(
                orders,
                orders == 0 ? null : "GBP",
                orders,
                new BigDecimal(revenue),
                BigDecimal.ZERO,
                new BigDecimal(revenue),
                lines,
                orders == 0 ? null : NOW.minus(Duration.ofDays(daysSinceLast + 30)),
                orders == 0 ? null : NOW.minus(Duration.ofDays(daysSinceLast)),
                recent,
                intent,
                trade);
    }
}
