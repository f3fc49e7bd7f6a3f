package com.agentfactory.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedRateScheduleTest {

    @Test
    void requestsAreEvenlySpacedAtTheRate() {
        FixedRateSchedule schedule = new FixedRateSchedule(5_000, 1_000);

        assertThat(schedule.intendedNanos(0)).isEqualTo(5_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(5_000 + 1_000_000);
        assertThat(schedule.intendedNanos(1_000)).isEqualTo(5_000 + 1_000_000_000L);
    }

    @Test
    void aWindowOfOneSecondAtARateHoldsThatManyRequests() {
        FixedRateSchedule schedule = new FixedRateSchedule(0, 3_333);
        long windowStart = 2_000_000_000L;
        long windowEnd = 3_000_000_000L;

        long due = schedule.dueBefore(windowEnd) - schedule.dueBefore(windowStart);

        long counted = 0;
        for (long i = 0; schedule.intendedNanos(i) < windowEnd; i++) {
            if (schedule.intendedNanos(i) >= windowStart) {
                counted++;
            }
        }
        assertThat(due).isEqualTo(counted).isBetween(3_333L, 3_334L);
    }

    @Test
    void nothingIsDueBeforeTheStart() {
        FixedRateSchedule schedule = new FixedRateSchedule(1_000, 500);

        assertThat(schedule.dueBefore(1_000)).isZero();
        assertThat(schedule.dueBefore(1_001)).isEqualTo(1);
    }
}
