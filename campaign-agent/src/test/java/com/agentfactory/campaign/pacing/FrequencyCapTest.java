package com.agentfactory.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyCapTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final FrequencyCap TWO_A_DAY = new FrequencyCap(2, Duration.ofDays(1));

    @Test
    void allowsSendsBelowTheCap() {
        assertThat(TWO_A_DAY.nextAllowed(List.of(), NOW)).isEmpty();
        assertThat(TWO_A_DAY.nextAllowed(List.of(NOW.minusSeconds(60)), NOW)).isEmpty();
    }

    @Test
    void atTheCapWaitsUntilTheOldestSendInTheWindowLeavesIt() {
        List<Instant> sent = List.of(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(1)));

        assertThat(TWO_A_DAY.nextAllowed(sent, NOW)).contains(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void overTheCapWaitsUntilEnoughHaveLeftTheWindow() {
        List<Instant> sent = List.of(
                NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(5)));

        // 10h, 5h and 1h ago: one more fits once the 5h-ago send is a day old and only one remains
        assertThat(TWO_A_DAY.nextAllowed(sent, NOW)).contains(NOW.plus(Duration.ofHours(19)));
    }

    @Test
    void sendsOlderThanThePeriodDoNotCount() {
        List<Instant> sent = List.of(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(25)));

        assertThat(TWO_A_DAY.nextAllowed(sent, NOW)).isEmpty();
    }
}
