package com.agentfactory.finance.budget;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Creates or changes a department's budget for one fiscal month; omitted thresholds keep their values. */
@Schema(
        example =
                "{\"fiscal_period\": \"2026-01\", \"allocated_amount\": 5000.00, \"currency\": \"GBP\", \"warning_threshold\": 0.8, \"critical_threshold\": 0.95, \"alerts_enabled\": true}")
record UpsertBudgetRequest(
        @NotNull @BudgetConstraints.FiscalPeriod String fiscalPeriod,

        @NotNull @DecimalMin("0.00") @DecimalMax("1000000000.00") @Digits(integer = 10, fraction = 2)
        BigDecimal allocatedAmount,

        @BudgetConstraints.Currency String currency,

        @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("1.00") @Digits(integer = 1, fraction = 3)
        BigDecimal warningThreshold,

        @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("1.00") @Digits(integer = 1, fraction = 3)
        BigDecimal criticalThreshold,

        Boolean alertsEnabled) {}
