package com.agentfactory.recommendation.interaction;

import static com.agentfactory.recommendation.support.CommerceEventMother.abandonedCart;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A cart the customer abandoned and then bought from is recovered without what they bought, or not at all. */
class AbandonedCartPurchasesIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    InteractionService interactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final UUID customer = UUID.randomUUID();
    private final UUID camera = UUID.randomUUID();
    private final UUID tripod = UUID.randomUUID();

    @Test
    void anOrderAfterTheAbandonmentTakesItsProductsOutOfTheCartAndTheCartGoesOnceAllAreBought() {
        Instant abandoned = clock.instant().minus(Duration.ofHours(1));
        deliver(abandonedCart(abandoned, customer, camera, tripod));

        deliver(order(abandoned.plusSeconds(60), customer, camera));

        assertThat(cartProducts()).containsExactly(tripod);

        deliver(order(abandoned.plusSeconds(120), customer, tripod));

        assertThat(interactions.abandonedCartOf(customer)).isEmpty();
        assertThat(api.get("/api/v1/recommendations/users/" + customer + "/cart-recovery")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrderReadBeforeTheAbandonmentItFollowedKeepsItsProductsOutOfTheCart() {
        Instant abandoned = clock.instant().minus(Duration.ofHours(1));
        deliver(order(abandoned.plusSeconds(60), customer, camera));

        deliver(abandonedCart(abandoned, customer, camera, tripod));

        assertThat(cartProducts()).containsExactly(tripod);
    }

    @Test
    void aCartWhoseEveryProductWasBoughtBeforeItWasReadIsNotRecoveredNorReplacedByAnOlderOne() {
        Instant abandoned = clock.instant().minus(Duration.ofHours(1));
        deliver(order(abandoned.plusSeconds(60), customer, camera));

        deliver(abandonedCart(abandoned, customer, camera));
        // an earlier abandonment, of another session, read late
        deliver(abandonedCart(abandoned.minusSeconds(600), customer, tripod));

        assertThat(interactions.abandonedCartOf(customer)).isEmpty();
    }

    @Test
    void anOrderPlacedBeforeTheAbandonmentLeavesItsProductsInTheCartWhicheverIsReadFirst() {
        Instant abandoned = clock.instant().minus(Duration.ofHours(1));
        deliver(order(abandoned.minusSeconds(60), customer, camera));
        deliver(abandonedCart(abandoned, customer, camera, tripod));
        deliver(order(abandoned.minusSeconds(30), customer, tripod));

        assertThat(cartProducts()).containsExactly(camera, tripod);
    }

    @Test
    void anOrderRecordedWhileTheAbandonmentIsUncommittedWaitsForItAndTakesItsProductsOut() throws Exception {
        Instant abandoned = clock.instant().minus(Duration.ofHours(1));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        // read by two consumers at once: the abandonment has not committed when the order looks for the cart
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CountDownLatch commitAbandonment = new CountDownLatch(1);
            CompletableFuture<Integer> abandonmentSession = new CompletableFuture<>();
            Future<?> abandonment = threads.submit(() -> transactions.executeWithoutResult(status -> {
                interactions.recordAbandonedCart(abandonedCart(abandoned, customer, camera, tripod));
                abandonmentSession.complete(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                try {
                    assertThat(commitAbandonment.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            int holder = abandonmentSession.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Future<?> purchase = threads.submit(() -> transactions.executeWithoutResult(
                    status -> interactions.recordPurchase(order(abandoned.plusSeconds(60), customer, camera))));
            LockWaits.awaitSessionBlockedBy(jdbc, holder);
            commitAbandonment.countDown();
            abandonment.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            purchase.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(cartProducts()).containsExactly(tripod);
    }

    private List<UUID> cartProducts() {
        return interactions.abandonedCartOf(customer).orElseThrow().productIds();
    }

    /** Publishes the event and waits until the service has read it. */
    private void deliver(CommerceEvent event) {
        storefront.publish(event);
        await().atMost(WAIT).until(() -> handled(event.eventId()));
    }

    private boolean handled(UUID eventId) {
        Integer claims = jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE message_id = ?", Integer.class, eventId);
        return claims != null && claims >= 1;
    }
}
