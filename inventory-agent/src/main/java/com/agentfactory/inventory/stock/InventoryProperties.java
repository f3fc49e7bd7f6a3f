package com.agentfactory.inventory.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The warehouses and stock rules.
 *
 * @param locations the warehouses; the first is the default, where new SKUs are stocked, orders are shipped from
 *     first and returns go back to (the commerce events name no warehouse)
 * @param reservationTtl how long a checkout's reservation holds stock; the placed order carries no reservation id,
 *     so a reservation the order did not take (see {@code StockService}) is given back when this runs out
 * @param defaultReorderPoint available units below which a SKU is low on stock, until forecasts set reorder points
 * @param reorderPoints reorder points of single SKUs, overriding the default
 * @param replenishment the reorder policy and the alert thresholds beyond low and out of stock
 */
@Validated
@ConfigurationProperties("agentfactory.inventory")
public record InventoryProperties(
        @DefaultValue("main") @NotEmpty List<@NotBlank @Size(max = 64) String> locations,
        @DefaultValue("15m") @NotNull Duration reservationTtl,
        @DefaultValue("10") @PositiveOrZero int defaultReorderPoint,
        Map<String, @NotNull @PositiveOrZero Integer> reorderPoints,
        @Valid Replenishment replenishment) {

    public InventoryProperties {
        reorderPoints = reorderPoints == null ? Map.of() : Map.copyOf(reorderPoints);
        replenishment = replenishment == null ? Replenishment.DEFAULTS : replenishment;
        if (reservationTtl != null && (reservationTtl.isNegative() || reservationTtl.isZero())) {
            throw new IllegalArgumentException("agentfactory.inventory.reservation-ttl must be positive");
        }
    }

    public String defaultLocation() {
        return locations.getFirst();
    }

    public int reorderPointOf(String sku) {
        return reorderPoints.getOrDefault(sku, defaultReorderPoint);
    }

    /**
     * How much to keep and when to order.
     *
     * @param serviceLevel the probability of not running out during a supplier's lead time; sets safety stock's z
     * @param orderingCost the fixed cost of placing one purchase order, in {@code currency}
     * @param holdingCostRate the yearly cost of holding a unit, as a fraction of its unit cost
     * @param demandWindowDays the days of orders mean and spread of daily demand are measured over
     * @param overstockDaysOfCover more days of cover than this is overstock
     * @param slowMovingDays no sale for this many days (with stock on hand) is slow moving
     * @param expiryRiskDays perishable stock expiring within this many days is at risk
     * @param autoApproveLimit the largest purchase order the agent approves by itself (0: never), always within
     *     the finance budget it reserves
     * @param budgetDepartment the finance department whose budget pays purchase orders
     * @param currency the currency of {@code orderingCost} and {@code autoApproveLimit}
     */
    public record Replenishment(
            @DefaultValue("0.95") @DecimalMin("0.5") @DecimalMax("0.9999")
            double serviceLevel,

            @DefaultValue("25") @NotNull @PositiveOrZero BigDecimal orderingCost,

            @DefaultValue("0.25") @DecimalMin("0.01") @DecimalMax("5")
            double holdingCostRate,

            @DefaultValue("90") @Min(7) @Max(730) int demandWindowDays,
            @DefaultValue("90") @Min(1) int overstockDaysOfCover,
            @DefaultValue("30") @Min(1) int slowMovingDays,
            @DefaultValue("30") @Min(1) int expiryRiskDays,
            @DefaultValue("500") @NotNull @PositiveOrZero BigDecimal autoApproveLimit,
            @DefaultValue("inventory") @NotBlank String budgetDepartment,

            @DefaultValue("GBP") @NotBlank @Size(min = 3, max = 3)
            String currency) {

        public static final Replenishment DEFAULTS = new Replenishment(
                0.95, new BigDecimal("25"), 0.25, 90, 90, 30, 30, new BigDecimal("500"), "inventory", "GBP");
    }
}
