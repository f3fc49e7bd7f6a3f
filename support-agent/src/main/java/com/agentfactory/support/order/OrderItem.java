package com.agentfactory.support.order;

import java.math.BigDecimal;
import java.util.UUID;

/** One product line of an order as support keeps it; the currency is the order's. */
public record OrderItem(int lineNo, UUID productId, String sku, int quantity, BigDecimal unitPrice) {}
