package com.agentfactory.finance.budget;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Thresholds a budget gets when its owner names none, and where the alerts go. */
@Validated
@ConfigurationProperties("agentfactory.finance.budget")
public record BudgetProperties(
        @NotNull @DecimalMin("0.01") @DecimalMax("1.00") BigDecimal defaultWarningThreshold,
        @NotNull @DecimalMin("0.01") @DecimalMax("1.00") BigDecimal defaultCriticalThreshold,
        @NotBlank String alertsTopic) {}
