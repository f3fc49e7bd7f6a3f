package com.agentfactory.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.TopicMessages;
import com.agentfactory.inventory.topic.InventoryTopics;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class StockIT extends InventoryIntegrationTest {

    private static final String GIVEN_BACK_BEFORE_NUMBERS_WERE_KEPT =
            "db/migration/inventory/V21__grace_period_cancellations_given_back_before_they_were_told_apart.sql";

    @Autowired
    DataSource dataSource;

    @Autowired
    OrderStock orderStock;

    @Autowired
    StockService stock;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    PendingCancellationProperties pendingCancellations;

    @BeforeEach
    void ordersRecordedSinceLongerThanTheGracePeriod() {
        // the migrations ran moments ago; as where they ran long ago, a cancellation now is no longer taken for one of
        // an order from before the record
        jdbc.update(
                "UPDATE order_stock_cut_over SET since = LEAST(since, ?)",
                Timestamp.from(
                        Instant.now().minus(pendingCancellations.cutOverGrace()).minus(Duration.ofDays(1))));
    }

    @Test
    void ordersTakeStockAndAShortfallIsBackorderedNotNegative() {
        String sku = stocked(5);

        publishAndAwaitOnHand(CommerceEventMother.order(sku, 3), sku, 2);
        publish(CommerceEventMother.order(sku, 4));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stock = stockOf(sku).body();
            assertThat(stock.path("on_hand").asInt()).isZero();
            assertThat(stock.path("backordered").asInt()).isEqualTo(2);
            assertThat(stock.path("available").asInt()).isZero();
        });
    }

    @Test
    void aCancellationSettlesBackordersBeforeRestocking() {
        String sku = stocked(1);
        OrderPlaced order = CommerceEventMother.order(sku, 3);
        publish(order);
        awaitBackordered(sku, 2);

        publish(CommerceEventMother.cancellationOf(order, 3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stock = stockOf(sku).body();
            assertThat(stock.path("backordered").asInt()).isZero();
            assertThat(stock.path("on_hand").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aCancellationGivesBackNoMoreThanItsOrderTookAndHasNotGivenBackYet() {
        String sku = stocked(5);
        OrderPlaced order = CommerceEventMother.order(sku, 2);
        publishAndAwaitOnHand(order, sku, 3);

        publishAndAwaitOnHand(CommerceEventMother.cancellationOf(order, 5), sku, 5);
        publishAndAwaitApplied(CommerceEventMother.cancellationOf(order, 1));

        assertThat(onHand(sku)).as("the order's 2 units back, once").isEqualTo(5);
    }

    @Test
    void aCancellationOfAnOrderNotAppliedMovesNoStockUntilTheOrderComes() {
        String sku = stocked(5);
        String number = CommerceEventMother.freshOrderNumber();

        publishAndAwaitApplied(CommerceEventMother.cancellationOfNumber(number, sku, 2));
        assertThat(onHand(sku)).isEqualTo(5);
        publish(CommerceEventMother.orderNumbered(number.toLowerCase(java.util.Locale.ROOT), sku, 3));

        // 3 taken, then the 2 the cancellation asked of them given back
        awaitOnHand(sku, 4);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pending_order_cancellations WHERE order_number = ?",
                        Integer.class,
                        number))
                .isZero();
    }

    @Test
    void aCancellationNamingNoOrderGivesBackOnlyWhatItsCustomersOrdersTook() {
        UUID customer = UUID.randomUUID();
        String sku = stockedAndOrderedBy(customer, 2);
        publishAndAwaitApplied(CommerceEventMother.cancellation(sku, 4));
        assertThat(onHand(sku)).as("a guest's is no order's").isEqualTo(3);

        publishAndAwaitApplied(CommerceEventMother.unnamedCancellationBy(customer, sku, 4));

        assertThat(onHand(sku)).isEqualTo(5);
    }

    @Test
    void aCancellationFromBeforeOrdersWereRecordedGivesBackWhatItAsksOfAnOrderNeverRecorded() {
        String sku = stocked(5);
        var early = CommerceEventMother.occurredAt(
                CommerceEventMother.cancellationOfNumber(CommerceEventMother.freshOrderNumber(), sku, 2),
                beforeOrdersWereRecorded());

        publish(early);

        awaitOnHand(sku, 7);
        assertThat(pendingRows(early.eventId())).isZero();
    }

    @Test
    void aCreditNoteFromBeforeOrdersWereRecordedGivesBackWhatItAsksBeyondItsCustomersRecordedOrders() {
        UUID customer = UUID.randomUUID();
        String sku = stockedAndOrderedBy(customer, 1);

        publish(CommerceEventMother.occurredAt(
                CommerceEventMother.unnamedCancellationBy(customer, sku, 3), beforeOrdersWereRecorded()));

        awaitOnHand(sku, 7);
    }

    @Test
    void aCancellationWithinTheGracePeriodGivesBackWhatItAsksOfAnOrderFromBeforeOrdersWereRecorded() {
        String sku = stocked(5);
        // the order it names was applied before orders were recorded: it took its units and left no record
        var cancellation = gracePeriodCancellation(CommerceEventMother.freshOrderNumber(), sku, 2);

        publish(cancellation);

        awaitOnHand(sku, 7);
        assertThat(pendingRows(cancellation.eventId())).isZero();
    }

    @Test
    void aCreditNoteWithinTheGracePeriodGivesBackWhatItAsksBeyondItsCustomersRecordedOrders() {
        UUID customer = UUID.randomUUID();
        String sku = stockedAndOrderedBy(customer, 1);

        publish(CommerceEventMother.occurredAt(
                CommerceEventMother.unnamedCancellationBy(customer, sku, 3), lateInTheGracePeriod()));

        awaitOnHand(sku, 7);
    }

    @Test
    void aGracePeriodCreditNoteSentAgainUnderAnotherEventGivesBackNothingMore() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);

        readSentAgain(creditNote);

        assertThat(onHand(sku))
                .as("the 2 units the credit note asks, back once")
                .isEqualTo(7);
    }

    @Test
    void aGracePeriodCreditNoteSentAgainAskingMoreGivesBackOnlyTheDifference() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);

        readSentAgain(creditNote, 3);

        assertThat(onHand(sku))
                .as("the credit note asks 3 units now, 2 of them given back already")
                .isEqualTo(8);
    }

    @Test
    void twoCopiesOfAGuestsGracePeriodCreditNoteReadAtOnceGiveBackOnce() throws Exception {
        String sku = stocked(5);
        // a guest's: no customer's lock keeps the two apart
        var creditNote =
                CommerceEventMother.occurredAt(CommerceEventMother.cancellation(sku, 2), lateInTheGracePeriod());
        var copy = CommerceEventMother.sentAgain(creditNote);
        // the holder closes (rolling back) before the executor waits for the copies, should an await fail
        try (var executor = Executors.newVirtualThreadPerTaskExecutor();
                var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            int holderPid = LockWaits.backendPid(holder);
            // the first copy recorded what it asks and waits, uncommitted, for the stock row
            lockStockRows(holder, sku);
            var first = executor.submit(() -> stock.applyOrderCancelled(creditNote));
            LockWaits.awaitSessionBlockedBy(jdbc, holderPid);
            var second = executor.submit(() -> stock.applyOrderCancelled(copy));
            awaitSessionWaitingForOneBlockedBy(holderPid);
            holder.commit();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        }

        assertThat(onHand(sku))
                .as("the 2 units the credit note asks, back once")
                .isEqualTo(7);
    }

    @Test
    void whatAGracePeriodCreditNoteGaveBackBeyondItsCustomersOrdersIsForgottenTheRetentionAfterIt() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);
        assertThat(creditNoteRows(creditNote.eventId())).isOne();
        Instant retentionAfterIt = creditNote.occurredAt().plus(pendingCancellations.retention());

        purgeAt(retentionAfterIt.minusSeconds(60));
        assertThat(creditNoteRows(creditNote.eventId()))
                .as("an order of its customer placed before it may still be read")
                .isOne();

        assertThat(purgeAt(retentionAfterIt.plusSeconds(60)).creditNotes()).isPositive();
        assertThat(creditNoteRows(creditNote.eventId())).isZero();
    }

    @Test
    void aGracePeriodCreditNotesNumberIsForgottenTheNumberRetentionAfterItGaveBackAndRecognisesResendsTillThen() {
        String sku = stocked(5);
        var older = gracePeriodCreditNoteGivenBack(sku, 2);
        var younger = gracePeriodCreditNoteGivenBack(sku, 1);
        Instant youngerGaveBack = numberGivenBackAt("grace_period_credit_note_numbers", younger);

        // the older one's number retention has passed, the younger one's only ends now
        assertThat(purgeAt(youngerGaveBack.plus(pendingCancellations.numberRetention()))
                        .creditNoteNumbers())
                .isPositive();

        assertThat(numberRows("grace_period_credit_note_numbers", older)).isZero();
        assertThat(numberRows("grace_period_credit_note_numbers", younger)).isOne();
        readSentAgain(younger);
        assertThat(onHand(sku))
                .as("the 2 and the 1 unit the credit notes ask, each back once")
                .isEqualTo(8);
    }

    @Test
    void aCustomersOrderReadAfterAGracePeriodCreditNoteCountsWhatThatGaveBackBeyondTheirRecordedOrders() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);
        var order = CommerceEventMother.customersOrderBefore(creditNote, 3);
        publishAndAwaitOnHand(order, sku, 4);

        publishAndAwaitApplied(CommerceEventMother.cancellationOf(order, 3));

        assertThat(onHand(sku))
                .as("of the order's 3 units, 2 given back by the credit note read before it and the last 1 now")
                .isEqualTo(5);
    }

    @Test
    void whatAGracePeriodCreditNoteGaveBackIsCountedOnceOverTheCustomersOrdersReadAfterIt() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);
        var first = CommerceEventMother.customersOrderBefore(creditNote, 1);
        publishAndAwaitOnHand(first, sku, 6);
        var second = CommerceEventMother.customersOrderBefore(creditNote, 3);
        publishAndAwaitOnHand(second, sku, 3);

        publishAndAwaitApplied(CommerceEventMother.cancellationOf(second, 3));
        publishAndAwaitApplied(CommerceEventMother.cancellationOf(first, 1));

        assertThat(orderStockRow(first.orderNumber(), sku)).isEqualTo(new OrderStockRow(1, 1));
        assertThat(orderStockRow(second.orderNumber(), sku)).isEqualTo(new OrderStockRow(3, 3));
        assertThat(onHand(sku))
                .as("4 units taken, 2 given back by the credit note and the other 2 by the cancellations")
                .isEqualTo(5);
    }

    @Test
    void aCustomersOrderPlacedAfterAGracePeriodCreditNoteCountsNothingOfWhatThatGaveBack() {
        String sku = stocked(5);
        var creditNote = gracePeriodCreditNoteGivenBack(sku, 2);
        var later = CommerceEventMother.customersOrderAfter(creditNote, 3);
        publishAndAwaitOnHand(later, sku, 4);

        publishAndAwaitApplied(CommerceEventMother.cancellationOf(later, 3));

        assertThat(onHand(sku))
                .as("a credit note answers a purchase made before it")
                .isEqualTo(7);
    }

    @Test
    void aGracePeriodCancellationOfAnOrderNotRecordedSentAgainUnderAnotherEventGivesBackNothingMore() {
        String sku = stocked(5);
        var cancellation = gracePeriodCancellationGivenBack(sku, 2);

        readSentAgain(cancellation);

        assertThat(onHand(sku))
                .as("the 2 units the cancellation asks, back once")
                .isEqualTo(7);
    }

    @Test
    void aGracePeriodCancellationGivenBackBeforeCancellationNumbersWereKeptSentAgainGivesBackNothingMore() {
        String sku = stocked(5);
        var cancellation = gracePeriodCancellationGivenBack(sku, 2);
        // as recorded before V19: in order_stock only, then kept under no number by V21
        jdbc.update(
                "DELETE FROM grace_period_cancellations WHERE order_number = ?", cancellation.originalOrderNumber());
        new ResourceDatabasePopulator(new ClassPathResource(GIVEN_BACK_BEFORE_NUMBERS_WERE_KEPT)).execute(dataSource);

        readSentAgain(cancellation);

        assertThat(onHand(sku))
                .as("the 2 units the cancellation asks, back once")
                .isEqualTo(7);
    }

    @Test
    void aGracePeriodCancellationSentAgainAfterItsOrderCameGivesBackNothingMore() {
        String sku = stocked(5);
        var cancellation = gracePeriodCancellationGivenBack(sku, 2);
        publishAndAwaitOnHand(CommerceEventMother.orderNumbered(cancellation.originalOrderNumber(), sku, 3), sku, 4);

        readSentAgain(cancellation);

        assertThat(onHand(sku))
                .as("3 taken, the 2 units the cancellation asks given back once, before the order came")
                .isEqualTo(4);
    }

    @Test
    void aGracePeriodCancellationsNumberIsForgottenTheNumberRetentionAfterItGaveBackAndRecognisesResendsTillThen() {
        String sku = stocked(5);
        var older = gracePeriodCancellationGivenBack(sku, 2);
        var younger = gracePeriodCancellationGivenBack(sku, 1);
        Instant youngerGaveBack = numberGivenBackAt("grace_period_cancellations", younger);

        // the older one's number retention has passed, the younger one's only ends now
        assertThat(purgeAt(youngerGaveBack.plus(pendingCancellations.numberRetention()))
                        .cancellationNumbers())
                .isPositive();

        assertThat(numberRows("grace_period_cancellations", older)).isZero();
        assertThat(numberRows("grace_period_cancellations", younger)).isOne();
        readSentAgain(younger);
        assertThat(onHand(sku))
                .as("the 2 and the 1 unit the cancellations ask, each back once")
                .isEqualTo(8);
    }

    @Test
    void anotherGracePeriodCancellationAfterItsOrderCameStillGivesBackWhatTheOrderHolds() {
        String sku = stocked(5);
        var cancellation = gracePeriodCancellationGivenBack(sku, 2);
        publishAndAwaitOnHand(CommerceEventMother.orderNumbered(cancellation.originalOrderNumber(), sku, 3), sku, 4);

        publishAndAwaitApplied(gracePeriodCancellation(cancellation.originalOrderNumber(), sku, 2));

        assertThat(onHand(sku))
                .as("of the order's 3 units, 2 given back before it came and the last 1 now")
                .isEqualTo(5);
    }

    @Test
    void twoGracePeriodCancellationsOfPartsOfOneLineOfAnOrderNotRecordedGiveBackBoth() {
        String sku = stocked(5);
        String number = givenBackInTheGracePeriod(sku, 2);

        publish(gracePeriodCancellation(number, sku, 1));

        // two cancellation numbers: the order took at least 3 units, should it come, it is checked against them
        awaitOnHand(sku, 8);
        assertThat(orderStockRow(number, sku)).isEqualTo(new OrderStockRow(3, 3));
    }

    @Test
    void aCancellationInTheGracePeriodOfAnotherLineOfAnOrderNotRecordedGivesBackItsOwnUnits() {
        String sku = stocked(5);
        String other = stocked(5);
        String number = givenBackInTheGracePeriod(sku, 2);

        publish(gracePeriodCancellation(number, other, 3));

        awaitOnHand(other, 8);
        assertThat(onHand(sku)).isEqualTo(7);
    }

    @Test
    void aGracePeriodCancellationOfAnOrderNotRecordedSentAgainAskingMoreOfALineGivesBackOnlyTheDifference() {
        String sku = stocked(5);
        var cancellation = gracePeriodCancellationGivenBack(sku, 2);

        readSentAgain(cancellation, 3);

        assertThat(onHand(sku))
                .as("the cancellation asks 3 units now, 2 of them given back already")
                .isEqualTo(8);
    }

    @Test
    void aCancellationAfterTheGracePeriodReadBeforeItsOrderIsKeptForItThoughAGracePeriodOneGaveBackOfIt() {
        String sku = stocked(5);
        String number = givenBackInTheGracePeriod(sku, 2);
        var later = CommerceEventMother.cancellationOfNumber(number, sku, 1);
        publishAndAwaitApplied(later);
        assertThat(onHand(sku)).isEqualTo(7);

        publish(CommerceEventMother.orderNumbered(number, sku, 3));

        // 3 taken, 2 of them given back before the order came, and the last 1 by the cancellation kept for it
        awaitOnHand(sku, 5);
        assertThat(pendingRows(later.eventId())).isZero();
    }

    @Test
    void anOrderArrivingAfterAGracePeriodCancellationOfItCountsWhatThatGaveBack() {
        String sku = stocked(5);
        String number = givenBackInTheGracePeriod(sku, 2);

        publishAndAwaitOnHand(CommerceEventMother.orderNumbered(number, sku, 3), sku, 4);
        publishAndAwaitApplied(CommerceEventMother.cancellationOfNumber(number, sku, 3));

        assertThat(onHand(sku))
                .as("of the order's 3 units, 2 given back before it came and the last 1 now")
                .isEqualTo(5);
    }

    @Test
    void anOrderArrivingAfterAGracePeriodCancellationThatGaveBackMoreThanItTookTakesTheExcessBack() {
        String sku = stocked(5);
        String number = givenBackInTheGracePeriod(sku, 3);

        publish(CommerceEventMother.orderNumbered(number, sku, 2));

        // as if the cancellation had been read after the order: 2 taken, 2 given back
        awaitOnHand(sku, 5);
        publishAndAwaitApplied(CommerceEventMother.cancellationOfNumber(number, sku, 1));
        assertThat(onHand(sku)).isEqualTo(5);
        assertThat(orderStockRow(number, sku).units()).isEqualTo(2);
    }

    @Test
    void aCreditNoteReadBeforeItsCustomersOrderGivesBackWhenThatOrderComes() {
        String sku = stocked(5);
        var creditNote = CommerceEventMother.unnamedCancellationBy(UUID.randomUUID(), sku, 2);
        publishAndAwaitApplied(creditNote);
        assertThat(onHand(sku)).isEqualTo(5);

        publish(CommerceEventMother.placedAt(
                CommerceEventMother.order(sku, 1), creditNote.occurredAt().minusSeconds(60)));
        awaitOnHand(sku, 4);
        assertThat(onHand(sku))
                .as("another customer's order gives nothing back")
                .isEqualTo(4);
        publish(CommerceEventMother.customersOrderBefore(creditNote, 3));

        // 3 taken, then the 2 the credit note asked of them given back
        awaitOnHand(sku, 3);
        assertThat(pendingRows(creditNote.eventId())).isZero();
    }

    @Test
    void aCreditNoteReadAfterItsCustomersOrderGivesBackAtOnceAndKeepsTheRestForTheirEarlierOrdersReadLater() {
        UUID customer = UUID.randomUUID();
        String sku = stockedAndOrderedBy(customer, 1);

        var creditNote = CommerceEventMother.unnamedCancellationBy(customer, sku, 3);
        publishAndAwaitOnHand(creditNote, sku, 5);
        assertThat(pendingUnits(creditNote.eventId())).isEqualTo(2);
        publish(CommerceEventMother.customersOrderBefore(creditNote, 1));

        // 1 taken and given back; 1 still kept
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingUnits(creditNote.eventId()))
                .isOne());
        assertThat(onHand(sku)).isEqualTo(5);
    }

    @Test
    void aCreditNoteReadAfterItsCustomersLaterOrderGivesBackNothingOfThatOrder() {
        String sku = stocked(5);
        var creditNote = CommerceEventMother.unnamedCancellationBy(UUID.randomUUID(), sku, 2);
        publishAndAwaitOnHand(CommerceEventMother.customersOrderAfter(creditNote, 3), sku, 2);

        publishAndAwaitApplied(creditNote);

        assertThat(onHand(sku))
                .as("a credit note answers a purchase made before it")
                .isEqualTo(2);
        assertThat(pendingUnits(creditNote.eventId())).isEqualTo(2);
    }

    @Test
    void aCreditNoteWaitingForItsCustomersOrderGivesBackNothingOfTheirOrdersPlacedAfterIt() {
        String sku = stocked(5);
        var creditNote = CommerceEventMother.unnamedCancellationBy(UUID.randomUUID(), sku, 2);
        publishAndAwaitApplied(creditNote);

        var laterOrder = CommerceEventMother.customersOrderAfter(creditNote, 3);
        publish(laterOrder);

        awaitOnHand(sku, 2);
        assertThat(orderStockRow(laterOrder.orderNumber(), sku).released())
                .as("a credit note answers a purchase made before it")
                .isZero();
        assertThat(pendingUnits(creditNote.eventId())).isEqualTo(2);
    }

    @Test
    void aCreditNoteWaitingForItsCustomersOrderIsForgottenAfterTheRetention() {
        String sku = stocked(5);
        var waiting = CommerceEventMother.unnamedCancellationBy(UUID.randomUUID(), sku, 2);
        publishAndAwaitApplied(waiting);
        assertThat(pendingRows(waiting.eventId())).isOne();

        purgeAt(afterTheRetention());

        assertThat(pendingRows(waiting.eventId())).isZero();
    }

    @Test
    void aCancellationWaitingForAnOrderThatNeverCameIsForgottenAfterTheRetention() {
        String sku = stocked(5);
        var waiting = CommerceEventMother.cancellationOfNumber(CommerceEventMother.freshOrderNumber(), sku, 2);
        publishAndAwaitApplied(waiting);
        assertThat(pendingRows(waiting.eventId())).isOne();

        assertThat(purgeAt(Instant.now()).cancellations())
                .as("within the retention")
                .isZero();
        assertThat(pendingRows(waiting.eventId())).isOne();

        assertThat(purgeAt(afterTheRetention()).cancellations()).isPositive();
        assertThat(pendingRows(waiting.eventId())).isZero();
    }

    @Test
    void anOrderDeliveredTwiceMovesStockOnce() {
        String sku = stocked(5);
        OrderPlaced order = CommerceEventMother.order(sku, 2);

        publish(order);
        publish(order);
        // same order id, so the same partition: handled after both copies
        OrderPlaced marker = new OrderPlaced(
                UUID.randomUUID(),
                order.occurredAt(),
                order.orderId(),
                order.orderNumber() + "-2",
                null,
                order.country(),
                order.currency(),
                CommerceEventMother.order(sku, 1).lines());
        publish(marker);

        awaitOnHand(sku, 2);
        assertThat(stockOf(sku).body().path("backordered").asInt()).isZero();
    }

    @Test
    void theProductFeedStocksANewSkuButDoesNotOverwriteTheAgentsCount() {
        String sku = stocked(5);
        publishAndAwaitOnHand(CommerceEventMother.order(sku, 2), sku, 3);

        publishAndAwaitApplied(CommerceEventMother.product(sku, 100));

        assertThat(onHand(sku)).isEqualTo(3);
    }

    @Test
    void aProductFeedLaterThanItsFirstOrderStillBringsTheInitialStockOnce() {
        String sku = CommerceEventMother.freshSku();
        publish(CommerceEventMother.order(sku, 3)); // on its own topic, ahead of the product
        awaitBackordered(sku, 3);

        publish(CommerceEventMother.product(sku, 10));

        awaitOnHand(sku, 7);
        assertThat(stockOf(sku).body().path("backordered").asInt())
                .as("the order is settled")
                .isZero();
        // judged once the quantity is known: low (7 under the reorder point of 10), never out of stock
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.get("/api/v1/inventory/alerts?sku=" + sku).body().path("items"))
                .extracting(alert -> alert.path("type").asString())
                .containsExactly("low_stock"));
        publishAndAwaitApplied(CommerceEventMother.product(sku, 100));
        assertThat(onHand(sku)).as("taken once").isEqualTo(7);
    }

    @Test
    void everyChangeIsPublishedOnTheStockTopic() {
        String sku = stocked(5);
        publishAndAwaitOnHand(CommerceEventMother.order(sku, 2), sku, 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MessageEnvelope> changes = TopicMessages.read(bootstrapServers, InventoryTopics.STOCK).stream()
                    .filter(envelope ->
                            envelope.payload().data().path("sku").asString().equals(sku))
                    .toList();
            assertThat(changes).extracting(MessageEnvelope::action).containsOnly("inventory.stock_level_changed");
            assertThat(changes)
                    .extracting(envelope ->
                            envelope.payload().data().path("on_hand").asInt())
                    .containsExactly(5, 3);
            assertThat(changes.getLast().payload().data().path("available").asInt())
                    .isEqualTo(3);
            assertThat(changes.getLast().payload().data().path("location").asString())
                    .isEqualTo("main");
        });
    }

    @Test
    void answersTheStockOfSeveralSkusAndNamesTheUnknownOnes() {
        String first = stocked(4);
        String second = stocked(7);

        Api.Response levels = api.get("/api/v1/inventory/stock?skus=" + second + "," + first + ",NO-SUCH-SKU");

        assertThat(levels.status()).isEqualTo(200);
        assertThat(levels.body()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("sku").asString() + "="
                                + item.path("available").asInt())
                        .toList())
                .containsExactly(second + "=7", first + "=4");
        assertThat(levels.body()
                        .path("unknown_skus")
                        .valueStream()
                        .map(node -> node.asString())
                        .toList())
                .containsExactly("NO-SUCH-SKU");
        assertThat(levels.body()
                        .path("items")
                        .get(0)
                        .path("locations")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("main");
    }

    @Test
    void refusesUnknownSkusAndOverlongLists() {
        String tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "S" + i).collect(Collectors.joining(","));

        Api.Response unknown = api.get("/api/v1/inventory/stock/NO-SUCH-SKU");
        Api.Response overlong = api.get("/api/v1/inventory/stock?skus=" + tooMany);
        Api.Response none = api.get("/api/v1/inventory/stock");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.errorFields()).containsExactly("skus");
        assertThat(none.status()).isEqualTo(400);
    }

    @Test
    void aCancellationThatWaitedForTheStockRowIsStampedAfterTheChangeItWaitedFor() throws Exception {
        String sku = stocked(5);
        OrderPlaced order = CommerceEventMother.order(sku, 4);
        publishAndAwaitOnHand(order, sku, 1);
        Instant released;
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockStockRows(holder, sku);
            publish(CommerceEventMother.cancellationOf(order, 2));
            LockWaits.awaitSessionBlockedBy(jdbc, LockWaits.backendPid(holder));
            released = Instant.now();
            holder.commit();
        }

        Instant stamped = occurredAtOfChange(sku, 3, 3);

        assertThat(stamped).as("stamped after the change it waited for").isAfterOrEqualTo(released);
    }

    @Test
    void aReservationThatWaitedForTheStockRowIsStampedAfterTheChangeItWaitedFor() throws Exception {
        String sku = stocked(5);
        Instant released;
        try (var holder = dataSource.getConnection();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.setAutoCommit(false);
            lockStockRows(holder, sku);
            var reserving = executor.submit(() -> reserve(sku, 1));
            LockWaits.awaitSessionBlockedBy(jdbc, LockWaits.backendPid(holder));
            released = Instant.now();
            holder.commit();
            assertThat(reserving.get().status()).isEqualTo(201);
        }

        Instant stamped = occurredAtOfChange(sku, 5, 4);

        assertThat(stamped).as("stamped after the change it waited for").isAfterOrEqualTo(released);
    }

    // stands for another writer's change of the rows, committing when the test says
    private static void lockStockRows(Connection holder, String sku) throws SQLException {
        try (var lock = holder.prepareStatement("SELECT id FROM stock_levels WHERE sku = ? FOR UPDATE")) {
            lock.setString(1, sku);
            lock.executeQuery().close();
        }
    }

    /** Until some session waits for a lock of a session that itself waits for a lock of {@code holder}. */
    private void awaitSessionWaitingForOneBlockedBy(int holder) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM pg_stat_activity waiting, pg_stat_activity blocked
                                       WHERE ? = ANY (pg_blocking_pids(blocked.pid))
                                         AND blocked.pid = ANY (pg_blocking_pids(waiting.pid)))
                        """, Boolean.class, holder));
    }

    /** When the published change of the SKU with these counts says it happened. */
    private Instant occurredAtOfChange(String sku, int onHand, int available) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicMessages.read(bootstrapServers, InventoryTopics.STOCK).stream()
                                .map(envelope -> envelope.payload().data())
                                .filter(change -> change.path("sku").asString().equals(sku)
                                        && change.path("on_hand").asInt() == onHand
                                        && change.path("available").asInt() == available)
                                .map(change ->
                                        Instant.parse(change.path("occurred_at").asString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private Instant beforeOrdersWereRecorded() {
        return jdbc.queryForObject("SELECT since FROM order_stock_cut_over", Instant.class)
                .minus(Duration.ofDays(1));
    }

    private Instant lateInTheGracePeriod() {
        return jdbc.queryForObject("SELECT since FROM order_stock_cut_over", Instant.class)
                .plus(pendingCancellations.cutOverGrace())
                .minus(Duration.ofDays(1));
    }

    private PendingCancellationPurge.Forgotten purgeAt(Instant now) {
        return new PendingCancellationPurge(
                        orderStock, reservations, pendingCancellations, Clock.fixed(now, ZoneOffset.UTC))
                .purge();
    }

    /** 5 units of a new SKU stocked and the customer's order of {@code units} of them taken; the SKU. */
    private String stockedAndOrderedBy(UUID customer, int units) {
        String sku = stocked(5);
        publishAndAwaitOnHand(CommerceEventMother.orderBy(customer, sku, units), sku, 5 - units);
        return sku;
    }

    /** A cancellation of the numbered order late in the cut-over grace period. */
    private OrderCancelled gracePeriodCancellation(String orderNumber, String sku, int units) {
        return CommerceEventMother.occurredAt(
                CommerceEventMother.cancellationOfNumber(orderNumber, sku, units), lateInTheGracePeriod());
    }

    /** A credit note of the customer's naming no order, late in the cut-over grace period. */
    private OrderCancelled gracePeriodCreditNote(UUID customer, String sku, int units) {
        return CommerceEventMother.occurredAt(
                CommerceEventMother.unnamedCancellationBy(customer, sku, units), lateInTheGracePeriod());
    }

    /** The number of an order not recorded, once a grace-period cancellation of it has given back the units. */
    private String givenBackInTheGracePeriod(String sku, int units) {
        return gracePeriodCancellationGivenBack(sku, units).originalOrderNumber();
    }

    /** A grace-period cancellation of an order not recorded, once it has given back the units. */
    private OrderCancelled gracePeriodCancellationGivenBack(String sku, int units) {
        return givenBack(gracePeriodCancellation(CommerceEventMother.freshOrderNumber(), sku, units));
    }

    /** A grace-period credit note of a customer of no recorded order, once it has given back the units. */
    private OrderCancelled gracePeriodCreditNoteGivenBack(String sku, int units) {
        return givenBack(gracePeriodCreditNote(UUID.randomUUID(), sku, units));
    }

    /** The same cancellation sent again by the storefront under another event, once the stock listener took it in. */
    private void readSentAgain(OrderCancelled cancellation) {
        publishAndAwaitApplied(CommerceEventMother.sentAgain(cancellation));
    }

    /** As {@link #readSentAgain(OrderCancelled)}, the copy now asking {@code units} of the first line's SKU. */
    private void readSentAgain(OrderCancelled cancellation, int units) {
        publishAndAwaitApplied(CommerceEventMother.sentAgain(cancellation, units));
    }

    /** The cancellation of one line, once it has given back all the units it asks. */
    private OrderCancelled givenBack(OrderCancelled cancellation) {
        var line = cancellation.lines().getFirst();
        int before = onHand(line.sku());
        publishAndAwaitOnHand(cancellation, line.sku(), before + line.quantity());
        return cancellation;
    }

    private Instant afterTheRetention() {
        return Instant.now().plus(pendingCancellations.retention()).plusSeconds(60);
    }

    /** Whether the event's cancellation is kept for orders to come: 1 if so, else 0. */
    private int pendingRows(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM pending_order_cancellations WHERE event_id = ?", Integer.class, eventId);
    }

    /** Whether what the event's grace-period credit note gave back is kept for its customer's orders: rows per SKU. */
    private int creditNoteRows(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM grace_period_credit_notes WHERE event_id = ?", Integer.class, eventId);
    }

    /**
     * The rows of {@code table} (grace_period_cancellations or grace_period_credit_note_numbers, constants of the
     * tests) kept under the cancellation's number.
     */
    private int numberRows(String table, OrderCancelled cancellation) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE cancellation_number = upper(?)",
                Integer.class,
                cancellation.cancellationNumber());
    }

    /** When the cancellation last gave back under its number, as kept in {@code table} (see {@link #numberRows}). */
    private Instant numberGivenBackAt(String table, OrderCancelled cancellation) {
        return jdbc.queryForObject(
                "SELECT max(given_back_at) FROM " + table + " WHERE cancellation_number = upper(?)",
                Instant.class,
                cancellation.cancellationNumber());
    }

    /** The units the event's cancellation, kept for orders to come, still asks back. */
    private int pendingUnits(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT units FROM pending_order_cancellations WHERE event_id = ?", Integer.class, eventId);
    }

    private OrderStockRow orderStockRow(String orderNumber, String sku) {
        return jdbc.queryForObject(
                "SELECT units, released FROM order_stock WHERE order_number = ? AND sku = ?",
                (rs, row) -> new OrderStockRow(rs.getInt("units"), rs.getInt("released")),
                orderNumber,
                sku);
    }

    /** What the order took of the SKU, and what of that its cancellations gave back. */
    private record OrderStockRow(int units, int released) {}

    private int onHand(String sku) {
        return stockOf(sku).body().path("on_hand").asInt();
    }

    private void publishAndAwaitApplied(CommerceEvent event) {
        publish(event);
        awaitAppliedToStock(event.eventId());
    }

    /** Until the stock listener has taken the event in, whatever it did with it. */
    private void awaitAppliedToStock(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_messages WHERE message_id = ? AND consumer = 'inventory-stock'",
                                Integer.class,
                                eventId)
                        == 1);
    }

    private void publishAndAwaitOnHand(CommerceEvent event, String sku, int expected) {
        publish(event);
        awaitOnHand(sku, expected);
    }

    private void awaitBackordered(String sku, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        stockOf(sku).body().path("backordered").asInt())
                .isEqualTo(expected));
    }

    private void awaitOnHand(String sku, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(onHand(sku)).isEqualTo(expected));
    }
}
