package com.agentfactory.inventory.replenishment;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The reorder plan last computed for a SKU at one warehouse; recomputed, never edited. */
@Entity
@Table(name = "replenishment_plans")
class ReplenishmentPlan {

    @EmbeddedId
    private Key key;

    private UUID supplierId;
    private double meanDailyDemand;
    private double sdDailyDemand;
    private String demandSource;
    private int leadTimeDays;
    private int safetyStock;
    private int reorderPoint;
    private int economicOrderQuantity;
    private Instant computedAt;

    protected ReplenishmentPlan() {}

    ReplenishmentPlan(String sku, String location) {
        this.key = new Key(sku, location);
    }

    void update(
            UUID supplierId,
            double meanDailyDemand,
            double sdDailyDemand,
            String demandSource,
            int leadTimeDays,
            int safetyStock,
            int reorderPoint,
            int economicOrderQuantity,
            Instant computedAt) {
        this.supplierId = supplierId;
        this.meanDailyDemand = meanDailyDemand;
        this.sdDailyDemand = sdDailyDemand;
        this.demandSource = demandSource;
        this.leadTimeDays = leadTimeDays;
        this.safetyStock = safetyStock;
        this.reorderPoint = reorderPoint;
        this.economicOrderQuantity = economicOrderQuantity;
        this.computedAt = computedAt;
    }

    ReorderPlan view() {
        return new ReorderPlan(
                key.sku,
                key.location,
                supplierId,
                meanDailyDemand,
                sdDailyDemand,
                demandSource,
                leadTimeDays,
                safetyStock,
                reorderPoint,
                economicOrderQuantity,
                computedAt);
    }

    @Embeddable
    static class Key implements Serializable {

        private String sku;
        private String location;

        protected Key() {}

        Key(String sku, String location) {
            this.sku = sku;
            this.location = location;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sku.equals(key.sku) && location.equals(key.location);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, location);
        }
    }
}
