package com.agentfactory.inventory.replenishment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A supplier to buy from.
 *
 * @param minimumOrder the smallest quantity the supplier takes in one order (MOQ)
 * @param packSize orders are whole packs of this many units
 */
record CreateSupplierRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(365) Integer leadTimeDays,
        @NotNull @Min(1) @Max(1_000_000) Integer minimumOrder,
        @NotNull @Min(1) @Max(100_000) Integer packSize,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 4)
        BigDecimal unitCost,

        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotEmpty @Size(max = 1000) Set<@NotBlank @Size(max = 64) String> skus) {}
