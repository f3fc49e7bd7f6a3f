package com.agentfactory.recommendation.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class UserHistoryIT extends RecommendationIntegrationTest {

    // sub-microsecond, so the database's microseconds and the JVM's nanoseconds of now both take part
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00.123456789Z");
    // what happened is kept to the microsecond, so what is stored reads back as it was written
    private static final Instant LATELY = NOW.truncatedTo(ChronoUnit.MICROS);

    @Autowired
    InteractionService service;

    @Autowired
    InteractionRepository repository;

    @Autowired
    InteractionProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    private final Set<UUID> users = new HashSet<>();

    // the models are trained on every stored interaction: this many views of one user would skew what the other
    // tests of the JVM expect them to learn
    @AfterEach
    void forgetTheUsers() {
        users.forEach(user -> jdbc.update("DELETE FROM interactions WHERE user_id = ?", user));
    }

    @Test
    void weighsManyRepeatedViewsOfFewProductsAsSummingThemOneByOneWould() {
        UUID shopper = UUID.randomUUID();
        UUID kettle = UUID.randomUUID();
        UUID toaster = UUID.randomUUID();
        UUID mug = UUID.randomUUID();
        UUID teapot = UUID.randomUUID();
        List<StoredInteraction> stored = new ArrayList<>();
        List<UUID> browsed = List.of(kettle, toaster, mug);
        for (int i = 0; i < 900; i++) {
            // every 5h 17m 3.000271s back, so the ages are not whole milliseconds
            Instant at = LATELY.minus(Duration.ofMillis(i * 19_023_000L)).minusNanos(i * 271_000L);
            stored.add(new StoredInteraction(shopper, browsed.get(i % browsed.size()), InteractionKind.VIEW, at));
        }
        stored.add(new StoredInteraction(shopper, toaster, InteractionKind.CART, LATELY.minus(Duration.ofDays(3))));
        stored.add(new StoredInteraction(shopper, toaster, InteractionKind.PURCHASE, LATELY.minus(Duration.ofDays(2))));
        // older than a double can tell from nothing: the database must not fail on it, and the product was bought
        stored.add(new StoredInteraction(
                shopper,
                teapot,
                InteractionKind.PURCHASE,
                LATELY.minus(properties.halfLife().multipliedBy(1100))));
        stored.add(new StoredInteraction(
                shopper,
                teapot,
                InteractionKind.VIEW,
                LATELY.minus(properties.halfLife().multipliedBy(1050))));
        // a signal from after now counts in full
        stored.add(new StoredInteraction(shopper, mug, InteractionKind.VIEW, LATELY.plusSeconds(90)));
        stored.forEach(this::store);
        UUID someoneElse = UUID.randomUUID();
        store(new StoredInteraction(someoneElse, kettle, InteractionKind.PURCHASE, LATELY.minusSeconds(5)));
        store(new StoredInteraction(someoneElse, UUID.randomUUID(), InteractionKind.VIEW, LATELY));

        UserHistory history = service.historyOf(shopper, NOW);

        Map<UUID, Double> expected = new HashMap<>();
        for (StoredInteraction interaction : stored) {
            double weight = TimeDecay.decayed(
                    properties.weightOf(interaction.kind()), interaction.occurredAt(), NOW, properties.halfLife());
            expected.merge(interaction.productId(), weight, Double::sum);
        }
        assertThat(history.weights()).containsOnlyKeys(expected.keySet());
        expected.forEach((product, weight) ->
                assertThat(history.weights().get(product)).isCloseTo(weight, within(1e-12 * Math.max(1, weight))));
        assertThat(history.purchased()).containsExactlyInAnyOrder(toaster, teapot);
        assertThat(history.recent()).containsExactlyElementsOf(latest(stored, 10));
    }

    @Test
    void remembersTheLatestTenInteractionsOldestFirstWhateverOrderTheyArrivedIn() {
        UUID shopper = UUID.randomUUID();
        List<StoredInteraction> stored = new ArrayList<>();
        UUID again = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            // arrival order is not time order, a product recurs, and pairs share their instant
            Instant at = LATELY.minus(Duration.ofMinutes((i * 7L) % 30 / 2));
            UUID product = i % 4 == 0 ? again : UUID.randomUUID();
            stored.add(new StoredInteraction(shopper, product, InteractionKind.VIEW, at));
        }
        stored.forEach(this::store);

        List<UUID> recent = service.historyOf(shopper, NOW).recent();

        assertThat(recent).hasSize(10).containsExactlyElementsOf(latest(stored, 10));
    }

    private void store(StoredInteraction interaction) {
        users.add(interaction.userId());
        repository.insert(UUID.randomUUID(), interaction, 1);
    }

    /** The products of the last {@code n} interactions by time, the earlier stored first among equal times. */
    private static List<UUID> latest(List<StoredInteraction> stored, int n) {
        List<StoredInteraction> byTime = new ArrayList<>(stored);
        // a stable sort keeps the order of storing, which is the order of the ids, among equal times
        byTime.sort(Comparator.comparing(StoredInteraction::occurredAt));
        return byTime.subList(byTime.size() - n, byTime.size()).stream()
                .map(StoredInteraction::productId)
                .toList();
    }
}
