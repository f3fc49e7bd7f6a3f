package com.agentfactory.inventory.purchasing;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One SKU of a purchase order: units ordered and delivered so far, at the supplier's unit cost. */
@Embeddable
class PurchaseOrderLine {

    private String sku;
    private int quantity;
    private int receivedQuantity;
    private BigDecimal unitCost;
    private Double daysOfCover;

    protected PurchaseOrderLine() {}

    PurchaseOrderLine(String sku, int quantity, BigDecimal unitCost, Double daysOfCover) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a purchase order line needs at least one unit, got " + quantity);
        }
        this.sku = sku;
        this.quantity = quantity;
        this.unitCost = unitCost;
        this.daysOfCover = daysOfCover;
    }

    void received(int units) {
        receivedQuantity += units;
    }

    String sku() {
        return sku;
    }

    int quantity() {
        return quantity;
    }

    int receivedQuantity() {
        return receivedQuantity;
    }

    BigDecimal unitCost() {
        return unitCost;
    }

    Double daysOfCover() {
        return daysOfCover;
    }

    BigDecimal totalCost() {
        return unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    int outstanding() {
        return Math.max(0, quantity - receivedQuantity);
    }

    boolean complete() {
        return receivedQuantity >= quantity;
    }
}
