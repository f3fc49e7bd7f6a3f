package com.agentfactory.support.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.support.returns.ReturnItem;
import com.agentfactory.support.returns.ReturnOutcome;
import com.agentfactory.support.returns.ReturnService;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The order read model as commerce.orders feeds it. */
class OrderBookIT extends SupportIntegrationTest {

    @Autowired
    OrderBook orders;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ReturnService returns;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    PendingCancellationProperties pendingCancellations;

    @Test
    void anOrderNumberAlreadyHeldByAnotherOrderStaysWithItsFirstOrderAndTheEventIsAcknowledged() {
        String number = Storefront.freshOrderNumber();
        OrderPlaced first = Storefront.order(number, UUID.randomUUID());
        OrderPlaced claimant = Storefront.order(number.toLowerCase(Locale.ROOT), UUID.randomUUID());
        double conflictsBefore = conflicts();
        var storefront = new Storefront(kafka, codec);
        storefront.publish(first);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orders.findByNumber(number).isPresent());

        storefront.publish(claimant);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled(claimant));
        assertThat(orders.findByNumber(number).orElseThrow().orderId()).isEqualTo(first.orderId());
        assertThat(orders.findByNumber(number).orElseThrow().customerId()).isEqualTo(first.customerId());
        assertThat(orders.lines(claimant.orderId())).isEmpty();
        assertThat(conflicts()).isEqualTo(conflictsBefore + 1);
    }

    @Test
    void aRedeliveredOrderIsNotCountedAsANumberConflict() {
        OrderPlaced order = Storefront.order(Storefront.freshOrderNumber(), UUID.randomUUID());
        double conflictsBefore = conflicts();

        orders.apply(order);
        orders.apply(order);

        assertThat(orders.lines(order.orderId())).hasSize(1);
        assertThat(conflicts()).isEqualTo(conflictsBefore);
    }

    @Test
    void aCancellationOfEveryLineEndsTheWholeOrder() {
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), UUID.randomUUID());
        orders.apply(order);

        orders.apply(Storefront.refundOf(order));

        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
        assertThat(orders.lines(order.orderId()))
                .allSatisfy(line -> assertThat(line.uncancelled()).isZero());
    }

    @Test
    void aCancellationOfOneLineTakesBackOnlyThatLine() {
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), UUID.randomUUID());
        orders.apply(order);

        orders.apply(Storefront.refundOf(order, order.lines().get(1)));

        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        assertThat(orders.lines(order.orderId()))
                .extracting(OrderItem::sku, OrderItem::uncancelled)
                .containsExactly(tuple("MUG-OAT-01", 2), tuple("LAMP-BRASS-02", 0));
    }

    @Test
    void aCancellationOfSomethingNotLeftOnTheOrderEndsTheWholeOrder() {
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), UUID.randomUUID());
        orders.apply(order);
        var unknown = new OrderLine(UUID.randomUUID(), "VASE-GLASS-09", 1, new BigDecimal("20.00"));

        orders.apply(Storefront.refundOf(order, unknown));

        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
    }

    @Test
    void aCancellationNamingNoOrderTakesItsProductsFromTheCustomersNewestOrdersHoldingThem() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced older = Storefront.twoLineOrder(Storefront.freshOrderNumber(), customerId);
        OrderPlaced newer =
                Storefront.order(Storefront.freshOrderNumber(), customerId, Instant.parse("2026-11-03T10:15:00Z"));
        OrderPlaced anotherCustomers = Storefront.order(
                Storefront.freshOrderNumber(), UUID.randomUUID(), Instant.parse("2026-11-04T10:15:00Z"));
        orders.apply(older);
        orders.apply(newer);
        orders.apply(anotherCustomers);
        double unmatchedBefore = unplacedCancellations("unmatched");

        // three mugs: the newer order's two, and one of the older order's two
        orders.apply(Storefront.refundNamingNoOrder(
                customerId, Storefront.withQuantity(newer.lines().get(0), 3)));

        assertThat(orders.findByNumber(newer.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
        assertThat(orders.findByNumber(older.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        assertThat(orders.lines(older.orderId()))
                .extracting(OrderItem::sku, OrderItem::uncancelled)
                .containsExactly(tuple("MUG-OAT-01", 1), tuple("LAMP-BRASS-02", 1));
        assertThat(orders.lines(anotherCustomers.orderId()))
                .extracting(OrderItem::uncancelled)
                .containsExactly(2);
        assertThatThrownBy(() -> returns.authorise(
                        older.orderNumber(), customerId, false, List.of(new ReturnItem("MUG-OAT-01", 2)), "broken"))
                .isInstanceOf(RuleViolationException.class);
        assertThat(returns.authorise(newer.orderNumber(), customerId, false, List.of(), "changed my mind"))
                .isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(unplacedCancellations("unmatched")).isEqualTo(unmatchedBefore);
    }

    @Test
    void aCancellationNamingNoOrderOfProductsOnNoneOfTheCustomersOrdersIsCountedAndChangesNoOrder() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), customerId);
        orders.apply(order);
        double unmatchedBefore = unplacedCancellations("unmatched");
        var vase = new OrderLine(UUID.randomUUID(), "VASE-GLASS-09", 1, new BigDecimal("20.00"));

        orders.apply(Storefront.refundNamingNoOrder(customerId, vase));

        assertThat(unplacedCancellations("unmatched")).isEqualTo(unmatchedBefore + 1);
        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        assertThat(orders.lines(order.orderId()))
                .extracting(OrderItem::uncancelled)
                .containsExactly(2, 1);
    }

    @Test
    void aGuestsCancellationNamingNoOrderIsCountedAndChangesNoOrder() {
        OrderPlaced guestOrder = Storefront.order(Storefront.freshOrderNumber(), null);
        orders.apply(guestOrder);
        double guestsBefore = unplacedCancellations("guest");

        orders.apply(Storefront.refundNamingNoOrder(null, guestOrder.lines().get(0)));

        assertThat(unplacedCancellations("guest")).isEqualTo(guestsBefore + 1);
        assertThat(orders.findByNumber(guestOrder.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
    }

    @Test
    void aCancellationReadBeforeItsOrderCancelsTheOrderWhenItArrives() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), customerId);
        OrderCancelled refund = Storefront.refundOf(order);
        var storefront = new Storefront(kafka, codec);
        // the cancellation travels under its own key, so it can be read first; here it is
        storefront.publish(refund);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(refund));

        storefront.publish(order);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled(order));
        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
        assertThat(orders.lines(order.orderId()))
                .allSatisfy(line -> assertThat(line.uncancelled()).isZero());
        assertThat(returns.authorise(order.orderNumber(), customerId, false, List.of(), "changed my mind"))
                .isInstanceOf(ReturnOutcome.Refused.class);
    }

    @Test
    void aPartialCancellationReadBeforeItsOrderLeavesOnlyTheRestReturnable() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), customerId);

        orders.apply(Storefront.refundOf(order, order.lines().get(1)));
        orders.apply(order);

        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        assertThat(orders.lines(order.orderId()))
                .extracting(OrderItem::sku, OrderItem::uncancelled)
                .containsExactly(tuple("MUG-OAT-01", 2), tuple("LAMP-BRASS-02", 0));
        assertThatThrownBy(() -> returns.authorise(
                        order.orderNumber(), customerId, false, List.of(new ReturnItem("LAMP-BRASS-02", 1)), "broken"))
                .isInstanceOf(RuleViolationException.class);
        var everything = returns.authorise(order.orderNumber(), customerId, false, List.of(), "changed my mind");
        assertThat(everything).isInstanceOf(ReturnOutcome.Authorised.class);
        assertThat(((ReturnOutcome.Authorised) everything).authorisation().lines())
                .extracting(line -> line.sku())
                .containsExactly("MUG-OAT-01");
    }

    @Test
    void aCancellationOfAnOrderNeverAnnouncedCancelsNoOtherOrder() {
        OrderPlaced announced = Storefront.order(Storefront.freshOrderNumber(), UUID.randomUUID());
        OrderPlaced never = Storefront.order(Storefront.freshOrderNumber(), UUID.randomUUID());

        orders.apply(Storefront.refundOf(never));
        orders.apply(announced);

        assertThat(orders.findByNumber(announced.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        assertThat(orders.findByNumber(never.orderNumber())).isEmpty();
    }

    @Test
    void forgetsACancellationWhoseOrderNeverArrivedAndStillAppliesARecentOneWhenItsOrderArrives() {
        OrderPlaced never = Storefront.order(Storefront.freshOrderNumber(), UUID.randomUUID());
        OrderPlaced late = Storefront.twoLineOrder(Storefront.freshOrderNumber(), UUID.randomUUID());
        OrderCancelled stale = Storefront.refundOf(never);
        OrderCancelled recent = Storefront.refundOf(late);
        double purgedBefore = purged();
        orders.apply(recent);
        orders.apply(stale);
        // what a cancellation of an order support never sees looks like after the retention (30 days) has passed
        jdbc.sql("UPDATE pending_order_cancellations SET received_at = received_at - interval '31 days'"
                        + " WHERE event_id = :event")
                .param("event", stale.eventId())
                .update();

        await().atMost(Duration.ofSeconds(30)).until(() -> !pending(stale));

        assertThat(jdbc.sql("SELECT count(*) FROM pending_order_cancellation_lines WHERE event_id = :event")
                        .param("event", stale.eventId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(purged()).isGreaterThanOrEqualTo(purgedBefore + 1);
        // the pass that forgot the stale one saw this one too, and kept it
        assertThat(pending(recent)).isTrue();
        orders.apply(late);
        assertThat(orders.findByNumber(late.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
        assertThat(orders.lines(late.orderId()))
                .allSatisfy(line -> assertThat(line.uncancelled()).isZero());
        assertThat(pending(recent)).isFalse();
        // forgotten means forgotten: should the order turn up after all, the stale cancellation is not applied
        orders.apply(never);
        assertThat(orders.findByNumber(never.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
    }

    @Test
    void aSweepPassingWhileAnArrivingOrderAppliesItsCancellationsSkipsThemAndTheOrderStillGetsThem() throws Exception {
        OrderPlaced never = Storefront.order(Storefront.freshOrderNumber(), UUID.randomUUID());
        OrderPlaced order = Storefront.twoLineOrder(Storefront.freshOrderNumber(), UUID.randomUUID());
        OrderCancelled stale = Storefront.refundOf(never);
        OrderCancelled lamp = Storefront.refundOf(
                order, Instant.parse("2026-11-05T09:00:00Z"), order.lines().get(1));
        OrderCancelled mugs = Storefront.refundOf(
                order, Instant.parse("2026-11-05T09:30:00Z"), order.lines().get(0));
        orders.apply(stale);
        orders.apply(lamp);
        orders.apply(mugs);
        PendingCancellationPurge sweep = sweepOnceTheRetentionOfAllHasRunOut(stale, lamp, mugs);
        CompletableFuture<Void> arriving;

        // its own threads: the common pool may have a single one, which the waiting order would keep from the sweep
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                // the order applies its cancellations oldest first, each locked as it is read: with the later one held
                // here, the arriving order has locked the lamp's cancellation and waits for the mugs'
                lockPendingCancellation(other, mugs);
                arriving = CompletableFuture.runAsync(
                        () -> transactions.executeWithoutResult(status -> orders.apply(order)), background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(other));

                CompletableFuture<Void> passing = CompletableFuture.runAsync(sweep::purge, background);

                assertThat(passing).succeedsWithin(Duration.ofSeconds(10));
                // the pass did forget what nobody held, so it left the other two for being locked, not for being new
                assertThat(pending(stale)).isFalse();
                assertThat(pending(lamp)).isTrue();
                assertThat(pending(mugs)).isTrue();
                assertThat(pendingLines(lamp) + pendingLines(mugs)).isEqualTo(2);
            } finally {
                other.rollback();
            }
        }

        assertThat(arriving).succeedsWithin(Duration.ofSeconds(30));
        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("REFUNDED");
        assertThat(orders.lines(order.orderId()))
                .allSatisfy(line -> assertThat(line.uncancelled()).isZero());
        assertThat(pending(lamp)).isFalse();
        assertThat(pending(mugs)).isFalse();
    }

    // a sweep like the scheduled one, come just after the last of these was kept longer than the retention: it
    // forgets what was kept before them too, as the scheduled sweep would by then
    private PendingCancellationPurge sweepOnceTheRetentionOfAllHasRunOut(OrderCancelled... kept) {
        Instant lastReceived = jdbc.sql("""
                        SELECT max(received_at) FROM pending_order_cancellations WHERE event_id IN (:events)
                        """)
                .param(
                        "events",
                        Arrays.stream(kept).map(OrderCancelled::eventId).toList())
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .single();
        Clock pastRetention =
                Clock.fixed(lastReceived.plus(pendingCancellations.retention()).plusSeconds(1), ZoneOffset.UTC);
        return new PendingCancellationPurge(orders, pendingCancellations, pastRetention, registry);
    }

    // the lock an arriving order takes on a cancellation kept for it
    private static void lockPendingCancellation(Connection connection, OrderCancelled cancellation)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT event_id FROM pending_order_cancellations WHERE event_id = ? FOR UPDATE")) {
            lock.setObject(1, cancellation.eventId());
            try (ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).isTrue();
            }
        }
    }

    private long pendingLines(OrderCancelled cancellation) {
        return jdbc.sql("SELECT count(*) FROM pending_order_cancellation_lines WHERE event_id = :event")
                .param("event", cancellation.eventId())
                .query(Long.class)
                .single();
    }

    private boolean pending(OrderCancelled cancellation) {
        return jdbc.sql("SELECT count(*) FROM pending_order_cancellations WHERE event_id = :event")
                        .param("event", cancellation.eventId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private double purged() {
        var counter = registry.find(PendingCancellationPurge.PURGED).counter();
        return counter == null ? 0 : counter.count();
    }

    private double unplacedCancellations(String reason) {
        var counter = registry.find(OrderBook.UNPLACED_CANCELLATIONS)
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double conflicts() {
        var counter = registry.find(OrderBook.NUMBER_CONFLICTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean handled(CommerceEvent event) {
        return jdbc.sql(
                                "SELECT count(*) FROM processed_messages WHERE message_id = :id AND consumer = 'support-orders'")
                        .param("id", event.eventId())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
