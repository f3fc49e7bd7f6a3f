package com.agentfactory.inventory.replenishment;

import java.time.Instant;
import java.util.UUID;

/**
 * When and how much to order of a SKU for one warehouse, from the warehouse's demand and the SKU's preferred supplier.
 *
 * @param safetyStock z(service level) x sd of demand over the lead time
 * @param reorderPoint mean daily demand x lead time + safety stock: order when available plus in transit falls below
 * @param economicOrderQuantity Wilson's EOQ from the ordering and holding costs
 */
public record ReorderPlan(
        String sku,
        String location,
        UUID supplierId,
        double meanDailyDemand,
        double sdDailyDemand,
        String demandSource,
        int leadTimeDays,
        int safetyStock,
        int reorderPoint,
        int economicOrderQuantity,
        Instant computedAt) {}
