package com.agentfactory.recommendation.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The models learn from the interactions since the horizon only, and the views and cart additions older go. */
class InteractionHorizonIT extends RecommendationIntegrationTest {

    @Autowired
    InteractionService service;

    @Autowired
    InteractionRepository repository;

    @Autowired
    InteractionProperties properties;

    @Autowired
    BehaviourPurge purge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private final Set<UUID> users = new HashSet<>();

    @AfterEach
    void forgetTheUsers() {
        users.forEach(user -> jdbc.update("DELETE FROM interactions WHERE user_id = ?", user));
    }

    @Test
    void learnsOnlyFromTheInteractionsSinceTheHorizon() {
        Instant now = clock.instant();
        Instant beyond = properties.horizon(now).minus(Duration.ofDays(1));
        UUID shopper = UUID.randomUUID();
        UUID lately = UUID.randomUUID();
        store(shopper, UUID.randomUUID(), InteractionKind.VIEW, beyond);
        store(shopper, UUID.randomUUID(), InteractionKind.PURCHASE, beyond);
        store(shopper, lately, InteractionKind.VIEW, now.minus(Duration.ofDays(1)));

        List<DecayedInteraction> learned = service.decayedInteractions(now).stream()
                .filter(interaction -> interaction.userId().equals(shopper))
                .toList();

        assertThat(learned).extracting(DecayedInteraction::productId).containsExactly(lately);
    }

    @Test
    void deletesTheViewsAndCartAdditionsBeyondTheHorizonAndKeepsThePurchasesAndTheRecentOnes() {
        Instant now = clock.instant();
        // whole microseconds, as the database keeps them
        Instant beyond = properties.horizon(now).minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        Instant within = properties.horizon(now).plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        UUID shopper = UUID.randomUUID();
        UUID boughtLongAgo = UUID.randomUUID();
        store(shopper, UUID.randomUUID(), InteractionKind.VIEW, beyond);
        store(shopper, UUID.randomUUID(), InteractionKind.CART, beyond);
        store(shopper, boughtLongAgo, InteractionKind.PURCHASE, beyond);
        store(shopper, UUID.randomUUID(), InteractionKind.VIEW, within);
        store(shopper, UUID.randomUUID(), InteractionKind.CART, within);

        purge.purge();

        assertThat(kindsAndTimesOf(shopper))
                .containsExactlyInAnyOrder("PURCHASE " + beyond, "VIEW " + within, "CART " + within);
        // the purchase still keeps the product out of the customer's lists
        assertThat(service.historyOf(shopper, now).purchased()).containsExactly(boughtLongAgo);
    }

    @Test
    void aPassDeletesMoreThanOneBatchOfViewsBeyondTheHorizon() {
        Instant beyond = properties.horizon(clock.instant()).minus(Duration.ofDays(1));
        UUID browser = UUID.randomUUID();
        users.add(browser);
        jdbc.update(
                "INSERT INTO interactions (event_id, user_id, product_id, kind, quantity, occurred_at)"
                        + " SELECT gen_random_uuid(), ?, gen_random_uuid(), 'VIEW', 1,"
                        + " CAST(? AS timestamptz) - n * interval '1 second'"
                        + " FROM generate_series(1, ?) AS n",
                browser,
                Timestamp.from(beyond),
                properties.purgeBatchSize() + 1);

        purge.purge();

        assertThat(kindsAndTimesOf(browser)).isEmpty();
    }

    private void store(UUID userId, UUID productId, InteractionKind kind, Instant at) {
        users.add(userId);
        repository.insert(UUID.randomUUID(), new StoredInteraction(userId, productId, kind, at), 1);
    }

    private List<String> kindsAndTimesOf(UUID userId) {
        return jdbc.query(
                "SELECT kind, occurred_at FROM interactions WHERE user_id = ?",
                (row, n) -> row.getString("kind") + " "
                        + row.getTimestamp("occurred_at").toInstant(),
                userId);
    }
}
