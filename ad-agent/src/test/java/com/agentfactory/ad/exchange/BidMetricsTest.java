package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BidMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BidMetrics metrics = new BidMetrics(registry);

    @Test
    void countsBidsWinsSpendAndClicksAndComparesPredictedWithObservedClicks() {
        for (int i = 0; i < 4; i++) {
            metrics.request();
            metrics.bid("b" + i, 0.25);
        }
        metrics.won("b0", new BigDecimal("0.002"), "EUR");
        metrics.won("b1", new BigDecimal("0.003"), "EUR");
        metrics.won("unknown-bid", new BigDecimal("0.001"), "USD"); // its pCTR was never seen: not in calibration
        metrics.clicked("b1");
        metrics.clicked("unknown-bid");

        assertThat(registry.get("ad.bid.requests").counter().count()).isEqualTo(4);
        assertThat(registry.get("ad.bids").counter().count()).isEqualTo(4);
        assertThat(registry.get("ad.wins").counter().count()).isEqualTo(3);
        assertThat(registry.get("ad.win.rate").gauge().value()).isEqualTo(0.75);
        assertThat(registry.get("ad.spend").tag("currency", "EUR").counter().count())
                .isCloseTo(0.005, within(1e-12));
        assertThat(registry.get("ad.spend").tag("currency", "USD").counter().count())
                .isCloseTo(0.001, within(1e-12));
        assertThat(registry.get("ad.clicks").counter().count()).isEqualTo(2);
        // two won impressions predicted at 0.25 each: 0.5 expected clicks, 1 observed among them
        assertThat(registry.get("ad.pctr.expected.clicks").counter().count()).isEqualTo(0.5);
        assertThat(registry.get("ad.pctr.observed.clicks").counter().count()).isEqualTo(1);
        assertThat(registry.get("ad.pctr.calibration").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void reportsNoRatioBeforeAnyBidOrPrediction() {
        assertThat(registry.get("ad.win.rate").gauge().value()).isNaN();
        assertThat(registry.get("ad.pctr.calibration").gauge().value()).isNaN();
    }
}
