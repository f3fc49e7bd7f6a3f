package com.agentfactory.ad.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AllocationHistoryTest {

    @Test
    void cutsAWindowIntoTheFinestStepsThatMakeAtMostSevenHundredFifty() {
        assertThat(AllocationHistory.step(Duration.ofHours(12))).isEqualTo(Duration.ofMinutes(1));
        assertThat(AllocationHistory.step(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(AllocationHistory.step(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(15));
        assertThat(AllocationHistory.step(Duration.ofDays(30))).isEqualTo(Duration.ofHours(1));
        assertThat(AllocationHistory.step(Duration.ofDays(90))).isEqualTo(Duration.ofHours(6));
        assertThat(AllocationHistory.step(Duration.ofDays(750))).isEqualTo(Duration.ofDays(1));
        assertThat(AllocationHistory.step(Duration.ofDays(751))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void cutsAWindowBeyondSevenHundredFiftyWeeksIntoWholeDays() {
        Duration centuries = Duration.ofDays(365L * 8000);

        Duration step = AllocationHistory.step(centuries);

        assertThat(step.toDays() * 86_400).isEqualTo(step.toSeconds());
        assertThat(Math.ceilDiv(centuries.toSeconds(), step.toSeconds()))
                .isLessThanOrEqualTo(AllocationHistory.MAX_STEPS);
    }
}
