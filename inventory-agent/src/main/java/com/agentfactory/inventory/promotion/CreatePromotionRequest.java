package com.agentfactory.inventory.promotion;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A planned price cut of a SKU.
 *
 * @param discountPercent the cut in per cent of the usual price, above 0 and at most 90
 * @param startsOn the first day of the promotion
 * @param endsOn the first day after it: at most a year after the start
 * @param reason what the promotion is (a season sale, a clearance, ...)
 */
record CreatePromotionRequest(
        @NotBlank @Size(max = 64) String sku,

        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("90") @Digits(integer = 2, fraction = 2)
        BigDecimal discountPercent,

        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotBlank @Size(max = 500) String reason) {}
