package com.agentfactory.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders and privacy requests travel on different topics, so a customer's order may be read after their erasure, or
 * while it runs: it is kept, marked as an erased customer's, never under their id.
 */
class LateOrdersOfErasedCustomersIT extends SupportIntegrationTest {

    @Autowired
    SupportPersonalData personalData;

    @Autowired
    OrderBook orders;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anOrderReadAfterItsCustomersErasureIsKeptUnderNoCustomer() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = Storefront.order(Storefront.freshOrderNumber(), customerId);
        transactions.executeWithoutResult(status -> personalData.erase(customerId));

        transactions.executeWithoutResult(status -> orders.apply(order));

        assertKeptAsAnErasedCustomersOrder(order, customerId);
    }

    @Test
    void anOrderReadWhileItsCustomerIsBeingErasedIsKeptUnderNoCustomer() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = Storefront.order(Storefront.freshOrderNumber(), customerId);

        // the order waits for the erasure to commit, or (unguarded) is stored past it
        erasures.whileErasing(customerId, () -> transactions.executeWithoutResult(status -> orders.apply(order)));

        assertKeptAsAnErasedCustomersOrder(order, customerId);
    }

    private void assertKeptAsAnErasedCustomersOrder(OrderPlaced order, UUID customerId) {
        assertThat(orders.findByNumber(order.orderNumber())).hasValueSatisfying(kept -> {
            assertThat(kept.orderId()).isEqualTo(order.orderId());
            assertThat(kept.customerId()).isNull();
            assertThat(kept.customerErased()).isTrue();
        });
        assertThat(orders.lines(order.orderId())).hasSameSizeAs(order.lines());
        assertThat(personalData.export(customerId).records().get("orders")).isEmpty();
    }
}
