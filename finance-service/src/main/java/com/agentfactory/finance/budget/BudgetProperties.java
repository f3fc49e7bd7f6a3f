package com.agentfactory.finance.budget;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds a budget gets when its owner names none, where the alerts go, how long a month takes spend dated in it
 * after it ended, and how often held reservations past their end are released.
 *
 * @param closingGrace how long after a fiscal month ends spend dated in it (a reservation's {@code spent_on}) is
 *     still booked in it; then the month is closed (see {@link OpenPeriods})
 * @param expirySweepInterval how often reservations still held past their {@code expires_at} are released (see
 *     {@link ExpiredReservations})
 */
@Validated
@ConfigurationProperties("agentfactory.finance.budget")
public record BudgetProperties(
        @NotNull @DecimalMin("0.01") @DecimalMax("1.00") BigDecimal defaultWarningThreshold,
        @NotNull @DecimalMin("0.01") @DecimalMax("1.00") BigDecimal defaultCriticalThreshold,
        @NotBlank String alertsTopic,
        @NotNull Duration closingGrace,
        @NotNull Duration expirySweepInterval) {}
