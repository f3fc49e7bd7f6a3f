package com.agentfactory.recommendation.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A product's unit margin, in the product's currency. */
record UpdateMarginRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 4)
        BigDecimal margin) {}
