package com.agentfactory.finance.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** The check-budget task's input: a reservation request plus the department it is for. */
record CheckBudgetInput(
        @JsonProperty("department") @NotNull @Pattern(regexp = BudgetController.DEPARTMENT)
        String department,

        @JsonProperty("fiscal_period") String fiscalPeriod,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("purpose") String purpose,
        @JsonProperty("requested_by") String requestedBy) {

    CreateReservationRequest asReservation() {
        return new CreateReservationRequest(fiscalPeriod, amount, currency, purpose, requestedBy);
    }
}
