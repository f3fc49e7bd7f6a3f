package com.agentfactory.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours OVERNIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void lateEveningWaitsUntilTheNextMorningInTheCustomersZone() {
        // 02:30 UTC is 21:30 the evening before in New York (EST, UTC-5)
        Instant now = Instant.parse("2026-01-15T02:30:00Z");

        assertThat(OVERNIGHT.endOfQuietPeriod(now, NEW_YORK)).contains(Instant.parse("2026-01-15T13:00:00Z"));
    }

    @Test
    void earlyMorningWaitsUntilTheEndOfTheSameNight() {
        Instant now = Instant.parse("2026-01-15T10:00:00Z"); // 05:00 in New York

        assertThat(OVERNIGHT.endOfQuietPeriod(now, NEW_YORK)).contains(Instant.parse("2026-01-15T13:00:00Z"));
    }

    @Test
    void daytimeIsNotQuietAndTheWindowEndIsExclusive() {
        assertThat(OVERNIGHT.endOfQuietPeriod(Instant.parse("2026-01-15T17:00:00Z"), NEW_YORK))
                .isEmpty();
        assertThat(OVERNIGHT.endOfQuietPeriod(Instant.parse("2026-01-15T13:00:00Z"), NEW_YORK))
                .isEmpty();
        assertThat(OVERNIGHT.endOfQuietPeriod(Instant.parse("2026-01-16T01:59:59Z"), NEW_YORK))
                .isEmpty();
        assertThat(OVERNIGHT.endOfQuietPeriod(Instant.parse("2026-01-16T02:00:00Z"), NEW_YORK))
                .isPresent();
    }

    @Test
    void theSameInstantIsQuietInOneZoneAndNotInAnother() {
        Instant now = Instant.parse("2026-01-15T12:00:00Z"); // 12:00 London, 07:00 New York

        assertThat(OVERNIGHT.endOfQuietPeriod(now, ZoneId.of("Europe/London"))).isEmpty();
        assertThat(OVERNIGHT.endOfQuietPeriod(now, NEW_YORK)).contains(Instant.parse("2026-01-15T13:00:00Z"));
    }

    @Test
    void theMorningAfterTheClocksGoForwardEndsAtLocalEightInSummerTime() {
        // London moves to BST on 29 March 2026 at 01:00 UTC; 08:00 BST that morning is 07:00 UTC
        Instant now = Instant.parse("2026-03-28T22:00:00Z");

        assertThat(OVERNIGHT.endOfQuietPeriod(now, ZoneId.of("Europe/London")))
                .contains(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void aWindowEndInsideTheSpringForwardGapMovesToTheFirstValidInstant() {
        QuietHours untilHalfPastOne = new QuietHours(LocalTime.of(0, 0), LocalTime.of(1, 30));
        // 01:30 does not exist in London on 29 March 2026 (01:00 GMT becomes 02:00 BST)
        Instant now = Instant.parse("2026-03-29T00:15:00Z");

        assertThat(untilHalfPastOne.endOfQuietPeriod(now, ZoneId.of("Europe/London")))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aWindowWithinOneDayCoversOnlyItsHours() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        ZoneId utc = ZoneId.of("UTC");

        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-01-15T13:00:00Z"), utc))
                .contains(Instant.parse("2026-01-15T14:00:00Z"));
        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-01-15T11:59:00Z"), utc))
                .isEmpty();
        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-01-15T14:00:00Z"), utc))
                .isEmpty();
    }
}
