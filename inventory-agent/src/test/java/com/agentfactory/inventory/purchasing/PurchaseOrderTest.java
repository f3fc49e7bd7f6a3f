package com.agentfactory.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseOrderTest {

    private static final Instant NOW = Instant.parse("2011-07-01T06:00:00Z");

    @Test
    void recordsWhoMovedTheOrderAndWhyAtEveryStep() {
        PurchaseOrder order = suggestion(48);
        UUID reservation = UUID.randomUUID();

        order.approve(reservation, "maria", "needed for the summer", NOW);
        order.order("maria", "sent to supplier", NOW);
        boolean complete = order.receive(48, "warehouse", NOW);

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
        order.approve(UUID.randomUUID(), "maria", "ok", NOW);
        order.order("maria", "sent", NOW);

        assertThat(order.receive(20, "warehouse", NOW)).isFalse();

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.ORDERED);
        assertThat(order.outstanding()).isEqualTo(28);
    }

    @Test
    void refusesMovesTheStatusDoesNotAllow() {
        PurchaseOrder order = suggestion(10);

        assertThatThrownBy(() -> order.order("maria", "skip approval", NOW))
                .isInstanceOf(PurchaseOrderStateException.class)
                .hasMessageContaining("suggested purchase order cannot become ordered");
        assertThatThrownBy(() -> order.receive(10, "warehouse", NOW)).isInstanceOf(PurchaseOrderStateException.class);
        order.reject("maria", "too dear", NOW);
        assertThatThrownBy(() -> order.approve(UUID.randomUUID(), "maria", "changed my mind", NOW))
                .isInstanceOf(PurchaseOrderStateException.class);
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.REJECTED);
    }

    @Test
    void fixesItsBudgetKeyAndCostWhenSuggested() {
        PurchaseOrder order = suggestion(48);

        assertThat(order.budgetReservationKey()).isEqualTo("purchase-order-" + order.getId());
        assertThat(order.totalCost()).isEqualByComparingTo("122.40");
    }

    @Test
    void aCancelledApprovedOrderAwaitsTheReleaseOfItsReservation() {
        PurchaseOrder order = suggestion(10);
        order.approve(UUID.randomUUID(), "maria", "ok", NOW);
        order.cancel("maria", "supplier closed", NOW);

        assertThat(order.awaitsBudgetSettlement()).isTrue();
        order.budgetSettled(NOW);
        assertThat(order.awaitsBudgetSettlement()).isFalse();
    }

    private static PurchaseOrder suggestion(int quantity) {
        return new PurchaseOrder(
                UUID.randomUUID(),
                "85123A",
                "main",
                quantity,
                new BigDecimal("2.55"),
                "GBP",
                3.5,
                7,
                PurchaseOrders.AGENT,
                "below reorder point",
                NOW);
    }
}
