package com.agentfactory.ad.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** New daily and total budgets, in the campaign's currency, with the reason the audit keeps. */
record UpdateBudgetRequest(
        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal dailyBudget,

        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal totalBudget,

        @NotBlank @Size(max = 1000) String reason) {}
