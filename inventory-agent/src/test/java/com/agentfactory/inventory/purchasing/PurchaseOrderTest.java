package com.agentfactory.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseOrderTest {

    private static final String SKU = "85123A";
    private static final String OTHER_SKU = "71053";
    private static final Instant NOW = Instant.parse("2011-07-01T06:00:00Z");

    @Test
    void recordsWhoMovedTheOrderAndWhyAtEveryStep() {
        PurchaseOrder order = suggestion(48);
        UUID reservation = UUID.randomUUID();

        order.approve(reservation, order.budgetRequest(), "maria", "needed for the summer", NOW);
        order.order("maria", "sent to supplier", NOW);
        boolean complete = order.receive(Map.of(SKU, 48), "warehouse", NOW);

        assertThat(complete).isTrue();
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(order.budgetReservationId()).isEqualTo(reservation);
        assertThat(order.changes())
                .extracting(change -> change.toStatus() + " by " + change.actor())
                .containsExactly(
                        "SUGGESTED by agent:inventory-agent",
                        "APPROVED by maria",
                        "ORDERED by maria",
                        "RECEIVED by warehouse");
        assertThat(order.changes().get(1).reason()).isEqualTo("needed for the summer");
    }

    @Test
    void staysOrderedUntilEveryUnitIsDelivered() {
        PurchaseOrder order = suggestion(48);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        order.order("maria", "sent", NOW);

        assertThat(order.receive(Map.of(SKU, 20), "warehouse", NOW)).isFalse();

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.ORDERED);
        assertThat(order.outstanding()).isEqualTo(28);
    }

    @Test
    void refusesMovesTheStatusDoesNotAllow() {
        PurchaseOrder order = suggestion(10);

        assertThatThrownBy(() -> order.order("maria", "skip approval", NOW))
                .isInstanceOf(PurchaseOrderStateException.class)
                .hasMessageContaining("suggested purchase order cannot become ordered");
        assertThatThrownBy(() -> order.receive(Map.of(SKU, 10), "warehouse", NOW))
                .isInstanceOf(PurchaseOrderStateException.class);
        order.reject("maria", "too dear", NOW);
        assertThatThrownBy(
                        () -> order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "changed my mind", NOW))
                .isInstanceOf(PurchaseOrderStateException.class);
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.REJECTED);
    }

    @Test
    void fixesItsBudgetKeyAndCostWhenSuggested() {
        PurchaseOrder order = suggestion(48);

        assertThat(order.budgetRequest().key()).isEqualTo("purchase-order-" + order.getId() + "-1");
        assertThat(order.budgetRequest().amount()).isEqualByComparingTo("122.40");
        assertThat(order.totalCost()).isEqualByComparingTo("122.40");
    }

    @Test
    void aCancelledApprovedOrderAwaitsTheReleaseOfItsReservation() {
        PurchaseOrder order = suggestion(10);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        order.cancel("maria", "supplier closed", NOW);

        assertThat(order.awaitsBudgetSettlement()).isTrue();
        order.budgetSettled(NOW);
        assertThat(order.awaitsBudgetSettlement()).isFalse();
    }

    @Test
    void collectsSeveralSkusOfTheSupplierWhileItIsASuggestion() {
        PurchaseOrder order = suggestion(48);

        order.addLine(new PurchaseOrderLine(OTHER_SKU, 10, new BigDecimal("1.10"), 1.5), "agent", "also short", NOW);

        assertThat(order.skus()).containsExactly(SKU, OTHER_SKU);
        assertThat(order.quantity()).isEqualTo(58);
        assertThat(order.totalCost()).isEqualByComparingTo("133.40");
        assertThat(order.daysOfCover()).as("as urgent as its most urgent line").isEqualTo(1.5);
        assertThatThrownBy(() -> order.addLine(
                        new PurchaseOrderLine(SKU, 1, new BigDecimal("2.55"), null), "agent", "twice", NOW))
                .isInstanceOf(RuleViolationException.class);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        assertThatThrownBy(() -> order.addLine(
                        new PurchaseOrderLine("22423", 1, BigDecimal.ONE, null), "agent", "after approval", NOW))
                .isInstanceOf(PurchaseOrderStateException.class)
                .hasMessageContaining("takes no more lines");
        assertThat(order.totalCost())
                .as("the reserved cost stays the cost of what is ordered")
                .isEqualByComparingTo("133.40");
    }

    @Test
    void isReceivedOnlyWhenEveryLineIsComplete() {
        PurchaseOrder order = suggestion(48);
        order.addLine(new PurchaseOrderLine(OTHER_SKU, 10, BigDecimal.ONE, null), "agent", "also short", NOW);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        order.order("maria", "sent", NOW);

        assertThat(order.receive(Map.of(SKU, 48), "warehouse", NOW)).isFalse();
        assertThat(order.outstanding()).isEqualTo(10);
        assertThat(order.receive(Map.of(OTHER_SKU, 10), "warehouse", NOW)).isTrue();

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(order.receivedQuantity()).isEqualTo(58);
    }

    @Test
    void refusesAWholeDeliveryWithAnUnknownSkuOrTooManyUnits() {
        PurchaseOrder order = suggestion(48);
        order.addLine(new PurchaseOrderLine(OTHER_SKU, 10, BigDecimal.ONE, null), "agent", "also short", NOW);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        order.order("maria", "sent", NOW);

        assertThatThrownBy(() -> order.receive(Map.of(SKU, 5, "UNKNOWN", 1), "warehouse", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no line for SKU UNKNOWN");
        assertThatThrownBy(() -> order.receive(Map.of(SKU, 5, OTHER_SKU, 11), "warehouse", NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("only 10 are outstanding");
        assertThat(order.receivedQuantity())
                .as("nothing of a refused delivery is recorded")
                .isZero();
    }

    @Test
    void refusesAnApprovalWhoseReservationNoLongerCoversTheOrder() {
        PurchaseOrder order = suggestion(48);
        BudgetRequest reserved = order.budgetRequest();
        order.addLine(new PurchaseOrderLine(OTHER_SKU, 10, BigDecimal.ONE, null), "agent", "joined meanwhile", NOW);

        assertThatThrownBy(() -> order.approve(UUID.randomUUID(), reserved, "maria", "ok", NOW))
                .isInstanceOf(PurchaseOrderStateException.class)
                .hasMessageContaining("changed while its budget was reserved")
                .hasMessageContaining("132.40 GBP")
                .hasMessageContaining("122.40 GBP was reserved");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.SUGGESTED);
        assertThat(order.budgetReservationId()).isNull();
    }

    @Test
    void asksUnderANewKeyOnceALineJoinsAndRemembersTheRequestItSupersedes() {
        PurchaseOrder order = suggestion(48);
        BudgetRequest first = order.budgetRequest();
        order.budgetRequested(first, NOW);
        assertThat(order.supersededBudgetRequest())
                .as("a retry of the same lines")
                .isEmpty();

        order.addLine(new PurchaseOrderLine(OTHER_SKU, 10, BigDecimal.ONE, null), "agent", "also short", NOW);
        BudgetRequest second = order.budgetRequest();

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.amount()).isEqualByComparingTo("132.40");
        assertThat(order.supersededBudgetRequest()).contains(first);
    }

    @Test
    void keepsTheBudgetPurposeWithinFinancesLimitForManyLines() {
        PurchaseOrder order = suggestion(48);
        for (int i = 1; i < 40; i++) {
            String sku = String.format("%064d", i);
            order.addLine(new PurchaseOrderLine(sku, 1_000_000, BigDecimal.ONE, null), "maria", "range", NOW);
        }

        String purpose = order.budgetRequest().purpose();

        assertThat(purpose).hasSizeLessThanOrEqualTo(BudgetRequest.PURPOSE_LIMIT);
        assertThat(purpose).startsWith("purchase order " + order.getId() + ": 40 lines, 48 x " + SKU);
        assertThat(purpose).containsPattern("; and \\d+ more$");
    }

    @Test
    void refusesToCancelAnOrderOnceSomeOfItsUnitsWereDelivered() {
        PurchaseOrder order = suggestion(100);
        order.approve(UUID.randomUUID(), order.budgetRequest(), "maria", "ok", NOW);
        order.order("maria", "sent", NOW);
        order.receive(Map.of(SKU, 60), "warehouse", NOW);

        assertThatThrownBy(() -> order.cancel("maria", "supplier stopped", NOW))
                .isInstanceOf(PurchaseOrderStateException.class)
                .hasMessageContaining("60 of its 100 units have been delivered");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.ORDERED);
        assertThat(order.awaitsBudgetSettlement()).isFalse();
    }

    private static PurchaseOrder suggestion(int quantity) {
        return new PurchaseOrder(
                UUID.randomUUID(),
                "main",
                "GBP",
                7,
                new PurchaseOrderLine(SKU, quantity, new BigDecimal("2.55"), 3.5),
                PurchaseOrders.AGENT,
                "below reorder point",
                NOW);
    }
}
