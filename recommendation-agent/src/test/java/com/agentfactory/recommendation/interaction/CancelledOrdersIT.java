package com.agentfactory.recommendation.interaction;

import static com.agentfactory.recommendation.support.CommerceEventMother.cancelled;
import static com.agentfactory.recommendation.support.CommerceEventMother.cancelledLine;
import static com.agentfactory.recommendation.support.CommerceEventMother.cancelledQuantity;
import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class CancelledOrdersIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PendingCancellationPurge purge;

    @Autowired
    PendingCancellationProperties pendingCancellations;

    @Autowired
    Clock clock;

    @Autowired
    InteractionService interactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void takesBackTheCancelledPurchaseSoItIsNeitherLearnedFromNorFilteredAsBought() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced first = order(shopper, kitchen.kettle());
        OrderPlaced second = order(shopper, kitchen.toaster());
        storefront.publish(first);
        storefront.publish(second);
        await().atMost(WAIT).until(() -> purchases(shopper) == 2);
        // a cached list, which the cancellation must drop
        askUntilCached("/api/v1/recommendations/users/" + shopper, "recommendation:user:" + shopper);

        storefront.publish(cancelled(second));

        await().atMost(WAIT).until(() -> purchases(shopper) == 1);
        assertThat(jdbc.queryForObject(
                        "SELECT product_id FROM interactions WHERE user_id = ? AND kind = 'PURCHASE'",
                        UUID.class,
                        shopper))
                .isEqualTo(kitchen.kettle());
        await().atMost(WAIT).until(() -> !redis.hasKey("recommendation:user:" + shopper));
    }

    @Test
    void takesBackThePurchaseOfAnOrderNamedInOtherCase() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced placed = order(shopper, kitchen.kettle());
        storefront.publish(placed);
        await().atMost(WAIT).until(() -> purchases(shopper) == 1);

        storefront.publish(cancelled(placed, placed.orderNumber().toLowerCase(Locale.ROOT)));

        await().atMost(WAIT).until(() -> purchases(shopper) == 0);
    }

    @Test
    void leavesAnotherOrdersPurchaseAloneWhenTheCancelledOrderIsUnknown() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced kept = order(shopper, kitchen.kettle());
        storefront.publish(kept);
        await().atMost(WAIT).until(() -> purchases(shopper) == 1);

        // the cancellation of another order of the same kettle, read before that order (or without it ever coming)
        OrderCancelled cancellation = cancelled(order(shopper, kitchen.kettle()));
        deliver(cancellation);

        assertThat(jdbc.queryForObject(
                        "SELECT quantity FROM interactions WHERE user_id = ? AND product_id = ? AND kind = 'PURCHASE'",
                        Integer.class,
                        shopper,
                        kitchen.kettle()))
                .isEqualTo(1);
    }

    @Test
    void takesBackACancellationReadBeforeItsOrderOnceTheOrderArrives() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced placed = order(shopper, kitchen.kettle(), kitchen.toaster());
        OrderCancelled kettleCancelled = cancelledLine(placed, kitchen.kettle());

        // the cancellation travels under its own key and is read first
        deliver(kettleCancelled);
        deliver(placed);

        assertThat(jdbc.queryForList(
                        "SELECT product_id FROM interactions WHERE user_id = ? AND kind = 'PURCHASE'",
                        UUID.class,
                        shopper))
                .containsExactly(kitchen.toaster());
        assertThat(pendingLinesOf(kettleCancelled)).isZero();
    }

    @Test
    void takesACancellationOfSeveralOffEveryLineOfTheProductInItsOrder() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        // the kettle on two lines of one each
        OrderPlaced placed = order(shopper, kitchen.kettle(), kitchen.kettle(), kitchen.toaster());
        deliver(placed);

        OrderCancelled bothKettles = cancelledQuantity(placed, kitchen.kettle(), 2);
        deliver(bothKettles);

        assertThat(purchasedQuantities(shopper)).containsExactly(entry(kitchen.toaster(), 1));
        assertThat(pendingLinesOf(bothKettles)).isZero();
    }

    @Test
    void leavesWhatAPartialCancellationDidNotTakeFromTheProductsLines() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced placed = order(shopper, kitchen.kettle(), kitchen.kettle(), kitchen.kettle());
        deliver(placed);

        OrderCancelled twoOfThree = cancelledQuantity(placed, kitchen.kettle(), 2);
        deliver(twoOfThree);

        assertThat(purchasedQuantities(shopper)).containsExactly(entry(kitchen.kettle(), 1));
    }

    @Test
    void takesACancellationOfSeveralReadBeforeItsOrderOffEveryLineOfTheProduct() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced placed = order(shopper, kitchen.kettle(), kitchen.toaster(), kitchen.kettle());
        OrderCancelled bothKettles = cancelledQuantity(placed, kitchen.kettle(), 2);

        deliver(bothKettles);
        deliver(placed);

        assertThat(purchasedQuantities(shopper)).containsExactly(entry(kitchen.toaster(), 1));
        assertThat(pendingLinesOf(bothKettles)).isZero();
    }

    @Test
    void aCancellationWaitingForAnotherOfTheSameProductTakesFromWhatThatOneLeft() throws Exception {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced first = order(shopper, kitchen.kettle());
        OrderPlaced second = order(shopper, kitchen.kettle());
        deliver(first);
        deliver(second);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        // both name no order, so no order lock keeps them apart: each takes one kettle from the latest purchases
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CountDownLatch commitFirst = new CountDownLatch(1);
            CompletableFuture<Integer> firstSession = new CompletableFuture<>();
            Future<?> firstCancelled = threads.submit(() -> transactions.executeWithoutResult(status -> {
                interactions.recordCancellation(cancelled(second, null));
                firstSession.complete(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                try {
                    assertThat(commitFirst.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            int holder = firstSession.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Future<?> secondCancelled = threads.submit(() -> transactions.executeWithoutResult(
                    status -> interactions.recordCancellation(cancelled(first, null))));
            LockWaits.awaitSessionBlockedBy(jdbc, holder);
            commitFirst.countDown();
            firstCancelled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            secondCancelled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(purchasedQuantities(shopper)).isEmpty();
    }

    @Test
    void forgetsACancellationWhoseOrderDidNotArriveWithinTheRetention() {
        UUID shopper = UUID.randomUUID();
        Kitchen kitchen = kitchen();
        OrderPlaced late = order(shopper, kitchen.kettle());
        OrderCancelled cancellation = cancelled(late);
        deliver(cancellation);
        assertThat(pendingLinesOf(cancellation)).isEqualTo(1);

        // kept longer than the retention, and another kept a day less
        OrderCancelled recent = cancelled(order(shopper, kitchen.kettle()));
        deliver(recent);
        age(cancellation, pendingCancellations.retention().plusDays(1));
        age(recent, pendingCancellations.retention().minusDays(1));
        purge.purge();

        assertThat(pendingLinesOf(cancellation)).isZero();
        assertThat(pendingLinesOf(recent)).isEqualTo(1);
        // the order arriving after all keeps its purchase
        deliver(late);
        assertThat(purchases(shopper)).isEqualTo(1);
    }

    /** A kettle and a toaster, in a category no other test uses. */
    private record Kitchen(UUID kettle, UUID toaster) {}

    /** Publishes a new kitchen catalogue to the service. */
    private Kitchen kitchen() {
        Kitchen kitchen = new Kitchen(UUID.randomUUID(), UUID.randomUUID());
        String category = freshCategory("kitchen");
        storefront.publish(product(kitchen.kettle(), "Kettle", category, "30.00", 5));
        storefront.publish(product(kitchen.toaster(), "Toaster", category, "40.00", 5));
        return kitchen;
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

    private int pendingLinesOf(OrderCancelled cancellation) {
        Integer lines = jdbc.queryForObject(
                "SELECT count(*) FROM pending_cancellations WHERE event_id = ?", Integer.class, cancellation.eventId());
        return lines == null ? 0 : lines;
    }

    // as if received that long ago
    private void age(OrderCancelled cancellation, Duration age) {
        jdbc.update(
                "UPDATE pending_cancellations SET received_at = ? WHERE event_id = ?",
                Timestamp.from(clock.instant().minus(age)),
                cancellation.eventId());
    }

    // what the customer still counts as bought, summed over the purchase rows of each product
    private Map<UUID, Integer> purchasedQuantities(UUID userId) {
        Map<UUID, Integer> quantities = new HashMap<>();
        jdbc.query(
                "SELECT product_id, sum(quantity) AS bought FROM interactions WHERE user_id = ? AND kind = 'PURCHASE'"
                        + " GROUP BY product_id",
                (RowCallbackHandler)
                        row -> quantities.put(row.getObject("product_id", UUID.class), row.getInt("bought")),
                userId);
        return quantities;
    }

    private int purchases(UUID userId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM interactions WHERE user_id = ? AND kind = 'PURCHASE'", Integer.class, userId);
        return count == null ? 0 : count;
    }
}
