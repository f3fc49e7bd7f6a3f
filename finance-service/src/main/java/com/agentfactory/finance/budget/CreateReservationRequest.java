package com.agentfactory.finance.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A budget check before spending; the period defaults to the current UTC month. */
record CreateReservationRequest(
        @JsonProperty("fiscal_period")
        @Pattern(regexp = BudgetController.PERIOD, message = "must be a fiscal period YYYY-MM")
        String fiscalPeriod,

        @JsonProperty("amount")
        @NotNull
        @DecimalMin("0.01")
        @DecimalMax("1000000.00")
        @Digits(integer = 7, fraction = 2)
        BigDecimal amount,

        @JsonProperty("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @JsonProperty("purpose") @NotBlank @Size(max = 500) String purpose,

        @JsonProperty("requested_by") @NotBlank @Size(max = 100)
        String requestedBy) {}
