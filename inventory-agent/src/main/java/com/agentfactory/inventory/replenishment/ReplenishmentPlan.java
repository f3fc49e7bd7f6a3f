package com.agentfactory.inventory.replenishment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The reorder plan last computed for a SKU over all warehouses; recomputed, never edited. */
@Entity
@Table(name = "replenishment_plans")
class ReplenishmentPlan {

    @Id
    private String sku;

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

    ReplenishmentPlan(String sku) {
        this.sku = sku;
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
                sku,
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
}
