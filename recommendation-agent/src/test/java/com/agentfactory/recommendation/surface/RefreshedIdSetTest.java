package com.agentfactory.recommendation.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class RefreshedIdSetTest {

    private final Set<UUID> stored = new HashSet<>();
    private final AtomicInteger readings = new AtomicInteger();
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private final RefreshedIdSet ids = new RefreshedIdSet(this::read, Duration.ofSeconds(5), clock);

    @Test
    void readsOnceWhileFreshAndAgainOnceTheMaxAgeHasPassed() {
        UUID first = UUID.randomUUID();
        stored.add(first);
        assertThat(ids.current()).containsExactly(first);

        UUID second = UUID.randomUUID();
        stored.add(second);
        clock.add(Duration.ofSeconds(4));
        assertThat(ids.current()).containsExactly(first);
        assertThat(readings).hasValue(1);

        clock.add(Duration.ofSeconds(1));
        assertThat(ids.current()).containsExactlyInAnyOrder(first, second);
        assertThat(readings).hasValue(2);
    }

    @Test
    void takesInThisInstancesChangesUntilTheNextReading() {
        UUID kept = UUID.randomUUID();
        stored.add(kept);
        assertThat(ids.hasBeenRead()).isFalse();
        ids.current();
        assertThat(ids.hasBeenRead()).isTrue();

        UUID added = UUID.randomUUID();
        ids.add(added);
        ids.remove(kept);
        assertThat(ids.current()).containsExactly(added);
        assertThat(readings).hasValue(1);

        clock.add(Duration.ofSeconds(5));
        assertThat(ids.current()).as("what is stored wins at the next reading").containsExactly(kept);
    }

    @Test
    void aChangeBeforeTheFirstReadingIsLeftToThatReading() {
        ids.add(UUID.randomUUID());

        assertThat(ids.current()).isEmpty();
    }

    @Test
    void keepsAnIdAddedWhileAReadingIsUnderWayThatTheReadingDidNotSee() {
        UUID addedMeanwhile = UUID.randomUUID();
        AtomicReference<RefreshedIdSet> racing = new AtomicReference<>();
        racing.set(new RefreshedIdSet(
                () -> {
                    Set<UUID> seen = read();
                    if (readings.get() == 2) {
                        // the second reading's query began before the id was committed, so did not see it
                        racing.get().add(addedMeanwhile);
                    }
                    return seen;
                },
                Duration.ofSeconds(5),
                clock));
        racing.get().current();

        clock.add(Duration.ofSeconds(5));

        assertThat(racing.get().current()).containsExactly(addedMeanwhile);
        assertThat(readings).hasValue(2);
    }

    @Test
    void readsNowWhateverTheAge() {
        ids.current();
        UUID stored = UUID.randomUUID();
        this.stored.add(stored);

        ids.readNow();

        assertThat(ids.current()).containsExactly(stored);
        assertThat(readings).hasValue(2);
    }

    private Set<UUID> read() {
        readings.incrementAndGet();
        return Set.copyOf(stored);
    }
}
