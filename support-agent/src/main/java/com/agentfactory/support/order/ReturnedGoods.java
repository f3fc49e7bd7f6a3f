package com.agentfactory.support.order;

import java.util.Map;
import java.util.UUID;

/** The goods of an order that came back and were refunded, which the returns feature keeps. */
public interface ReturnedGoods {

    /** Quantity received back (and refunded), per order line number. */
    Map<Integer, Integer> receivedQuantities(UUID orderId);
}
