package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.ReturnMother;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.testing.Api.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Goods refunded once are not refunded again: a return support received and the storefront's cancellation of the
 * same goods, in either order, refund together at most what the order sold of each product, and what is left out is
 * counted and named on the refund that was booked.
 */
class RefundsOfTheSameGoodsIT extends FinanceIntegrationTest {

    @Autowired
    TransactionService ledger;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EarlierRefundsCapping earlierRefunds;

    @Autowired
    TransactionRepository repository;

    @Test
    void aCancellationOfGoodsAlreadyReturnedRefundsOnlyTheGoodsNotReturned() {
        OrderPlaced order = anOrder("12.50x2", "4.00x1");
        ledger.recordOrderPlaced(order);
        assertThat(ledger.recordReturnReceived(ReturnMother.returnOf(order, "SKU12.50", 2, "25.00")))
                .isTrue();
        double cappedBefore = capped();

        // a back-office credit note for the whole order, naming it in another case under an id of its own
        OrderCancelled note = OrderMother.cancellationNote(
                order,
                order.orderNumber().toLowerCase(Locale.ROOT),
                order.occurredAt().plusSeconds(7200));
        assertThat(ledger.recordOrderCancelled(note)).isTrue();

        FinancialTransaction booked = ledger.bySourceEvent(note.eventId()).orElseThrow();
        assertThat(booked.amount()).isEqualByComparingTo("4.00");
        assertThat(booked.metadata().get("not_refunded").toString()).contains("SKU12.50");
        assertThat(refundedOf(order)).isEqualByComparingTo("29.00");
        assertThat(capped()).isEqualTo(cappedBefore + 1);
    }

    @Test
    void aReturnOfGoodsAlreadyCancelledRefundsNothing() {
        OrderPlaced order = anOrder("12.50x2", "4.00x1");
        ledger.recordOrderPlaced(order);
        assertThat(ledger.recordOrderCancelled(OrderMother.partialCancellationOf(
                        order, order.occurredAt().plusSeconds(3600), 0)))
                .isTrue();
        double cappedBefore = capped();

        ReturnReceived receipt = ReturnMother.returnOf(order, "SKU12.50", 2, "25.00");
        assertThat(ledger.recordReturnReceived(receipt)).isFalse();

        assertThat(ledger.bySourceEvent(receipt.eventId())).isEmpty();
        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
        assertThat(capped()).isEqualTo(cappedBefore + 1);
    }

    @Test
    void aCancellationOfMoreThanWasReturnedRefundsTheRestOfTheProduct() {
        OrderPlaced order = anOrder("10.00x3");
        ledger.recordOrderPlaced(order);
        assertThat(ledger.recordReturnReceived(ReturnMother.returnOf(order, "SKU10.00", 1, "10.00")))
                .isTrue();

        OrderCancelled cancellation =
                OrderMother.cancellationOf(order, order.occurredAt().plusSeconds(7200));
        assertThat(ledger.recordOrderCancelled(cancellation)).isTrue();

        assertThat(ledger.bySourceEvent(cancellation.eventId()).orElseThrow().amount())
                .isEqualByComparingTo("20.00");
        assertThat(refundedOf(order)).isEqualByComparingTo("30.00");
    }

    @Test
    void aReceiptDeliveredAgainBooksNothingAndIsNotCountedAsCapped() {
        OrderPlaced order = anOrder("10.00x3");
        ledger.recordOrderPlaced(order);
        ReturnReceived receipt = ReturnMother.returnOf(order, "SKU10.00", 1, "10.00");
        assertThat(ledger.recordReturnReceived(receipt)).isTrue();
        double cappedBefore = capped();

        assertThat(ledger.recordReturnReceived(receipt)).isFalse();

        assertThat(refundedOf(order)).isEqualByComparingTo("10.00");
        assertThat(capped()).isEqualTo(cappedBefore);
    }

    @Test
    void twoRefundsOfTheSameGoodsBookedBeforeTheirOrderRefundTogetherAtMostWhatTheOrderSold() {
        // the credit note names the order in another case
        RefundedTwice refunds = booked(firstGoodsRefundedTwice(IN_LOWER_CASE));
        OrderPlaced order = refunds.order();
        assertThat(refundedOf(order)).isEqualByComparingTo("50.00");
        double cappedBefore = capped();

        assertThat(ledger.recordOrderPlaced(order)).isTrue();

        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
        assertThat(capped()).isEqualTo(cappedBefore + 1);
        // both stay as booked; the later one is offset by a row of its own naming it
        assertThat(ledger.bySourceEvent(refunds.receipt().eventId())
                        .orElseThrow()
                        .amount())
                .isEqualByComparingTo("25.00");
        FinancialTransaction cancelled =
                ledger.bySourceEvent(refunds.note().eventId()).orElseThrow();
        assertThat(cancelled.amount()).isEqualByComparingTo("25.00");
        assertThat(jdbc.queryForObject(
                        "SELECT sum(amount) FROM financial_transactions WHERE metadata ->> 'offsets_refund' = ?",
                        BigDecimal.class,
                        cancelled.id().toString()))
                .isEqualByComparingTo("-25.00");
        // attribution takes back only what the refunds net to, not the whole order
        assertThat(attributedRefundsOf(order)).isEqualByComparingTo("25.00");
    }

    @Test
    void anOrderDeliveredAgainAfterItsRefundsWereOffsetOffsetsNothingMore() {
        OrderPlaced order = anOrder("10.00x1");
        ledger.recordReturnReceived(ReturnMother.returnOf(order, "SKU10.00", 1, "10.00"));
        ledger.recordOrderCancelled(
                OrderMother.cancellationOf(order, order.occurredAt().plusSeconds(7200)));
        ledger.recordOrderPlaced(order);
        double cappedBefore = capped();

        assertThat(ledger.recordOrderPlaced(order)).isFalse();

        assertThat(refundedOf(order)).isEqualByComparingTo("10.00");
        assertThat(capped()).isEqualTo(cappedBefore);
    }

    @Test
    void refundsBookedBeforeTheirOrderWhoseOrderCameBeforeOffsetsAreCappedOnceByTheCappingOfEarlierRefunds() {
        RefundedTwice refunds = booked(firstGoodsRefundedTwice(IN_LOWER_CASE));
        OrderPlaced order = refunds.order();
        bookedAsBeforeOffsets(order);
        assertThat(refundedOf(order)).isEqualByComparingTo("50.00");
        double cappedBefore = capped();

        earlierRefunds.capEarlierRefunds();
        earlierRefunds.capEarlierRefunds();

        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
        assertThat(capped()).isEqualTo(cappedBefore + 1);
        // both stay as booked; the later one is offset by one row of its own naming it
        assertThat(ledger.bySourceEvent(refunds.receipt().eventId())
                        .orElseThrow()
                        .amount())
                .isEqualByComparingTo("25.00");
        FinancialTransaction cancelled =
                ledger.bySourceEvent(refunds.note().eventId()).orElseThrow();
        assertThat(cancelled.amount()).isEqualByComparingTo("25.00");
        assertThat(jdbc.queryForList(
                        "SELECT amount FROM financial_transactions WHERE metadata ->> 'offsets_refund' = ?",
                        BigDecimal.class,
                        cancelled.id().toString()))
                .singleElement()
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("-25.00"));
        // the order's event delivered again offsets nothing more: the offset is the one its booking would write
        assertThat(ledger.recordOrderPlaced(order)).isFalse();
        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
    }

    @Test
    void anOrdersSecondRevenueIsNotPickedUpForCappingWhenTheOrderSoldWhatItsRefundsTookBack() {
        OrderPlaced order = anOrder("12.50x2", "4.00x1");
        ledger.recordOrderPlaced(order);
        OrderPlaced added =
                OrderMother.addedUnderAnotherId(order, order.occurredAt().plusSeconds(3600), "7.00x1");
        assertThat(ledger.recordOrderPlaced(added)).isTrue();
        // the first revenue's goods returned: the second sold none of them
        assertThat(ledger.recordReturnReceived(ReturnMother.returnOf(order, "SKU12.50", 2, "25.00")))
                .isTrue();

        assertThat(pickedUpForCapping(order, added.occurredAt())).isEmpty();
        assertThat(earlierRefunds.capEarlierRefunds()).isZero();
        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
    }

    @Test
    void goodsAddedToAnOrderUnderAnotherIdLeaveTheRefundOfItsEarlierGoodsAsBooked() {
        OrderPlaced order = anOrder("12.50x2", "25.00x1");
        ledger.recordOrderPlaced(order);
        assertThat(ledger.recordReturnReceived(ReturnMother.returnOf(order, "SKU12.50", 2, "25.00")))
                .isTrue();
        double cappedBefore = capped();

        // the second revenue sells none of the returned goods; the order as a whole sold them all the same
        OrderPlaced added =
                OrderMother.addedUnderAnotherId(order, order.occurredAt().plusSeconds(7200), "7.00x1");
        assertThat(ledger.recordOrderPlaced(added)).isTrue();

        assertThat(refundedOf(order)).isEqualByComparingTo("25.00");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE metadata ->> 'offsets_refund' IS NOT NULL"
                                + " AND (order_id = ? OR upper(order_number) = upper(?))",
                        Long.class,
                        order.orderId(),
                        order.orderNumber()))
                .isZero();
        assertThat(capped()).isEqualTo(cappedBefore);
        // attribution still takes the refund back from the first revenue's shares
        assertThat(attributedRefundsOf(order)).isEqualByComparingTo("25.00");
    }

    /** The order's revenue booked up to {@code until} that the capping of earlier refunds would look at. */
    private List<TransactionRepository.RevenueOfProducts> pickedUpForCapping(OrderPlaced order, Instant until) {
        List<TransactionRepository.RevenueOfProducts> pickedUp = new ArrayList<>();
        var cursor = new TransactionRepository.RevenueOfProducts(
                new UUID(0, 0), null, null, null, null, order.occurredAt().minusSeconds(1));
        while (true) {
            var batch = repository.revenueWithRefundsBeyond(cursor, 100);
            batch.stream()
                    .filter(revenue -> order.orderNumber().equals(revenue.orderNumber()))
                    .forEach(pickedUp::add);
            if (batch.size() < 100 || batch.getLast().occurredAt().isAfter(until)) {
                return pickedUp;
            }
            cursor = batch.getLast();
        }
    }

    @Test
    void anOffsetNamesTheRefundItOffsetsInTheLedgerAndIsNoTransactionOfItsOwnInTheDaysReconciliation() {
        RefundedTwice refundedTwice = booked(firstGoodsRefundedTwice(AS_IT_IS));
        OrderPlaced order = refundedTwice.order();
        LocalDate day = order.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        ledger.recordOrderPlaced(order);
        String cancelled = ledger.bySourceEvent(refundedTwice.note().eventId())
                .orElseThrow()
                .id()
                .toString();

        Response refunds = api.get("/api/v1/financial/transactions?type=refund&date_from=" + day + "&date_to=" + day);
        Response reconciliation =
                api.get("/api/v1/financial/reconciliation/daily?date_from=" + day + "&date_to=" + day);

        assertThat(refunds.status()).isEqualTo(200);
        Map<String, String> offsetsByAmount = new LinkedHashMap<>();
        for (JsonNode item : refunds.body().at("/items")) {
            offsetsByAmount.put(
                    item.at("/amount").decimalValue().setScale(2).toPlainString(),
                    item.at("/offsets_refund").isNull()
                            ? "none"
                            : item.at("/offsets_refund").asString());
        }
        assertThat(refunds.body().at("/items").size()).isEqualTo(3);
        assertThat(offsetsByAmount).containsEntry("-25.00", cancelled).containsEntry("25.00", "none");
        assertThat(reconciliation.status()).isEqualTo(200);
        JsonNode days = reconciliation.body().at("/days");
        assertThat(days.size()).isEqualTo(1);
        // the order and its first refund: the second is offset to nothing, as it would not have been booked at all
        // had the order come first
        assertThat(days.at("/0/transaction_count").asLong()).isEqualTo(2);
        assertThat(days.at("/0/revenue").decimalValue()).isEqualByComparingTo("39.00");
        assertThat(days.at("/0/refunds").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(days.at("/0/net").decimalValue()).isEqualByComparingTo("14.00");
    }

    @Test
    void theDaysReconciliationIsTheSameWhicheverOfTheOrderAndItsRefundsWasReadFirst() {
        OrderPlaced refundsFirst = booked(firstGoodsRefundedTwice(AS_IT_IS)).order();
        ledger.recordOrderPlaced(refundsFirst);
        RefundedTwice afterTheirOrder = firstGoodsRefundedTwice(AS_IT_IS);
        OrderPlaced orderFirst = afterTheirOrder.order();
        ledger.recordOrderPlaced(orderFirst);
        // the note books nothing: its goods were returned and refunded already
        ledger.recordReturnReceived(afterTheirOrder.receipt());
        ledger.recordOrderCancelled(afterTheirOrder.note());

        JsonNode afterRefunds = reconciliationOf(refundsFirst);
        JsonNode afterOrder = reconciliationOf(orderFirst);

        for (String figure : List.of("transaction_count", "revenue", "refunds", "net", "unique_orders")) {
            assertThat(afterRefunds.at("/" + figure).decimalValue())
                    .as(figure)
                    .isEqualByComparingTo(afterOrder.at("/" + figure).decimalValue());
        }
        assertThat(afterOrder.at("/transaction_count").asLong()).isEqualTo(2);
    }

    private static final UnaryOperator<String> AS_IT_IS = UnaryOperator.identity();
    private static final UnaryOperator<String> IN_LOWER_CASE = number -> number.toLowerCase(Locale.ROOT);

    /**
     * An order of three products whose first (2 x 12.50) is refunded twice: returned to support an hour after the
     * order, then cancelled by a back-office credit note under an id of its own two hours after, naming the order by
     * its number as {@code numberOnTheNote} writes it.
     */
    private record RefundedTwice(OrderPlaced order, ReturnReceived receipt, OrderCancelled note) {}

    private static RefundedTwice firstGoodsRefundedTwice(UnaryOperator<String> numberOnTheNote) {
        OrderPlaced order = anOrder("12.50x2", "4.00x1", "10.00x1");
        return new RefundedTwice(
                order,
                ReturnMother.returnOf(order, "SKU12.50", 2, "25.00"),
                OrderMother.cancellationNote(
                        OrderMother.orderWithLines(order, 0),
                        numberOnTheNote.apply(order.orderNumber()),
                        order.occurredAt().plusSeconds(7200)));
    }

    /** Books the receipt, then the credit note, before their order: each is booked whole. */
    private RefundedTwice booked(RefundedTwice refunds) {
        assertThat(ledger.recordReturnReceived(refunds.receipt())).isTrue();
        assertThat(ledger.recordOrderCancelled(refunds.note())).isTrue();
        return refunds;
    }

    private JsonNode reconciliationOf(OrderPlaced order) {
        LocalDate day = order.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        Response reconciliation =
                api.get("/api/v1/financial/reconciliation/daily?date_from=" + day + "&date_to=" + day);
        assertThat(reconciliation.status()).isEqualTo(200);
        assertThat(reconciliation.body().at("/days").size()).isEqualTo(1);
        return reconciliation.body().at("/days/0");
    }

    private static OrderPlaced anOrder(String... lines) {
        Instant at = freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC);
        return OrderMother.orderBy(UUID.randomUUID(), at, lines);
    }

    /**
     * Books the order's revenue as the ledger did before the refunds booked ahead of an order were offset: with what
     * it sold of each product, and nothing more.
     */
    private void bookedAsBeforeOffsets(OrderPlaced order) {
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        order.lines()
                .forEach(
                        line -> products.merge(line.sku().toUpperCase(Locale.ROOT), line.lineTotal(), BigDecimal::add));
        jdbc.update(
                "INSERT INTO financial_transactions (id, transaction_type, amount, currency, order_id, order_number,"
                        + " customer_id, metadata, source_event_id, occurred_at)"
                        + " VALUES (?, 'revenue', ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                UUID.randomUUID(),
                order.total(),
                order.currency(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                JsonMapper.builder()
                        .build()
                        .writeValueAsString(Map.of("lines", order.lines().size(), "products", products)),
                order.eventId(),
                Timestamp.from(order.occurredAt()));
    }

    /** Every refund naming the order, by its id or its number in any case. */
    private BigDecimal refundedOf(OrderPlaced order) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(amount), 0) FROM financial_transactions WHERE transaction_type = 'refund'"
                        + " AND (order_id = ? OR upper(order_number) = upper(?))",
                BigDecimal.class,
                order.orderId(),
                order.orderNumber());
    }

    /** What refunds took back from the order's attributed revenue under one model (each model takes the same). */
    private BigDecimal attributedRefundsOf(OrderPlaced order) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(r.refunded_amount), 0) FROM revenue_attribution_refunds r"
                        + " JOIN revenue_attributions ra ON ra.id = r.attribution_id"
                        + " WHERE ra.order_id = ? AND ra.attribution_model = 'linear'",
                BigDecimal.class,
                order.orderId());
    }

    private double capped() {
        var counter = meters.find("finance.refunds.capped").counter();
        return counter == null ? 0 : counter.count();
    }
}
