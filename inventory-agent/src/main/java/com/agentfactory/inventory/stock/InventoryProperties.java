package com.agentfactory.inventory.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
 */
@Validated
@ConfigurationProperties("agentfactory.inventory")
public record InventoryProperties(
        @DefaultValue("main") @NotEmpty List<@NotBlank @Size(max = 64) String> locations,
        @DefaultValue("15m") @NotNull Duration reservationTtl,
        @DefaultValue("10") @PositiveOrZero int defaultReorderPoint,
        Map<String, @NotNull @PositiveOrZero Integer> reorderPoints) {

    public InventoryProperties {
        reorderPoints = reorderPoints == null ? Map.of() : Map.copyOf(reorderPoints);
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
}
