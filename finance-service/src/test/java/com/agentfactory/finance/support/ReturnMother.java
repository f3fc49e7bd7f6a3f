package com.agentfactory.finance.support;

import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.returns.ReturnReceived;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Returns support received at its desk, an hour after the order they came from. */
public final class ReturnMother {

    private ReturnMother() {}

    /** A receipt of {@code quantity} of the order's product {@code sku}, refunding {@code refund} for them. */
    public static ReturnReceived returnOf(OrderPlaced order, String sku, int quantity, String refund) {
        return new ReturnReceived(
                UUID.randomUUID(),
                order.occurredAt().plusSeconds(3600),
                UUID.randomUUID(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                new BigDecimal(refund),
                order.currency(),
                "desk-1",
                List.of(new ReturnReceived.Line(sku, quantity, new BigDecimal(refund))));
    }
}
