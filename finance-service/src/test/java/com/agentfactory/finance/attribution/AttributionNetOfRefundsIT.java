package com.agentfactory.finance.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.transaction.FinancialTransaction;
import com.agentfactory.finance.transaction.LedgerEntryBooked;
import com.agentfactory.finance.transaction.OrderLock;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.finance.transaction.TransactionType;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revenue the shop gave back is not an agent's: a refund of an attributed order takes its part back from every share,
 * and attributed revenue and return on spend count what remains, on the day the order was placed.
 */
class AttributionNetOfRefundsIT extends FinanceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    TransactionService ledger;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EarlierRefundsNetting earlierRefunds;

    @Autowired
    AttributionService attribution;

    @Test
    void aFullyCancelledOrderLeavesTheAgentOnlyTheRevenueOfItsOtherOrdersAndItsReturnOnSpendFalls() {
        Shop shop = aShop();
        OrderPlaced kept = shop.order(10, "10.00x1");
        OrderPlaced cancelled = shop.order(11, "10.00x2");
        shop.spend("5.00");
        assertThat(shop.roas().path("attributed_revenue").decimalValue()).isEqualByComparingTo("30.00");

        publishAndAwait(OrderMother.cancellationOf(cancelled, shop.at(15)));

        assertThat(shop.revenue()).isEqualByComparingTo("10.00");
        assertThat(shop.revenueRow().path("orders").asLong()).isEqualTo(1);
        JsonNode roas = shop.roas();
        assertThat(roas.path("attributed_revenue").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(roas.path("roas").decimalValue()).isEqualByComparingTo("2");
        JsonNode shares = attributions(cancelled.orderId());
        assertThat(shares.size()).isEqualTo(5);
        shares.forEach(share -> {
            // the share stays as attributed, with what the refund took beside it
            assertThat(share.path("attributed_amount").decimalValue()).isEqualByComparingTo("20.00");
            assertThat(share.path("refunded_amount").decimalValue()).isEqualByComparingTo("20.00");
        });
        assertThat(attributions(kept.orderId()).at("/0/refunded_amount").decimalValue())
                .isZero();
    }

    @Test
    void aPartialCancellationTakesItsPartOfTheOrderFromEveryShareAndFurtherRefundsNeverGoBelowZero() {
        Shop shop = aShop();
        String other = "ads-" + UUID.randomUUID().toString().substring(0, 8);
        shop.touch(other, shop.at(8));
        // linear: 15.00 to each agent
        OrderPlaced order = shop.order(10, "10.00x1", "20.00x1");

        publishAndAwait(OrderMother.partialCancellationOf(order, shop.at(12), 0));

        // a third of the order refunded: a third of each share
        assertThat(shop.revenue()).isEqualByComparingTo("10.00");
        assertThat(shop.revenueOf(other)).isEqualByComparingTo("10.00");

        publishAndAwait(OrderMother.partialCancellationOf(order, shop.at(13), 1));
        // goods refunded already: the ledger books nothing of this one, and nothing more is taken back
        OrderCancelled again = OrderMother.partialCancellationOf(order, shop.at(14), 0, 1);
        commerce.publish(again);
        commerce.publishMarkers(shop.at(23)).forEach(this::awaitRecorded);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE source_event_id = ?",
                        Long.class,
                        again.eventId()))
                .isZero();

        assertThat(shop.revenue()).isZero();
        assertThat(shop.revenueOf(other)).isZero();
        // every share refunded to the cent, none beyond
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attributions ra"
                                + " WHERE ra.order_id = ? AND ra.attributed_amount <> (SELECT sum(refunded_amount)"
                                + "     FROM revenue_attribution_refunds WHERE attribution_id = ra.id)",
                        Long.class,
                        order.orderId()))
                .isZero();
    }

    @Test
    void theSameRefundEventDeliveredTwiceIsNettedOnce() {
        Shop shop = aShop();
        OrderPlaced order = shop.order(10, "10.00x1", "20.00x1");
        OrderCancelled cancellation = OrderMother.partialCancellationOf(order, shop.at(12), 0);

        commerce.publish(cancellation);
        commerce.publish(cancellation);
        commerce.publishMarkers(shop.at(23)).forEach(this::awaitRecorded);

        assertThat(shop.revenue()).isEqualByComparingTo("20.00");
        // one row per share the refund reduced: 5 models, one touchpoint each
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attribution_refunds r"
                                + " JOIN financial_transactions t ON t.id = r.refund_transaction_id"
                                + " WHERE t.source_event_id = ?",
                        Long.class,
                        cancellation.eventId()))
                .isEqualTo(5);
    }

    @Test
    void aCancellationUnderItsOwnIdIsNettedByTheOriginalOrderNumberAndOneNamingNoOrderIsCountedNotNetted() {
        Shop shop = aShop();
        OrderPlaced named = shop.order(10, "10.00x1");
        OrderPlaced unnamed = shop.order(11, "10.00x1");
        double unmatchedBefore = unmatchedRefunds();

        publishAndAwait(OrderMother.cancellationNote(named, named.orderNumber(), shop.at(12)));
        publishAndAwait(OrderMother.cancellationNote(unnamed, null, shop.at(13)));

        assertThat(shop.revenue()).isEqualByComparingTo("10.00");
        assertThat(attributions(named.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(attributions(unnamed.orderId()).at("/0/refunded_amount").decimalValue())
                .isZero();
        assertThat(unmatchedRefunds()).isGreaterThan(unmatchedBefore);
    }

    @Test
    void aCancellationNamingTheOrderNumberInAnotherCaseIsNettedAndItsReturnOnSpendFalls() {
        Shop shop = aShop();
        OrderPlaced order = shop.orderNumbered(anOrderNumberWithLetters(), 10, "10.00x1");
        shop.spend("5.00");
        double unmatchedBefore = unmatchedRefunds();

        publishAndAwait(OrderMother.cancellationNote(order, order.orderNumber().toLowerCase(Locale.ROOT), shop.at(12)));

        assertThat(shop.revenue()).isZero();
        assertThat(shop.roas().path("attributed_revenue").decimalValue()).isZero();
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(unmatchedRefunds()).isEqualTo(unmatchedBefore);
    }

    @Test
    void aCancellationNamingTheOrderNumberInAnotherCaseBookedBeforeTheOrderIsNettedWhenTheOrderIsAttributed() {
        Shop shop = aShop();
        OrderPlaced order =
                OrderMother.orderNumbered(anOrderNumberWithLetters(), shop.customer, shop.at(10), "10.00x1", "30.00x1");

        publishAndAwait(OrderMother.cancellationNote(order, order.orderNumber().toLowerCase(Locale.ROOT), shop.at(12)));
        publishAndAwait(order);

        assertThat(shop.revenue()).isZero();
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("40.00");
    }

    @Test
    void aRefundBookedBeforeItsOrderIsNettedWhenTheOrderIsAttributed() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "10.00x1", "30.00x1");

        publishAndAwait(OrderMother.partialCancellationOf(order, shop.at(12), 0));
        publishAndAwait(order);

        assertThat(shop.revenue()).isEqualByComparingTo("30.00");
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void aRefundBookedByAnotherInstanceWhileItsOrderIsBeingBookedIsNetted() throws Exception {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "10.00x1", "30.00x1");
        OrderCancelled cancellation = OrderMother.partialCancellationOf(order, shop.at(12), 0);

        bookedAtTheSameMoment(() -> ledger.recordOrderPlaced(order), () -> ledger.recordOrderCancelled(cancellation));

        assertThat(shop.revenue()).isEqualByComparingTo("30.00");
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void anOrderBookedByAnotherInstanceWhileItsRefundIsBeingBookedHasTheRefundNetted() throws Exception {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "10.00x1", "30.00x1");
        OrderCancelled cancellation = OrderMother.cancellationNote(order, order.orderNumber(), shop.at(12));

        bookedAtTheSameMoment(() -> ledger.recordOrderCancelled(cancellation), () -> ledger.recordOrderPlaced(order));

        assertThat(shop.revenue()).isZero();
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("40.00");
    }

    @Test
    void aRefundBookedBeforeRefundsWereNettedIsNettedOnceByTheNettingOfEarlierRefunds() {
        Shop shop = aShop();
        OrderPlaced order = shop.order(10, "10.00x1", "30.00x1");
        OrderPlaced unrefunded = shop.order(11, "5.00x1");
        UUID refund = UUID.randomUUID();
        // as the ledger holds a refund booked before V12: its row, and nothing taken back from the order's shares
        jdbc.update(
                "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id, order_number,"
                        + " customer_id, source_event_id, occurred_at) VALUES (?, 'refund', 10.00, 'GBP', ?, ?, ?, ?, ?)",
                refund,
                order.orderId(),
                order.orderNumber(),
                shop.customer,
                UUID.randomUUID(),
                Timestamp.from(shop.at(12)));
        assertThat(shop.revenue()).isEqualByComparingTo("45.00");

        earlierRefunds.netEarlierRefunds();
        earlierRefunds.netEarlierRefunds();

        assertThat(shop.revenue()).isEqualByComparingTo("35.00");
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(attributions(unrefunded.orderId()).at("/0/refunded_amount").decimalValue())
                .isZero();
        // netted once, however often it runs: one row per model
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attribution_refunds WHERE refund_transaction_id = ?",
                        Long.class,
                        refund))
                .isEqualTo(5);
    }

    @Test
    void anEarlierRefundOfAnOrderWithNothingLeftToTakeIsLookedAtByOneNettingOfEarlierRefundsOnly() {
        Shop shop = aShop();
        OrderPlaced order = shop.order(10, "10.00x1");
        // two refunds booked before V12, the first taking all the order had
        for (int hour : new int[] {12, 13}) {
            jdbc.update(
                    "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id,"
                            + " order_number, customer_id, source_event_id, occurred_at)"
                            + " VALUES (?, 'refund', 10.00, 'GBP', ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    order.orderId(),
                    order.orderNumber(),
                    shop.customer,
                    UUID.randomUUID(),
                    Timestamp.from(shop.at(hour)));
        }

        assertThat(earlierRefunds.netEarlierRefunds()).isGreaterThanOrEqualTo(2);
        int lookedAtAgain = earlierRefunds.netEarlierRefunds();

        assertThat(lookedAtAgain).isZero();
        assertThat(shop.revenue()).isZero();
    }

    @Test
    void anEarlierRefundNamingTheOrderNumberInAnotherCaseIsNettedByTheNettingOfEarlierRefunds() {
        Shop shop = aShop();
        OrderPlaced order = shop.orderNumbered(anOrderNumberWithLetters(), 10, "10.00x1", "30.00x1");
        UUID refund = UUID.randomUUID();
        // a cancellation note booked before V12: under an order id of its own, naming the order in lower case
        jdbc.update(
                "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id, order_number,"
                        + " customer_id, source_event_id, occurred_at) VALUES (?, 'refund', 10.00, 'GBP', ?, ?, ?, ?, ?)",
                refund,
                UUID.randomUUID(),
                order.orderNumber().toLowerCase(Locale.ROOT),
                shop.customer,
                UUID.randomUUID(),
                Timestamp.from(shop.at(12)));

        earlierRefunds.netEarlierRefunds();

        assertThat(shop.revenue()).isEqualByComparingTo("30.00");
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void refundsNettedWholeBeforeTheyWereCappedGiveBackOnceWhatTheyTookBeyondWhatTheyRefund() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "12.50x2", "4.00x1", "10.00x1");
        // the same goods cancelled twice before the order came, each booked whole
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(12), 0)))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNote(
                        OrderMother.orderWithLines(order, 0), order.orderNumber(), shop.at(13))))
                .isTrue();
        attributedAsBeforeOffsets(order);
        // netted whole: the first took 25.00 of the 39.00, the second all that was left
        assertThat(shop.revenue()).isZero();

        earlierRefunds.onStart();
        earlierRefunds.onStart();

        // together they refund 25.00 once the later one is offset
        assertThat(shop.revenue()).isEqualByComparingTo("14.00");
        JsonNode shares = attributions(order.orderId());
        assertThat(shares.size()).isEqualTo(5);
        shares.forEach(share ->
                assertThat(share.path("refunded_amount").decimalValue()).isEqualByComparingTo("25.00"));
        // given back once per model, by a row of its own beside those the netting wrote
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attribution_refunds r"
                                + " JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                                + " WHERE ra.order_id = ? AND r.refunded_amount < 0",
                        Long.class,
                        order.orderId()))
                .isEqualTo(5);
    }

    @Test
    void aRefundNettedWholeBeforeItWasCappedGivesBackNothingWhenTheOrdersRefundsTookNoMoreThanTheyRefund() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "12.50x2", "4.00x1");
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(12), 0)))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNote(
                        OrderMother.orderWithLines(order, 0), order.orderNumber(), shop.at(13))))
                .isTrue();
        // the rest of the order, netted with nothing left to take: the second refund had taken it
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(14), 1)))
                .isTrue();
        attributedAsBeforeOffsets(order);
        assertThat(shop.revenue()).isZero();

        earlierRefunds.onStart();

        // the later cancellation of the same goods is offset, but the order's refunds still refund all it sold
        assertThat(shop.revenue()).isZero();
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("29.00");
    }

    @Test
    void aRefundWhoseOrderHasNothingToGiveBackIsConsideredByOneStartOnlyAndTheOutcomeStays() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "12.50x2", "4.00x1");
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(12), 0)))
                .isTrue();
        OrderCancelled again =
                OrderMother.cancellationNote(OrderMother.orderWithLines(order, 0), order.orderNumber(), shop.at(13));
        assertThat(ledger.recordOrderCancelled(again)).isTrue();
        // the rest of the order: the second refund had taken it, so nothing is left to give back once it is offset
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(14), 1)))
                .isTrue();
        attributedAsBeforeOffsets(order);

        earlierRefunds.onStart();
        long auditedAfterFirstStart = auditEntriesOfNetting();
        EarlierRefundsNetting.GiveBacks secondStart = earlierRefunds.giveBackEarlierNetting();
        UUID offset = offsetOfRefundFrom(again.eventId());

        // the first start considered it, nothing giving back, and said so beside its offset
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attribution_offsets_considered WHERE offset_transaction_id = ?",
                        Long.class,
                        offset))
                .isEqualTo(1);
        assertThat(secondStart.considered()).isZero();
        assertThat(secondStart.gaveBack()).isZero();
        assertThat(auditEntriesOfNetting()).isEqualTo(auditedAfterFirstStart);
        assertThat(shop.revenue()).isZero();
        attributions(order.orderId())
                .forEach(share ->
                        assertThat(share.path("refunded_amount").decimalValue()).isEqualByComparingTo("29.00"));
    }

    @Test
    void aRefundNamingOnlyAnotherRevenueOfTheOrderCountsAmongItsRefundsWhenTheGiveBackLooksAtTheOrder() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "12.50x2");
        // an item added to the order, booked by the back office under the order's number and an order id of its own
        OrderPlaced added = OrderMother.addedUnderAnotherId(order, shop.at(11), "4.00x1");
        // before either came: the first goods cancelled, cancelled again by a credit note, and the added item
        // cancelled naming only its own order id
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(12), 0)))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNote(
                        OrderMother.orderWithLines(order, 0), order.orderNumber(), shop.at(13))))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNamingOnlyTheOrderId(added, shop.at(14), 0)))
                .isTrue();
        // the added item's revenue arrived first: the first cancellation took it all, the credit note and the
        // added item's cancellation found nothing left; the order's revenue then went to the credit note
        attributedAsBeforeOffsets(added);
        attributedAsBeforeOffsets(order);
        assertThat(shop.revenue()).isZero();

        earlierRefunds.onStart();

        // the credit note is offset to nothing, but the first cancellation and the added item's refund all it sold
        assertThat(shop.revenue()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM revenue_attribution_refunds r"
                                + " JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                                + " WHERE ra.order_id IN (?, ?) AND r.refunded_amount < 0",
                        Long.class,
                        order.orderId(),
                        added.orderId()))
                .isZero();
    }

    private UUID offsetOfRefundFrom(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT o.id FROM financial_transactions o JOIN financial_transactions t"
                        + " ON o.metadata ->> 'offsets_refund' = t.id::text WHERE t.source_event_id = ?",
                UUID.class,
                eventId);
    }

    /** The trail of what netting and giving back wrote beside the shares. */
    private long auditEntriesOfNetting() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_log WHERE table_name IN ('revenue_attribution_refunds',"
                        + " 'revenue_attribution_refunds_considered', 'revenue_attribution_offsets_considered')",
                Long.class);
    }

    @Test
    void refundsNamingTheOrderEachTheirOwnWayGiveBackNothingOfAFullyRefundedOrder() {
        Shop shop = aShop();
        OrderPlaced order = OrderMother.orderBy(shop.customer, shop.at(10), "12.50x2", "14.00x1");
        // before the order came: the first goods cancelled under the order's id and number, then again under its id
        // alone, and the other goods by a credit note of its own naming the order's number
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(order, shop.at(12), 0)))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNamingOnlyTheOrderId(order, shop.at(13), 0)))
                .isTrue();
        assertThat(ledger.recordOrderCancelled(OrderMother.cancellationNote(
                        OrderMother.orderWithLines(order, 1), order.orderNumber(), shop.at(14))))
                .isTrue();
        attributedAsBeforeOffsets(order);
        // netted whole: the first took 25.00, the second the 14.00 left, the credit note found nothing left to take
        assertThat(shop.revenue()).isZero();

        earlierRefunds.onStart();

        // the second is offset to nothing, but the first and the credit note refund all the order sold
        assertThat(shop.revenue()).isZero();
        JsonNode shares = attributions(order.orderId());
        assertThat(shares.size()).isEqualTo(5);
        shares.forEach(share ->
                assertThat(share.path("refunded_amount").decimalValue()).isEqualByComparingTo("39.00"));
    }

    /**
     * Books the order's revenue as the ledger did between refunded products being kept and offsets (V14), and
     * attributes it as then: the refunds booked before it are netted at what they were booked at.
     */
    private void attributedAsBeforeOffsets(OrderPlaced order) {
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        order.lines()
                .forEach(
                        line -> products.merge(line.sku().toUpperCase(Locale.ROOT), line.lineTotal(), BigDecimal::add));
        Map<String, Object> metadata = Map.of("lines", order.lines().size(), "products", products);
        FinancialTransaction revenue = new FinancialTransaction(
                UUID.randomUUID(),
                TransactionType.REVENUE,
                order.total(),
                order.currency(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                null,
                null,
                null,
                metadata,
                order.eventId(),
                order.occurredAt(),
                order.occurredAt());
        jdbc.update(
                "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id, order_number,"
                        + " customer_id, metadata, source_event_id, occurred_at)"
                        + " VALUES (?, 'revenue', ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                revenue.id(),
                revenue.amount(),
                revenue.currency(),
                revenue.orderId(),
                revenue.orderNumber(),
                revenue.customerId(),
                JsonMapper.builder().build().writeValueAsString(metadata),
                revenue.sourceEventId(),
                Timestamp.from(revenue.occurredAt()));
        attribution.attribute(revenue);
    }

    // the prefix keeps letters in it whatever the random part
    private static String anOrderNumberWithLetters() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @Test
    void theNettingOfAnEarlierCreditNoteWaitsForARefundBookedMeanwhileUnderTheOrderIdAlone() throws Exception {
        Shop shop = aShop();
        OrderPlaced order = shop.order(10, "10.00x1", "30.00x1");
        // a credit note booked before V12: under an order id of its own, naming the order by its number
        jdbc.update(
                "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id, order_number,"
                        + " customer_id, source_event_id, occurred_at) VALUES (?, 'refund', 10.00, 'GBP', ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                UUID.randomUUID(),
                order.orderNumber(),
                shop.customer,
                UUID.randomUUID(),
                Timestamp.from(shop.at(12)));
        // a refund without products naming the order by its id alone, booked as the netting runs: under that key of the
        // order's lock it writes its ledger row (holding the audit chain's head) before it nets against the shares
        FinancialTransaction refund = new FinancialTransaction(
                UUID.randomUUID(),
                TransactionType.REFUND,
                new BigDecimal("5.00"),
                "GBP",
                order.orderId(),
                null,
                shop.customer,
                null,
                null,
                null,
                Map.of(),
                UUID.randomUUID(),
                shop.at(13),
                shop.at(13));
        CountDownLatch booked = new CountDownLatch(1);
        CountDownLatch netNow = new CountDownLatch(1);
        AtomicInteger bookingSession = new AtomicInteger();
        TransactionTemplate booking = new TransactionTemplate(transactions);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> refundBooking = executor.submit(() -> booking.executeWithoutResult(status -> {
                OrderLock.take(jdbc, List.of(order.orderId()), List.of());
                jdbc.update(
                        "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id,"
                                + " customer_id, source_event_id, occurred_at) VALUES (?, 'refund', ?, ?, ?, ?, ?, ?)",
                        refund.id(),
                        refund.amount(),
                        refund.currency(),
                        refund.orderId(),
                        refund.customerId(),
                        refund.sourceEventId(),
                        Timestamp.from(refund.occurredAt()));
                bookingSession.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                booked.countDown();
                try {
                    assertThat(netNow.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                attribution.onLedgerEntryBooked(new LedgerEntryBooked(refund));
            }));
            assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> netting = executor.submit(() -> earlierRefunds.netEarlierRefunds());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> netting.isDone() || LockWaits.isSessionBlockedBy(jdbc, bookingSession.get()));
            netNow.countDown();
            // neither is chosen as a deadlock's victim
            refundBooking.get(30, TimeUnit.SECONDS);
            assertThat(netting.get(30, TimeUnit.SECONDS)).isPositive();
        }

        assertThat(shop.revenue()).isEqualByComparingTo("25.00");
        assertThat(attributions(order.orderId()).at("/0/refunded_amount").decimalValue())
                .isEqualByComparingTo("15.00");
    }

    /**
     * Books {@code first} and {@code second} in transactions of their own, as two instances would at once: the first
     * is held uncommitted until the second has either gone through or waits for a lock of the first's, then commits.
     * Which lock makes it wait is not the test's concern (the audit trail's chain head, which every audited write
     * locks, does so as well as the order's lock).
     */
    private void bookedAtTheSameMoment(Runnable first, Runnable second) throws Exception {
        CountDownLatch firstBooked = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        AtomicInteger firstSession = new AtomicInteger();
        TransactionTemplate booking = new TransactionTemplate(transactions);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> firstBooking = executor.submit(() -> booking.executeWithoutResult(status -> {
                first.run();
                firstSession.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                firstBooked.countDown();
                try {
                    assertThat(commitFirst.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(firstBooked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> secondBooking = executor.submit(() -> booking.executeWithoutResult(status -> second.run()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> secondBooking.isDone() || LockWaits.isSessionBlockedBy(jdbc, firstSession.get()));
            commitFirst.countDown();
            firstBooking.get(30, TimeUnit.SECONDS);
            secondBooking.get(30, TimeUnit.SECONDS);
        }
    }

    private void publishAndAwait(com.agentfactory.messaging.commerce.CommerceEvent event) {
        commerce.publish(event);
        awaitRecorded(event);
    }

    private JsonNode attributions(UUID orderId) {
        return api.get("/api/v1/financial/attributions/orders/" + orderId)
                .body()
                .path("attributions");
    }

    private double unmatchedRefunds() {
        var counter = meters.find("finance.attribution.refunds.unmatched").counter();
        return counter == null ? 0 : counter.count();
    }

    private Shop aShop() {
        Shop shop =
                new Shop(freshDay(), "campaign-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID());
        shop.touch(shop.agent, shop.at(7));
        return shop;
    }

    /** A day of one customer an agent reached in the morning. */
    private final class Shop {

        final LocalDate day;
        final String agent;
        final UUID customer;

        Shop(LocalDate day, String agent, UUID customer) {
            this.day = day;
            this.agent = agent;
            this.customer = customer;
        }

        Instant at(int hour) {
            return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        }

        void touch(String by, Instant at) {
            Response response = api.post(
                    "/api/v1/financial/touchpoints",
                    Map.of(
                            "customer_id",
                            customer.toString(),
                            "agent",
                            by,
                            "channel",
                            "email",
                            "touchpoint_type",
                            "campaign_click",
                            "occurred_at",
                            at.toString()));
            assertThat(response.status()).isEqualTo(201);
        }

        OrderPlaced order(int hour, String... lines) {
            OrderPlaced order = OrderMother.orderBy(customer, at(hour), lines);
            publishAndAwait(order);
            return order;
        }

        OrderPlaced orderNumbered(String orderNumber, int hour, String... lines) {
            OrderPlaced order = OrderMother.orderNumbered(orderNumber, customer, at(hour), lines);
            publishAndAwait(order);
            return order;
        }

        void spend(String amount) {
            Response expense = api.post(
                    "/api/v1/financial/transactions",
                    Map.of(
                            "type",
                            "expense",
                            "amount",
                            amount,
                            "currency",
                            "GBP",
                            "department",
                            "marketing",
                            "attributed_agent",
                            agent,
                            "occurred_at",
                            at(18).toString()));
            assertThat(expense.status()).isEqualTo(201);
        }

        BigDecimal revenue() {
            return revenueOf(agent);
        }

        BigDecimal revenueOf(String by) {
            return rowOf(by).path("revenue").decimalValue();
        }

        JsonNode revenueRow() {
            return rowOf(agent);
        }

        private JsonNode rowOf(String by) {
            JsonNode rows = api.get("/api/v1/financial/attributions/agents?date_from=" + day + "&date_to=" + day
                            + "&model=linear")
                    .body()
                    .path("rows");
            for (JsonNode row : rows) {
                if (by.equals(row.path("key").asString())) {
                    return row;
                }
            }
            throw new AssertionError("no row of " + by + " in " + rows);
        }

        JsonNode roas() {
            JsonNode rows = api.get("/api/v1/financial/kpis?date_from=" + day + "&date_to=" + day + "&model=linear")
                    .body()
                    .path("roas_by_agent");
            for (JsonNode row : rows) {
                if (agent.equals(row.path("key").asString())) {
                    return row;
                }
            }
            throw new AssertionError("no return on spend of " + agent + " in " + rows);
        }
    }
}
