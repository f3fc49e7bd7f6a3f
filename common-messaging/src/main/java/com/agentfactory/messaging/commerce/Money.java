package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** An amount in an ISO 4217 currency; never a double. */
public record Money(
        @JsonProperty("amount") @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 4)
        BigDecimal amount,

        @JsonProperty("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {}
