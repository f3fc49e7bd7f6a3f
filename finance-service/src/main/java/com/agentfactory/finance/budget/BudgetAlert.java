package com.agentfactory.finance.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A threshold crossing; also the payload of the finance.alerts message (hence the explicit names). */
record BudgetAlert(
        @JsonProperty("id") UUID id,
        @JsonProperty("budget_id") UUID budgetId,
        @JsonProperty("department") String department,
        @JsonProperty("fiscal_period") String fiscalPeriod,
        @JsonProperty("level") String level,
        @JsonProperty("threshold") BigDecimal threshold,
        @JsonProperty("utilisation") BigDecimal utilisation,
        @JsonProperty("used_amount") BigDecimal usedAmount,
        @JsonProperty("allocated_amount") BigDecimal allocatedAmount,
        @JsonProperty("currency") String currency,
        @JsonProperty("created_at") Instant createdAt) {

    static final String ACTION = "budget.threshold_crossed";
}
