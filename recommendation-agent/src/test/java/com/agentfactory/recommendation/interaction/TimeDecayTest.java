package com.agentfactory.recommendation.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeDecayTest {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofDays(30);

    @Test
    void halvesTheWeightEachHalfLife() {
        assertThat(TimeDecay.decayed(5, NOW.minus(Duration.ofDays(30)), NOW, HALF_LIFE))
                .isCloseTo(2.5, within(1e-9));
        assertThat(TimeDecay.decayed(5, NOW.minus(Duration.ofDays(60)), NOW, HALF_LIFE))
                .isCloseTo(1.25, within(1e-9));
    }

    @Test
    void keepsTheFullWeightOfASignalFromNowOrTheFuture() {
        assertThat(TimeDecay.decayed(3, NOW, NOW, HALF_LIFE)).isEqualTo(3.0);
        assertThat(TimeDecay.decayed(3, NOW.plusSeconds(60), NOW, HALF_LIFE)).isEqualTo(3.0);
    }
}
