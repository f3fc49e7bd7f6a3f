package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReEntryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void letsEveryoneInTheFirstTime() {
        assertThat(ReEntry.NEVER.allows(Optional.empty(), NOW)).isTrue();
    }

    @Test
    void neverLetsACustomerInAgain() {
        assertThat(ReEntry.NEVER.allows(Optional.of(NOW.minus(Duration.ofDays(400))), NOW))
                .isFalse();
    }

    @Test
    void afterCompletionLetsACustomerInAgainAtOnce() {
        assertThat(ReEntry.AFTER_COMPLETION.allows(Optional.of(NOW), NOW)).isTrue();
    }

    @Test
    void aGapLetsACustomerInAgainOnlyOnceItHasPassedSinceTheyLastEntered() {
        ReEntry monthly = ReEntry.parse("P30D").orElseThrow();

        assertThat(monthly.allows(Optional.of(NOW.minus(Duration.ofDays(29))), NOW))
                .isFalse();
        assertThat(monthly.allows(Optional.of(NOW.minus(Duration.ofDays(30))), NOW))
                .isTrue();
        assertThat(ReEntry.parse("30 days")).contains(monthly);
    }

    @Test
    void readsNoPolicyFromTextThatNamesNoneOrANonPositiveGap() {
        assertThat(ReEntry.parse("sometimes")).isEmpty();
        assertThat(ReEntry.parse("PT0S")).isEmpty();
        assertThat(ReEntry.parse(null)).isEmpty();
    }

    @Test
    void aWelcomeOnCustomerUpsertedRunsOnceByDefaultWhileAnAbandonedCartMayComeAgain() {
        assertThat(trigger("event", "customer.upserted", null).reEntryPolicy()).isEqualTo(ReEntry.NEVER);
        assertThat(trigger("event", "cart.abandoned", null).reEntryPolicy()).isEqualTo(ReEntry.AFTER_COMPLETION);
        assertThat(trigger("segment_entry", null, null).reEntryPolicy()).isEqualTo(ReEntry.NEVER);
        assertThat(trigger("event", "customer.upserted", "after_completion").reEntryPolicy())
                .isEqualTo(ReEntry.AFTER_COMPLETION);
    }

    private static JourneyTrigger trigger(String type, String event, String reEntry) {
        return new JourneyTrigger(type, event, null, null, List.of(), reEntry);
    }
}
