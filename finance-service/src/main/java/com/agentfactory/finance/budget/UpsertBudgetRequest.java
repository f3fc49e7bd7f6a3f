package com.agentfactory.finance.budget;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** Creates or changes a department's budget for one fiscal month; omitted thresholds keep their values. */
record UpsertBudgetRequest(
        @NotNull @Pattern(regexp = BudgetController.PERIOD, message = "must be a fiscal period YYYY-MM")
        String fiscalPeriod,

        @NotNull @DecimalMin("0.00") @DecimalMax("1000000000.00") @Digits(integer = 10, fraction = 2)
        BigDecimal allocatedAmount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("1.00") @Digits(integer = 1, fraction = 3)
        BigDecimal warningThreshold,

        @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("1.00") @Digits(integer = 1, fraction = 3)
        BigDecimal criticalThreshold,

        Boolean alertsEnabled) {}
