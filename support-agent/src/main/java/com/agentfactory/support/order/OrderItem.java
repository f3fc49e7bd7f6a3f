package com.agentfactory.support.order;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One product line of an order as support keeps it; the currency is the order's.
 *
 * @param cancelledQuantity how much of the line cancellations took back (and finance refunded) since it was placed
 */
public record OrderItem(
        int lineNo, UUID productId, String sku, int quantity, int cancelledQuantity, BigDecimal unitPrice) {

    /** What is still the customer's to send back: the line less what cancellations took. */
    public int uncancelled() {
        return quantity - cancelledQuantity;
    }
}
