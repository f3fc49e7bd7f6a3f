package com.agentfactory.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void closedLoopThroughputCountsOnlyResponsesCompletedInsideTheWindow() {
        Measurement measurement = new Measurement(10 * S, 12 * S, Measurement.Rule.BY_COMPLETION);
        measurement.response(9 * S, 9 * S + 500 * MS, 201); // warm-up
        measurement.response(10 * S - MS, 10 * S + MS, 201); // sent in warm-up, completed in window: counts
        for (int i = 0; i < 99; i++) {
            measurement.response(11 * S, 11 * S + 2 * MS, 201);
        }
        measurement.response(12 * S - MS, 12 * S, 201); // completed at the end instant: outside

        Measurement.Summary summary = measurement.summary();

        assertThat(summary.ok()).isEqualTo(100);
        assertThat(summary.throughput()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void openLoopLatencyStartsAtTheScheduledSendTimeNotAtTheActualSend() {
        Measurement measurement = new Measurement(0, 10 * S, Measurement.Rule.BY_INTENDED_START);
        // scheduled at 1 s, the server stalled: answered at 1.5 s although the bytes may have left later
        measurement.response(1 * S, 1 * S + 500 * MS, 201);
        // scheduled during the window, completed after it ended: still counted, with its full latency
        measurement.response(10 * S - MS, 11 * S, 201);
        // scheduled before the window: not counted
        measurement.response(-MS, 5 * MS, 201);

        Measurement.Summary summary = measurement.summary();

        assertThat(summary.ok()).isEqualTo(2);
        assertThat(summary.p50Millis()).isCloseTo(500.0, within(1.0));
        assertThat(summary.maxMillis()).isCloseTo(1001.0, within(1.0));
    }

    @Test
    void percentilesComeFromTheDistributionOfSuccessfulResponses() {
        Measurement measurement = new Measurement(0, S, Measurement.Rule.BY_INTENDED_START);
        for (int i = 1; i <= 100; i++) {
            measurement.response(0, i * MS, 201); // 1 ms .. 100 ms
        }

        Measurement.Summary summary = measurement.summary();

        assertThat(summary.p50Millis()).isCloseTo(50.0, within(0.1));
        assertThat(summary.p90Millis()).isCloseTo(90.0, within(0.1));
        assertThat(summary.p99Millis()).isCloseTo(99.0, within(0.1));
        assertThat(summary.maxMillis()).isCloseTo(100.0, within(0.1));
    }

    @Test
    void non2xxAndErrorsAreCountedSeparatelyAndKeptOutOfThroughputAndLatency() {
        Measurement measurement = new Measurement(0, S, Measurement.Rule.BY_INTENDED_START);
        measurement.response(0, MS, 201);
        measurement.response(0, 900 * MS, 429);
        measurement.response(0, 800 * MS, 503);
        measurement.error(0, 700 * MS);
        measurement.unfinished(2);

        Measurement.Summary summary = measurement.summary();

        assertThat(summary.ok()).isEqualTo(1);
        assertThat(summary.non2xx()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(3);
        assertThat(summary.clean()).isFalse();
        assertThat(summary.throughput()).isCloseTo(1.0, within(1e-9));
        assertThat(summary.maxMillis()).isCloseTo(1.0, within(0.01));
    }
}
